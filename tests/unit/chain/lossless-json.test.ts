import { describe, expect, it } from 'vitest'

import { InvalidJsonError, parseLosslessJson, stringifyLosslessJson } from '@/lib/chain/lossless-json'

describe('lossless JSON', () => {
  it('keeps integers above 2^53 exact as bigint and round-trips them as bare numbers', () => {
    const text = '{"coin":{"amount":18446744073709551615},"space":25193321725003644928,"height":9007199254740993}'
    const v = parseLosslessJson(text) as { coin: { amount: unknown }; space: unknown; height: unknown }
    expect(v.coin.amount).toBe(18446744073709551615n)
    expect(v.space).toBe(25193321725003644928n)
    expect(v.height).toBe(9007199254740993n)
    expect(stringifyLosslessJson(v)).toBe(text)
  })

  it('always returns bigint for amount-like keys, numbers elsewhere', () => {
    const v = parseLosslessJson('{"amount":1,"fee":0,"cost":5,"height":7,"timestamp":1700000000,"rate":1.5}') as Record<string, unknown>
    expect(v).toEqual({ amount: 1n, fee: 0n, cost: 5n, height: 7, timestamp: 1700000000, rate: 1.5 })
  })

  it('parses amounts inside arrays of records', () => {
    const v = parseLosslessJson('{"coin_records":[{"coin":{"amount":9007199254740993}}]}') as { coin_records: { coin: { amount: bigint } }[] }
    expect(v.coin_records[0].coin.amount + 1n).toBe(9007199254740994n)
  })

  it.each(['', '{', '{"a":}', "{'a':1}", 'NaN', '[1,]', '{"a":1}x'])('rejects %j with InvalidJsonError', (text) => {
    expect(() => parseLosslessJson(text)).toThrow(InvalidJsonError)
  })

  it('serializes bigint from builders as JSON numbers, never strings', () => {
    expect(stringifyLosslessJson({ amount: 2n ** 64n - 1n, list: [1n, 2] })).toBe('{"amount":18446744073709551615,"list":[1,2]}')
  })
})

describe('lossless JSON fast path boundary', () => {
  it('15-digit integers stay numbers, 16+ digits take the exact path', () => {
    const v = parseLosslessJson('{"a":999999999999999,"b":1000000000000000,"c":[-9007199254740993],"d":1e3}') as Record<string, unknown>
    expect(v.a).toBe(999999999999999)
    expect(v.b).toBe(1000000000000000)
    expect(v.c).toEqual([-9007199254740993n])
    expect(v.d).toBe(1000)
  })

  it('digits inside strings never confuse the detector', () => {
    const v = parseLosslessJson('{"error":"x:12345678901234567890","amount":12345678901234567890}') as Record<string, unknown>
    expect(v.error).toBe('x:12345678901234567890')
    expect(v.amount).toBe(12345678901234567890n)
  })
})

describe('lossless JSON serializer paths', () => {
  it('writes safe and unsafe bigints identically to the lossless serializer', () => {
    expect(stringifyLosslessJson({ a: 5n, b: [9007199254740991n, -9007199254740991n], c: 'x' })).toBe(
      '{"a":5,"b":[9007199254740991,-9007199254740991],"c":"x"}',
    )
    expect(stringifyLosslessJson({ a: 5n, big: 9007199254740992n, nested: [{ amount: 2n ** 64n - 1n }] })).toBe(
      '{"a":5,"big":9007199254740992,"nested":[{"amount":18446744073709551615}]}',
    )
  })

  it('omits undefined properties like JSON.stringify on both paths', () => {
    expect(stringifyLosslessJson({ a: undefined, b: 1n })).toBe('{"b":1}')
    expect(stringifyLosslessJson({ a: undefined, b: 2n ** 60n })).toBe('{"b":1152921504606846976}')
  })
})
