/**
 * Chia key derivation: EIP-2333 KeyGen from a seed (the original revision with the raw salt
 * "BLS-SIG-KEYGEN-SALT-", as blst `keygen_v3` / Chia bls-signatures implement it), hardened
 * children via the EIP-2333 Lamport construction, and Chia's unhardened (public) derivation
 * `child = parent + int_be(sha256(pk(parent) ‖ u32_be(index)))` on both the secret and public side.
 * Wallet paths are m/12381/8444/2/index.
 * Spec: chia_rs `crates/chia-bls/src/{derive_keys.rs,secret_key.rs,public_key.rs}`;
 * https://eips.ethereum.org/EIPS/eip-2333; libs.md §6.1.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { expand, extract } from '@noble/hashes/hkdf.js'
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import { atomToUnsigned } from '../clvm/int'
import { AppError } from '../errors/app-error'
import { concatBytes, utf8ToBytes } from '../primitives/bytes'
import { sha256 } from '../primitives/sha256'
import { type PublicKey, publicKeyToPoint } from './public-key'
import { BLS_GROUP_ORDER, type SecretKey, scalarToSecretKey, secretKeyToPublicKey, secretKeyToScalar } from './secret-key'

/** Chia's wallet derivation prefix: purpose 12381, coin type 8444, 2 = wallet keys. */
export const WALLET_PATH_PREFIX = [12381, 8444, 2] as const

const KEYGEN_SALT = utf8ToBytes('BLS-SIG-KEYGEN-SALT-')

export class SeedTooShortError extends AppError {
  override name = 'SeedTooShortError' as const
  constructor({ length }: { length: number }) {
    super('A key seed must be at least 32 bytes.', { details: `got ${length} bytes` })
  }
}

export class InvalidDerivationIndexError extends AppError {
  override name = 'InvalidDerivationIndexError' as const
  constructor({ index }: { index: number }) {
    super('A derivation index must be an integer in [0, 2^32).', { details: `got ${index}` })
  }
}

function u32be(index: number): Uint8Array {
  if (!Number.isInteger(index) || index < 0 || index > 0xffffffff) throw new InvalidDerivationIndexError({ index })
  return new Uint8Array([index >>> 24, (index >>> 16) & 0xff, (index >>> 8) & 0xff, index & 0xff])
}

/**
 * EIP-2333 `derive_master_SK` as Chia does it: HKDF-Extract(salt, seed ‖ 0x00), Expand(info = 0x0030, 48) mod r.
 * @example const masterSecretKey = secretKeyFromSeed(mnemonicToSeed(mnemonic))
 */
export function secretKeyFromSeed(seed: Uint8Array): SecretKey {
  if (seed.length < 32) throw new SeedTooShortError({ length: seed.length })
  const prk = extract(nobleSha256, concatBytes(seed, new Uint8Array([0])), KEYGEN_SALT)
  const okm = expand(nobleSha256, prk, new Uint8Array([0, 48]), 48)
  return scalarToSecretKey(atomToUnsigned(okm) % BLS_GROUP_ORDER)
}

function lamportChunksHashed(ikm: Uint8Array, salt: Uint8Array): Uint8Array {
  const okm = expand(nobleSha256, extract(nobleSha256, ikm, salt), new Uint8Array(0), 255 * 32)
  const out = new Uint8Array(255 * 32)
  for (let i = 0; i < 255; i++) out.set(sha256(okm.subarray(i * 32, i * 32 + 32)), i * 32)
  return out
}

/**
 * Hardened child key (EIP-2333 `derive_child_SK`, Lamport): needs the secret key.
 * @example deriveHardened(masterSecretKey, 12381)
 */
export function deriveHardened(secretKey: SecretKey, index: number): SecretKey {
  const salt = u32be(index)
  const ikm = scalarToSecretKey(secretKeyToScalar(secretKey))
  const notIkm = ikm.map((b) => b ^ 0xff)
  const lamportPk = sha256(lamportChunksHashed(ikm, salt), lamportChunksHashed(notIkm, salt))
  return secretKeyFromSeed(lamportPk)
}

function unhardenedOffset(parentPublicKey: PublicKey, index: number): bigint {
  return atomToUnsigned(sha256(parentPublicKey, u32be(index))) % BLS_GROUP_ORDER
}

/**
 * Unhardened child secret key: `sk + int_be(sha256(pk ‖ u32_be(index))) mod r`.
 * @example deriveUnhardenedSecretKey(sk, 0)
 */
export function deriveUnhardenedSecretKey(secretKey: SecretKey, index: number): SecretKey {
  const offset = unhardenedOffset(secretKeyToPublicKey(secretKey), index)
  return scalarToSecretKey(secretKeyToScalar(secretKey) + offset)
}

/**
 * Unhardened child public key: `pk + int_be(sha256(pk ‖ u32_be(index))) · G1`; matches the secret side.
 * @example deriveUnhardenedPublicKey(masterPublicKey, 12381)
 */
export function deriveUnhardenedPublicKey(publicKey: PublicKey, index: number): PublicKey {
  const offset = unhardenedOffset(publicKey, index)
  const point = publicKeyToPoint(publicKey)
  const G1 = bls12_381.G1.Point
  return point.add(offset === 0n ? G1.ZERO : G1.BASE.multiply(offset)).toBytes(true)
}

/**
 * Walks a path of hardened steps from a secret key.
 * @example deriveHardenedPath(masterSecretKey, [12381, 8444, 2, 0])
 */
export function deriveHardenedPath(secretKey: SecretKey, path: readonly number[]): SecretKey {
  let key = secretKey
  for (const index of path) key = deriveHardened(key, index)
  return key
}

/**
 * Walks a path of unhardened steps from a secret key.
 * @example deriveUnhardenedSecretKeyPath(masterSecretKey, [12381, 8444, 2, 0])
 */
export function deriveUnhardenedSecretKeyPath(secretKey: SecretKey, path: readonly number[]): SecretKey {
  let key = secretKey
  for (const index of path) key = deriveUnhardenedSecretKey(key, index)
  return key
}

/**
 * Walks a path of unhardened steps from a public key.
 * @example deriveUnhardenedPublicKeyPath(masterPublicKey, [12381, 8444, 2, 0])
 */
export function deriveUnhardenedPublicKeyPath(publicKey: PublicKey, path: readonly number[]): PublicKey {
  let key = publicKey
  for (const index of path) key = deriveUnhardenedPublicKey(key, index)
  return key
}

/**
 * The hardened wallet key at m/12381/8444/2/index (chia_rs `master_to_wallet_hardened`).
 * @example masterToWalletHardened(masterSecretKey, 0)
 */
export function masterToWalletHardened(masterSecretKey: SecretKey, index: number): SecretKey {
  return deriveHardenedPath(masterSecretKey, [...WALLET_PATH_PREFIX, index])
}

/**
 * The unhardened wallet secret key at m/12381/8444/2/index (chia_rs `master_to_wallet_unhardened`).
 * @example masterToWalletUnhardened(masterSecretKey, 0)
 */
export function masterToWalletUnhardened(masterSecretKey: SecretKey, index: number): SecretKey {
  return deriveUnhardenedSecretKeyPath(masterSecretKey, [...WALLET_PATH_PREFIX, index])
}

/**
 * The unhardened wallet public key at m/12381/8444/2/index, derived from the master public key alone.
 * @example masterPublicKeyToWalletUnhardened(masterPublicKey, 0)
 */
export function masterPublicKeyToWalletUnhardened(masterPublicKey: PublicKey, index: number): PublicKey {
  return deriveUnhardenedPublicKeyPath(masterPublicKey, [...WALLET_PATH_PREFIX, index])
}
