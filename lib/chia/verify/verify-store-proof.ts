/**
 * Verifies a Chia DataLayer proof of inclusion (the JSON of `get_proof`) against a store whose
 * history was re-verified from chain data: the proof must name this store and one of its lineage
 * coins, every Merkle path must lead to that coin's on-chain root, and the coin's puzzle hash must
 * be the store at that root with `inner_puzzle_hash` and the coin's real metadata. Unlike Chia's
 * `verify_proof`, which rebuilds root-only metadata `(root . ())`, CHIP-0035 metadata with a
 * label, description or size verifies. Optionally checks that a file's bytes are one of the proven
 * values (`value_clvm_hash = sha256(0x01 ‖ bytes)`).
 * Sources: chia-blockchain `chia/data_layer/data_layer_util.py` (dl_verify_proof_internal);
 * full-node-rpc.md §D.5; CHIP-0035 (https://github.com/Chia-Network/chips/blob/main/CHIPs/chip-0035.md).
 */
import { treeHash } from '../clvm/tree-hash'
import type { DataStoreMetadata } from '../datastore/data-store-metadata'
import { AppError } from '../errors/app-error'
import type { DataLayerProof, VerifiedInclusion } from '../merkle/data-layer-proof'
import { dataLayerProofFromJson } from '../merkle/data-layer-proof'
import { verifyDataLayerProof } from '../merkle/data-layer-store-claim'
import { type Bytes32, bytesToHex, equalBytes } from '../primitives/bytes'
import type { CoinRecord } from '../primitives/coin-spend'

export class ProofStoreMismatchError extends AppError {
  override name = 'ProofStoreMismatchError' as const
  constructor({ expected, actual }: { expected: Bytes32; actual: Bytes32 }) {
    super('The proof is for another store.', { details: `proof store_id ${bytesToHex(actual)}, this store is ${bytesToHex(expected)}` })
  }
}

export class ProofCoinNotInStoreError extends AppError {
  override name = 'ProofCoinNotInStoreError' as const
  constructor({ coinId }: { coinId: Bytes32 }) {
    super('The proof names a coin that is not part of this store’s verified history.', { details: `coin_id ${bytesToHex(coinId)}` })
  }
}

export class ProofFileNotIncludedError extends AppError {
  override name = 'ProofFileNotIncludedError' as const
  constructor({ valueClvmHash }: { valueClvmHash: Bytes32 }) {
    super('The file is not one of the values this proof proves.', { details: `file value_clvm_hash ${bytesToHex(valueClvmHash)}` })
  }
}

/** A lineage coin with its record and re-derived metadata (from `verifyStoreHistory`). */
export interface ProofGeneration {
  generation: number
  coinId: Bytes32
  record?: CoinRecord
  metadata?: DataStoreMetadata
}

export interface StoreProofResult {
  proof: DataLayerProof
  inclusions: VerifiedInclusion[]
  generation: number
  rootHash: Bytes32
  confirmedHeight: number
  /** The proven root is the store's current root (its coin is the unspent tip). */
  current: boolean
  /** Index of the inclusion whose value is the given file, when a file hash was given. */
  fileInclusion?: number
}

/**
 * Verifies `proofJson` (text or parsed) for the store `launcherId`. Throws a typed error naming the
 * failing check (wrong store, coin not in the history, Merkle path, puzzle hash, file).
 *
 * @example
 * const r = verifyStoreProof(text, { launcherId, generations: verification.generations })
 * r.current // still the store's root?
 */
export function verifyStoreProof(
  proofJson: unknown,
  { launcherId, generations, fileValueClvmHash }: { launcherId: Bytes32; generations: readonly ProofGeneration[]; fileValueClvmHash?: Bytes32 },
): StoreProofResult {
  const proof = dataLayerProofFromJson(proofJson)
  if (!equalBytes(proof.storeId, launcherId)) throw new ProofStoreMismatchError({ expected: launcherId, actual: proof.storeId })
  const gen = generations.find((g) => equalBytes(g.coinId, proof.coinId))
  if (!gen || !gen.record || !gen.metadata) throw new ProofCoinNotInStoreError({ coinId: proof.coinId })
  const rootHash = gen.metadata.rootHash
  const { inclusions } = verifyDataLayerProof(proof, { coin: gen.record.coin, rootHash, metadataHash: treeHash(gen.metadata.program) })
  let fileInclusion: number | undefined
  if (fileValueClvmHash) {
    fileInclusion = inclusions.findIndex((i) => equalBytes(i.valueClvmHash, fileValueClvmHash))
    if (fileInclusion < 0) throw new ProofFileNotIncludedError({ valueClvmHash: fileValueClvmHash })
  }
  const last = generations[generations.length - 1]
  const current = last === gen && gen.record.spentBlockIndex === 0
  return {
    proof,
    inclusions,
    generation: gen.generation,
    rootHash,
    confirmedHeight: gen.record.confirmedBlockIndex,
    current,
    ...(fileInclusion === undefined ? {} : { fileInclusion }),
  }
}
