/** The proxy and ChainClient decode kilobytes of hex per spend through lib/chia's hexToBytes. */
import { describe, expect, it } from 'vitest'

import { bytesToHex, hexToBytes, InvalidHexError } from '@/lib/chia/primitives/bytes'

describe('hexToBytes', () => {
  it('decodes with or without 0x/0X, either case', () => {
    expect([...hexToBytes('0x00ff7A')]).toEqual([0, 255, 122])
    expect([...hexToBytes('0X0a')]).toEqual([10])
    expect([...hexToBytes('AbCd')]).toEqual([0xab, 0xcd])
    expect(hexToBytes('')).toEqual(new Uint8Array(0))
    expect(hexToBytes('0x')).toEqual(new Uint8Array(0))
  })

  it.each(['0', '0x0', 'zz', '0xg0', '0x0g', '0x 0', 'é0', '0x0x00', '00\u0000'])('rejects %j', (bad) => {
    expect(() => hexToBytes(bad, 'field')).toThrow(InvalidHexError)
  })

  it('round-trips every byte value and long inputs', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(hexToBytes(bytesToHex(all))).toEqual(all)
    const big = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) & 255)
    expect(hexToBytes(`0x${bytesToHex(big)}`)).toEqual(big)
    expect(hexToBytes(bytesToHex(big).toUpperCase())).toEqual(big)
  })
})
