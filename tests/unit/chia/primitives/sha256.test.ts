import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import { describe, expect, it } from 'vitest'

import { bytesToHex, concatBytes } from '@/lib/chia/primitives/bytes'
import { sha256 } from '@/lib/chia/primitives/sha256'

describe('sha256', () => {
  const data = Uint8Array.from({ length: 5000 }, (_, i) => (i * 151 + 3) & 0xff)

  it('equals @noble/hashes on both sides of the one-shot limit, whole and split into parts', () => {
    for (const len of [0, 1, 32, 55, 56, 63, 64, 65, 119, 120, 128, 500, 1022, 1023, 1024, 1025, 2048, 4999]) {
      const message = data.subarray(0, len)
      const expected = bytesToHex(nobleSha256(message))
      expect(bytesToHex(sha256(message))).toBe(expected)
      const a = (len * 7) % (len + 1)
      const b = a + ((len - a) >> 1)
      expect(bytesToHex(sha256(message.subarray(0, a), message.subarray(a, b), message.subarray(b)))).toBe(expected)
    }
  })

  it('hashes no parts as the empty message and concatenates parts in order', () => {
    expect(bytesToHex(sha256())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    const x = data.subarray(0, 40)
    const y = data.subarray(40, 90)
    expect(bytesToHex(sha256(x, y))).toBe(bytesToHex(nobleSha256(concatBytes(x, y))))
    expect(bytesToHex(sha256(y, x))).not.toBe(bytesToHex(sha256(x, y)))
  })
})
