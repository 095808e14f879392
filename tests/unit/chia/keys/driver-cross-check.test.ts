/**
 * Cross-checks the pure keys code against the reference driver (@dignetwork/datalayer-driver
 * 0.1.29, native, Node only) on keys that are not in the vector file.
 */
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { addressToPuzzleHash, puzzleHashToAddress } from '@/lib/chia/keys/address'
import { masterPublicKeyToWalletUnhardened } from '@/lib/chia/keys/derive-keys'
import { scalarToSecretKey, secretKeyToPublicKey } from '@/lib/chia/keys/secret-key'
import { signMessage, verifySignedMessage } from '@/lib/chia/keys/sign-message'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import {
  masterPublicKeyToWalletSyntheticKey,
  masterSecretKeyToWalletSyntheticSecretKey,
} from '@/lib/chia/keys/synthetic-key'
import { bytesToHex, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { DEFAULT_HIDDEN_PUZZLE_HASH } from '@/lib/chia/puzzles/default-hidden-puzzle'
import { sha256 } from '@/lib/chia/primitives/sha256'

interface Driver {
  masterSecretKeyToWalletSyntheticSecretKey(sk: Buffer): Buffer
  masterPublicKeyToWalletSyntheticKey(pk: Buffer): Buffer
  secretKeyToPublicKey(sk: Buffer): Buffer
  syntheticKeyToPuzzleHash(pk: Buffer): Buffer
  puzzleHashToAddress(ph: Buffer, prefix: string): string
  addressToPuzzleHash(address: string): Buffer
  signMessage(message: Buffer, sk: Buffer): Buffer
  verifySignedMessage(signature: Buffer, publicKey: Buffer, message: Buffer): boolean
}
const driver = createRequire(import.meta.url)('@dignetwork/datalayer-driver') as Driver

// Deterministic "random" master keys: sha256 of a label, reduced mod r (the vectors' own recipe).
const KEYS = Array.from({ length: 20 }, (_, i) => {
  const digest = sha256(utf8ToBytes(`keys-cross-check/${i}`))
  return scalarToSecretKey(BigInt(`0x${bytesToHex(digest)}`))
})
const hex = (b: Uint8Array) => bytesToHex(b)

describe('keys agree with the reference driver on 20 fresh master keys', () => {
  it('synthetic secret/public keys, puzzle hash, addresses', () => {
    let negativeDigests = 0
    for (const msk of KEYS) {
      const mpk = secretKeyToPublicKey(msk)
      expect(hex(mpk)).toBe(hex(driver.secretKeyToPublicKey(Buffer.from(msk))))
      const ssk = masterSecretKeyToWalletSyntheticSecretKey(msk)
      const spk = masterPublicKeyToWalletSyntheticKey(mpk)
      expect(hex(ssk)).toBe(hex(driver.masterSecretKeyToWalletSyntheticSecretKey(Buffer.from(msk))))
      expect(hex(spk)).toBe(hex(driver.masterPublicKeyToWalletSyntheticKey(Buffer.from(mpk))))
      expect(hex(secretKeyToPublicKey(ssk))).toBe(hex(spk))
      const ph = standardPuzzleHash(spk)
      expect(hex(ph)).toBe(hex(driver.syntheticKeyToPuzzleHash(Buffer.from(spk))))
      for (const prefix of ['xch', 'txch']) {
        const address = puzzleHashToAddress(ph, prefix)
        expect(address).toBe(driver.puzzleHashToAddress(Buffer.from(ph), prefix))
        expect(hex(driver.addressToPuzzleHash(address))).toBe(hex(addressToPuzzleHash(address, prefix)))
      }
      // Count keys whose synthetic digest is "negative" (the signed-offset branch).
      if (sha256(masterPublicKeyToWalletUnhardened(mpk, 0), DEFAULT_HIDDEN_PUZZLE_HASH)[0] & 0x80) negativeDigests++
    }
    expect(negativeDigests).toBeGreaterThan(3)
    expect(negativeDigests).toBeLessThan(KEYS.length)
  })

  it('signMessage / verifySignedMessage', () => {
    for (const [i, msk] of KEYS.entries()) {
      const sk = masterSecretKeyToWalletSyntheticSecretKey(msk)
      const pk = secretKeyToPublicKey(sk)
      const message = utf8ToBytes(`DIG login\nnonce: ${i}`)
      const ours = signMessage(sk, message)
      expect(hex(ours)).toBe(hex(driver.signMessage(Buffer.from(message), Buffer.from(sk))))
      expect(verifySignedMessage(pk, message, ours)).toBe(true)
      expect(driver.verifySignedMessage(Buffer.from(ours), Buffer.from(pk), Buffer.from(message))).toBe(true)
      const other = utf8ToBytes(`DIG login\nnonce: ${i + 1}`)
      expect(verifySignedMessage(pk, other, ours)).toBe(false)
      expect(driver.verifySignedMessage(Buffer.from(ours), Buffer.from(pk), Buffer.from(other))).toBe(false)
    }
  })
})
