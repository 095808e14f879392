import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { signedMessageDigest, signMessage, verifySignedMessage } from '@/lib/chia/keys/sign-message'
import { bytesToHex, hexToBytes, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { sha256 } from '@/lib/chia/primitives/sha256'

const vectors = JSON.parse(
  readFileSync(new URL('../../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8'),
)

describe('CHIP-0002 signMessage', () => {
  it('reproduces every driver signedMessages vector and verifies it', () => {
    for (const v of vectors.signedMessages) {
      const message = hexToBytes(v.message)
      expect(bytesToHex(signedMessageDigest(message))).toBe(v.signedDigest)
      const sig = signMessage(hexToBytes(v.privateKey), message)
      expect(bytesToHex(sig)).toBe(v.signature)
      expect(verifySignedMessage(hexToBytes(v.publicKey), message, sig)).toBe(v.verifies)
    }
  })

  it('digest is sha256(2 ‖ sha256(1 ‖ "Chia Signed Message") ‖ sha256(1 ‖ message))', () => {
    const m = utf8ToBytes('DIG login')
    const expected = sha256(
      new Uint8Array([2]),
      sha256(new Uint8Array([1]), utf8ToBytes('Chia Signed Message')),
      sha256(new Uint8Array([1]), m),
    )
    expect(bytesToHex(signedMessageDigest(m))).toBe(bytesToHex(expected))
  })

  it('rejects another message or another key', () => {
    const v = vectors.signedMessages[0]
    const sig = hexToBytes(v.signature)
    expect(verifySignedMessage(hexToBytes(v.publicKey), utf8ToBytes('hello datalayeR'), sig)).toBe(false)
    expect(verifySignedMessage(hexToBytes(vectors.keys.admin.syntheticPublicKey), hexToBytes(v.message), sig)).toBe(false)
  })
})
