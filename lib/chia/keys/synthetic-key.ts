/**
 * Synthetic keys of the standard puzzle (p2_delegated_puzzle_or_hidden_puzzle): the key curried
 * into a wallet coin is `pk + offset·G1`, `offset = int_be_SIGNED(sha256(pk ‖ hidden_puzzle_hash)) mod r`.
 * The digest is read as a two's-complement signed integer (chia_rs `mod_by_group_order`); reading it
 * unsigned gives wrong keys for every digest with its top bit set (libs.md §2a).
 * Spec: chia_rs `crates/chia-puzzle-types/src/derive_synthetic.rs`; datalayer-protocol.md §2.2.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { atomToBigint } from '../clvm/int'
import { DEFAULT_HIDDEN_PUZZLE_HASH } from '../puzzles/default-hidden-puzzle'
import type { Bytes32 } from '../primitives/bytes'
import { sha256 } from '../primitives/sha256'
import { masterPublicKeyToWalletUnhardened, masterToWalletUnhardened } from './derive-keys'
import { type PublicKey, publicKeyToPoint } from './public-key'
import { BLS_GROUP_ORDER, type SecretKey, scalarToSecretKey, secretKeyToPublicKey, secretKeyToScalar } from './secret-key'

/**
 * The synthetic offset scalar for a public key and hidden puzzle hash (signed digest, reduced into [0, r)).
 * @example syntheticOffset(pk) // 0x…n
 */
export function syntheticOffset(publicKey: PublicKey, hiddenPuzzleHash: Bytes32 = DEFAULT_HIDDEN_PUZZLE_HASH): bigint {
  // Two's-complement signed, like a CLVM integer atom.
  const v = atomToBigint(sha256(publicKey, hiddenPuzzleHash))
  return ((v % BLS_GROUP_ORDER) + BLS_GROUP_ORDER) % BLS_GROUP_ORDER
}

/**
 * The synthetic secret key `sk + offset(pk(sk))`.
 * @example syntheticSecretKey(masterToWalletUnhardened(masterSecretKey, 0))
 */
export function syntheticSecretKey(secretKey: SecretKey, hiddenPuzzleHash: Bytes32 = DEFAULT_HIDDEN_PUZZLE_HASH): SecretKey {
  const offset = syntheticOffset(secretKeyToPublicKey(secretKey), hiddenPuzzleHash)
  return scalarToSecretKey(secretKeyToScalar(secretKey) + offset)
}

/**
 * The synthetic public key `pk + offset(pk)·G1`.
 * @example syntheticPublicKey(masterPublicKeyToWalletUnhardened(masterPublicKey, 0))
 */
export function syntheticPublicKey(publicKey: PublicKey, hiddenPuzzleHash: Bytes32 = DEFAULT_HIDDEN_PUZZLE_HASH): PublicKey {
  const offset = syntheticOffset(publicKey, hiddenPuzzleHash)
  const G1 = bls12_381.G1.Point
  return publicKeyToPoint(publicKey)
    .add(offset === 0n ? G1.ZERO : G1.BASE.multiply(offset))
    .toBytes(true)
}

/**
 * The synthetic secret key of wallet index `index` (unhardened m/12381/8444/2/index), like driver
 * `masterSecretKeyToWalletSyntheticSecretKey` (which uses index 0).
 * @example masterSecretKeyToWalletSyntheticSecretKey(masterSecretKey)
 */
export function masterSecretKeyToWalletSyntheticSecretKey(masterSecretKey: SecretKey, index = 0): SecretKey {
  return syntheticSecretKey(masterToWalletUnhardened(masterSecretKey, index))
}

/**
 * The synthetic public key of wallet index `index`, from the master public key alone, like driver
 * `masterPublicKeyToWalletSyntheticKey` (index 0).
 * @example masterPublicKeyToWalletSyntheticKey(masterPublicKey)
 */
export function masterPublicKeyToWalletSyntheticKey(masterPublicKey: PublicKey, index = 0): PublicKey {
  return syntheticPublicKey(masterPublicKeyToWalletUnhardened(masterPublicKey, index))
}
