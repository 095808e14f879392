/**
 * BLS signatures as Chia uses them: AugSchemeMPL over BLS12-381 with G1 public keys and G2
 * signatures. Signing hashes `pk48 ‖ message` to G2 with the AUG ciphersuite DST, so aggregation
 * of distinct keys over equal messages is safe without proofs of possession.
 * Spec: datalayer-protocol.md §2.1; chia_rs `crates/chia-bls/src/signature.rs`;
 * https://datatracker.ietf.org/doc/html/draft-irtf-cfrg-bls-signature-05#section-3.2
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { AppError } from '../errors/app-error'
import { bytesToHex, concatBytes, InvalidLengthError } from '../primitives/bytes'
import { isInfinityPublicKey, type PublicKey, publicKeyToPoint } from './public-key'
import { BLS_GROUP_ORDER, type SecretKey, secretKeyToPublicKey, secretKeyToScalar } from './secret-key'

/** A 96-byte compressed G2 point. */
export type Signature = Uint8Array

type G2Point = ReturnType<typeof bls12_381.G2.Point.fromBytes>

/** Domain separation tag of the augmented scheme (IETF BLS draft §4.2.2). */
export const AUG_SCHEME_DST = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_AUG_'

/** The identity signature: `c0` followed by 95 zero bytes (what signing nothing yields). */
export const INFINITY_SIGNATURE: Signature = bls12_381.longSignatures.Signature.toBytes(bls12_381.G2.Point.ZERO)

export class InvalidSignatureError extends AppError {
  override name = 'InvalidSignatureError' as const
  constructor({ signature, cause }: { signature: Uint8Array; cause?: unknown }) {
    super('Signature is not a valid BLS12-381 G2 point.', { details: `got ${bytesToHex(signature)}`, cause })
  }
}

/**
 * Parses a compressed G2 signature; throws {@link InvalidSignatureError} if it is not a valid subgroup point.
 * @example const point = signatureToPoint(sig)
 */
export function signatureToPoint(signature: Uint8Array): G2Point {
  if (signature.length !== 96) throw new InvalidLengthError({ expected: 96, actual: signature.length, field: 'signature' })
  let point: G2Point
  try {
    point = bls12_381.longSignatures.Signature.fromBytes(Uint8Array.from(signature))
    point.assertValidity()
  } catch (cause) {
    throw new InvalidSignatureError({ signature, cause })
  }
  return point
}

function hashAugmented(publicKey: PublicKey, message: Uint8Array): G2Point {
  return bls12_381.G2.hashToCurve(concatBytes(publicKey, message), { DST: AUG_SCHEME_DST }) as unknown as G2Point
}

/**
 * AugSchemeMPL sign: `sk · H(pk ‖ message)`.
 * @example const sig = blsSign(sk, sha256(utf8ToBytes('hello')))
 */
export function blsSign(secretKey: SecretKey, message: Uint8Array): Signature {
  const scalar = secretKeyToScalar(secretKey) % BLS_GROUP_ORDER
  const publicKey = secretKeyToPublicKey(secretKey)
  if (scalar === 0n) return Uint8Array.from(INFINITY_SIGNATURE)
  return bls12_381.longSignatures.Signature.toBytes(hashAugmented(publicKey, message).multiply(scalar))
}

/**
 * AugSchemeMPL verify. Returns false for a wrong signature, an identity key or undecodable bytes.
 * @example blsVerify(pk, message, sig) // true
 */
export function blsVerify(publicKey: PublicKey, message: Uint8Array, signature: Signature): boolean {
  return blsAggregateVerify([{ publicKey, message }], signature)
}

/**
 * Sums signatures (G2 addition). The empty sum is {@link INFINITY_SIGNATURE}.
 * @example const aggregatedSignature = blsAggregate([sigA, sigB])
 */
export function blsAggregate(signatures: readonly Signature[]): Signature {
  let acc = bls12_381.G2.Point.ZERO
  for (const s of signatures) acc = acc.add(signatureToPoint(s))
  return bls12_381.longSignatures.Signature.toBytes(acc)
}

/**
 * AugSchemeMPL aggregate verify of `(publicKey, message)` pairs against one aggregated signature.
 * With no pairs, only the identity signature verifies (chia_rs `aggregate_verify`). Identity public
 * keys never verify (consensus rejects them in AGG_SIG conditions).
 * @example blsAggregateVerify([{ publicKey: pkA, message: mA }, { publicKey: pkB, message: mB }], aggregatedSignature)
 */
export function blsAggregateVerify(
  pairs: readonly { publicKey: PublicKey; message: Uint8Array }[],
  signature: Signature,
): boolean {
  let sig: G2Point
  try {
    sig = signatureToPoint(signature)
  } catch {
    return false
  }
  if (pairs.length === 0) return sig.is0()
  const items: { message: G2Point; publicKey: ReturnType<typeof publicKeyToPoint> }[] = []
  for (const { publicKey, message } of pairs) {
    if (isInfinityPublicKey(publicKey)) return false
    let point: ReturnType<typeof publicKeyToPoint>
    try {
      point = publicKeyToPoint(publicKey)
    } catch {
      return false
    }
    items.push({ message: hashAugmented(publicKey, message), publicKey: point })
  }
  return bls12_381.longSignatures.verifyBatch(sig, items)
}
