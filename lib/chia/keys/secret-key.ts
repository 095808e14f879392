/**
 * BLS12-381 secret keys as Chia stores them: a 32-byte big-endian scalar below the group order r.
 * Zero is accepted (chia_rs `SecretKey::from_bytes` allows it; its public key is the identity).
 * Spec: chia_rs `crates/chia-bls/src/secret_key.rs`; datalayer-protocol.md §2.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { atomToUnsigned } from '../clvm/int'
import { AppError } from '../errors/app-error'
import { InvalidLengthError } from '../primitives/bytes'
import type { PublicKey } from './public-key'

/** A 32-byte big-endian BLS scalar, `0 <= sk < r`. */
export type SecretKey = Uint8Array

/** The BLS12-381 group order r (datalayer-protocol.md §2.2). */
export const BLS_GROUP_ORDER = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n

export class SecretKeyGroupOrderError extends AppError {
  override name = 'SecretKeyGroupOrderError' as const
  constructor() {
    // Never echo the key bytes themselves into an error.
    super('Secret key is not below the BLS group order.', { details: 'value >= r' })
  }
}

/**
 * Checks a 32-byte secret key (length and `< r`) and returns a copy.
 * @example const sk = secretKeyFromBytes(hexToBytes('3a1396bc…6a07'))
 */
export function secretKeyFromBytes(bytes: Uint8Array): SecretKey {
  if (bytes.length !== 32) throw new InvalidLengthError({ expected: 32, actual: bytes.length, field: 'secretKey' })
  if (atomToUnsigned(bytes) >= BLS_GROUP_ORDER) throw new SecretKeyGroupOrderError()
  return Uint8Array.from(bytes)
}

/**
 * The scalar value of a secret key (no range check beyond the length).
 * @example secretKeyToScalar(sk) // 0x3a13…n
 */
export function secretKeyToScalar(sk: SecretKey): bigint {
  if (sk.length !== 32) throw new InvalidLengthError({ expected: 32, actual: sk.length, field: 'secretKey' })
  return atomToUnsigned(sk)
}

/**
 * A scalar reduced mod r as a 32-byte big-endian secret key.
 * @example scalarToSecretKey(5n) // 00…05
 */
export function scalarToSecretKey(scalar: bigint): SecretKey {
  let s = scalar % BLS_GROUP_ORDER
  if (s < 0n) s += BLS_GROUP_ORDER
  const out = new Uint8Array(32)
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(s & 0xffn)
    s >>= 8n
  }
  return out
}

/**
 * The G1 public key (48 bytes, compressed) of a secret key: `sk · G1`.
 * @example bytesToHex(secretKeyToPublicKey(sk)) // 'a1269a37…aae9'
 */
export function secretKeyToPublicKey(sk: SecretKey): PublicKey {
  const s = secretKeyToScalar(sk) % BLS_GROUP_ORDER
  const G1 = bls12_381.G1.Point
  return (s === 0n ? G1.ZERO : G1.BASE.multiply(s)).toBytes(true)
}
