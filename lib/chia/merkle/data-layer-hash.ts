/**
 * Chia DataLayer key/value Merkle tree hashing. A terminal node commits to a key and a value as the
 * CLVM tree hash of the pair `(key . value)`:
 *   key_clvm_hash   = sha256(0x01 ‖ key)          (chia `key_hash`)
 *   value_clvm_hash = sha256(0x01 ‖ value)
 *   leaf hash       = sha256(0x02 ‖ key_clvm_hash ‖ value_clvm_hash)   (chia `leaf_hash`)
 *   internal hash   = sha256(0x02 ‖ left ‖ right)                       (chia `internal_hash`)
 * Source: Chia-Network/chia-blockchain `chia/data_layer/data_layer_util.py` (leaf_hash, key_hash,
 * internal_hash, HashOnlyProof.from_key_value); chia_rs `crates/chia-datalayer/src/merkle/blob.rs`.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import { atomHash, pairHash } from '../clvm/tree-hash'
import type { Bytes32 } from '../primitives/bytes'

/**
 * The CLVM atom hash of a key (chia `key_hash`, proof field `key_clvm_hash`).
 * @example keyClvmHash(utf8ToBytes('index.html'))
 */
export const keyClvmHash = (key: Uint8Array): Bytes32 => atomHash(key)

/**
 * The CLVM atom hash of a value (proof field `value_clvm_hash`).
 * @example valueClvmHash(fileBytes)
 */
export const valueClvmHash = (value: Uint8Array): Bytes32 => atomHash(value)

/**
 * An incremental `valueClvmHash` for values too large to hold at once (e.g. files read in chunks).
 * @example const h = createValueClvmHasher(); for (const chunk of chunks) h.update(chunk); h.digest()
 */
export function createValueClvmHasher(): { update(chunk: Uint8Array): void; digest(): Bytes32 } {
  const hasher = nobleSha256.create()
  hasher.update(new Uint8Array([1]))
  return {
    update: (chunk) => {
      hasher.update(chunk)
    },
    digest: () => hasher.digest(),
  }
}

/**
 * The terminal-node hash from the key and value CLVM hashes.
 * @example leafHashFromClvmHashes(keyClvmHash(key), valueClvmHash(value))
 */
export const leafHashFromClvmHashes = (keyHash: Bytes32, valueHash: Bytes32): Bytes32 => pairHash(keyHash, valueHash)

/**
 * The terminal-node hash of a key/value pair: treeHash((key . value)) (chia `leaf_hash`).
 * @example dataLayerLeafHash(utf8ToBytes('a'), utf8ToBytes('1'))
 */
export const dataLayerLeafHash = (key: Uint8Array, value: Uint8Array): Bytes32 =>
  pairHash(keyClvmHash(key), valueClvmHash(value))

/**
 * The internal-node hash `sha256(0x02 ‖ left ‖ right)` (chia `internal_hash`).
 * @example dataLayerInternalHash(leftHash, rightHash)
 */
export const dataLayerInternalHash = (left: Bytes32, right: Bytes32): Bytes32 => pairHash(left, right)
