import { readFileSync } from 'node:fs'
import { bech32, bech32m } from '@scure/base'
import { describe, expect, it } from 'vitest'
import {
  AddressPrefixMismatchError,
  addressToPuzzleHash,
  decodeAddress,
  InvalidAddressError,
  InvalidAddressLengthError,
  puzzleHashToAddress,
} from '@/lib/chia/keys/address'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'

const vectors = JSON.parse(
  readFileSync(new URL('../../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8'),
)

describe('addresses', () => {
  it('encodes and decodes every driver address vector', () => {
    for (const a of vectors.addresses) {
      expect(puzzleHashToAddress(hexToBytes(a.puzzleHash), a.prefix)).toBe(a.address)
      expect(bytesToHex(addressToPuzzleHash(a.address))).toBe(a.decoded)
      expect(decodeAddress(a.address).prefix).toBe(a.prefix)
    }
    for (const k of Object.values(vectors.keys) as Record<string, string>[]) {
      expect(puzzleHashToAddress(hexToBytes(k.puzzleHash), 'xch')).toBe(k.xchAddress)
      expect(puzzleHashToAddress(hexToBytes(k.puzzleHash), 'txch')).toBe(k.txchAddress)
      expect(bytesToHex(addressToPuzzleHash(k.txchAddress, 'txch'))).toBe(k.puzzleHash)
    }
  })

  it('checks the prefix only when one is expected', () => {
    const { xchAddress, puzzleHash } = vectors.keys.owner
    expect(bytesToHex(addressToPuzzleHash(xchAddress))).toBe(puzzleHash)
    expect(() => addressToPuzzleHash(xchAddress, 'txch')).toThrow(AddressPrefixMismatchError)
    expect(bytesToHex(addressToPuzzleHash(xchAddress.toUpperCase(), 'xch'))).toBe(puzzleHash)
  })

  it('rejects a bad checksum, a bech32 (non-m) checksum, mixed case and a wrong length', () => {
    const { xchAddress, puzzleHash } = vectors.keys.owner
    const last = xchAddress.at(-1) === 'q' ? 'p' : 'q'
    expect(() => addressToPuzzleHash(xchAddress.slice(0, -1) + last)).toThrow(InvalidAddressError)
    const bech32Address = bech32.encode('xch', bech32.toWords(hexToBytes(puzzleHash)))
    expect(() => addressToPuzzleHash(bech32Address)).toThrow(InvalidAddressError)
    expect(() => addressToPuzzleHash(`X${xchAddress.slice(1)}`)).toThrow(InvalidAddressError)
    expect(() => addressToPuzzleHash('')).toThrow(InvalidAddressError)
    const short = puzzleHashToAddress(new Uint8Array(32), 'xch')
    expect(() => addressToPuzzleHash(short.slice(0, 10))).toThrow(InvalidAddressError)
    const twenty = bech32m.encode('xch', bech32m.toWords(new Uint8Array(20)))
    expect(() => addressToPuzzleHash(twenty)).toThrow(InvalidAddressLengthError)
    expect(() => puzzleHashToAddress(new Uint8Array(31), 'xch')).toThrow(/32 bytes/)
  })
})
