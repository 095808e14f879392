/**
 * BLS12-381 G1 public keys, 48-byte compressed (ZCash encoding, as in Chia). The identity
 * (`c0` followed by 47 zero bytes) is a valid encoding, as in chia_rs `PublicKey::from_bytes`.
 * Spec: chia_rs `crates/chia-bls/src/public_key.rs`.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { AppError } from '../errors/app-error'
import { bytesToHex, InvalidLengthError } from '../primitives/bytes'
import { sha256 } from '../primitives/sha256'

/** A 48-byte compressed G1 point. */
export type PublicKey = Uint8Array

type G1Point = ReturnType<typeof bls12_381.G1.Point.fromBytes>

/** The identity element of G1, compressed. */
export const INFINITY_PUBLIC_KEY: PublicKey = bls12_381.G1.Point.ZERO.toBytes(true)

export class InvalidPublicKeyError extends AppError {
  override name = 'InvalidPublicKeyError' as const
  constructor({ publicKey, cause }: { publicKey: Uint8Array; cause?: unknown }) {
    super('Public key is not a valid BLS12-381 G1 point.', { details: `got ${bytesToHex(publicKey)}`, cause })
  }
}

/**
 * Parses a compressed G1 point; throws {@link InvalidPublicKeyError} unless it is canonical and on the curve.
 * @example const point = publicKeyToPoint(pk)
 */
export function publicKeyToPoint(publicKey: Uint8Array): G1Point {
  if (publicKey.length !== 48) throw new InvalidLengthError({ expected: 48, actual: publicKey.length, field: 'publicKey' })
  let point: G1Point
  try {
    // Copy: some BLS libraries mutate their input while decoding (libs.md §7).
    point = bls12_381.G1.Point.fromBytes(Uint8Array.from(publicKey))
    point.assertValidity()
  } catch (cause) {
    throw new InvalidPublicKeyError({ publicKey, cause })
  }
  return point
}

/**
 * Validates a 48-byte public key and returns a copy of it.
 * @example const pk = publicKeyFromBytes(hexToBytes('a1269a37…aae9'))
 */
export function publicKeyFromBytes(bytes: Uint8Array): PublicKey {
  publicKeyToPoint(bytes)
  return Uint8Array.from(bytes)
}

/**
 * True if the key is the G1 identity (no key).
 * @example isInfinityPublicKey(INFINITY_PUBLIC_KEY) // true
 */
export function isInfinityPublicKey(publicKey: Uint8Array): boolean {
  if (publicKey.length !== 48 || publicKey[0] !== 0xc0) return false
  for (let i = 1; i < 48; i++) if (publicKey[i] !== 0) return false
  return true
}

/**
 * Sum of public keys (G1 point addition).
 * @example addPublicKeys(pkA, pkB)
 */
export function addPublicKeys(...publicKeys: Uint8Array[]): PublicKey {
  let acc = bls12_381.G1.Point.ZERO
  for (const pk of publicKeys) acc = acc.add(publicKeyToPoint(pk))
  return acc.toBytes(true)
}

/**
 * The wallet fingerprint of a key: the first 4 bytes of sha256(pk) as a big-endian u32 (chia_rs `get_fingerprint`).
 * @example publicKeyFingerprint(masterPublicKey) // 651010559
 */
export function publicKeyFingerprint(publicKey: PublicKey): number {
  const h = sha256(publicKey)
  return ((h[0] << 24) | (h[1] << 16) | (h[2] << 8) | h[3]) >>> 0
}
