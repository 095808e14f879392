/**
 * Checks what a Chia DataLayer proof says about the chain: that `coin_id` is the given coin and
 * that the coin is the store `store_id` committing to the proven root. Chia's own
 * `dl_verify_proof_internal` rebuilds the store puzzle with root-only metadata `(root . ())`, so it
 * rejects CHIP-0035 stores that also carry a label, description or size; here the caller passes
 * the store's actual metadata hash (the tree hash of its on-chain metadata program), so any
 * metadata works. Puzzle: singleton(launcher = store_id, nft_state(metadata, DL updater, inner)).
 * Source: chia-blockchain `chia/data_layer/data_layer_util.py` (dl_verify_proof_internal),
 * `chia/wallet/db_wallet/db_wallet_puzzles.py` (create_host_fullpuz); datalayer-protocol.md §4.
 */
import { atomHash, pairHash } from '../clvm/tree-hash'
import { AppError } from '../errors/app-error'
import { nftStateLayerPuzzleHash } from '../layers/nft-state-layer'
import { singletonPuzzleHash } from '../layers/singleton-layer'
import { type Bytes32, bytesToHex, equalBytes } from '../primitives/bytes'
import { type Coin, coinId } from '../primitives/coin'
import { DL_METADATA_UPDATER_HASH } from '../puzzles/dl-metadata-updater'
import { type DataLayerProof, dataLayerProofFromJson, ProofJsonError, type VerifiedInclusion, verifyProofOfInclusionPath } from './data-layer-proof'

export class ProofCoinMismatchError extends AppError {
  override name = 'ProofCoinMismatchError' as const
  constructor({ expected, actual }: { expected: Bytes32; actual: Bytes32 }) {
    super('The proof names a different coin.', { details: `proof coin_id ${bytesToHex(expected)}, coin given ${bytesToHex(actual)}` })
  }
}

export class ProofStorePuzzleMismatchError extends AppError {
  override name = 'ProofStorePuzzleMismatchError' as const
  constructor({ expected, actual }: { expected: Bytes32; actual: Bytes32 }) {
    super('The coin is not this store at this root.', {
      details: `store puzzle hash rebuilt from store_id, inner_puzzle_hash and metadata is ${bytesToHex(expected)}, coin puzzle hash is ${bytesToHex(actual)}`,
    })
  }
}

/**
 * The tree hash of root-only metadata `(root . ())`, what Chia's reference wallet commits.
 * @example rootOnlyMetadataHash(rootHash)
 */
export const rootOnlyMetadataHash = (rootHash: Bytes32): Bytes32 => pairHash(atomHash(rootHash), atomHash(new Uint8Array(0)))

/**
 * The full puzzle hash of a DataLayer store coin from hashes alone.
 * @example dataLayerStorePuzzleHash({ launcherId, metadataHash: rootOnlyMetadataHash(root), innerPuzzleHash })
 */
export function dataLayerStorePuzzleHash(args: { launcherId: Bytes32; metadataHash: Bytes32; innerPuzzleHash: Bytes32 }): Bytes32 {
  return singletonPuzzleHash(args.launcherId, nftStateLayerPuzzleHash(args.metadataHash, DL_METADATA_UPDATER_HASH, args.innerPuzzleHash))
}

/**
 * Full verification of a Chia proof (JSON or parsed) against a coin fetched by the caller from a
 * full node by `coin_id`: every Merkle path leads to `rootHash`, `coin_id` is that coin, and the
 * coin's puzzle hash is the store `store_id` with `inner_puzzle_hash` and the given metadata
 * (root-only by default, as Chia checks). Whether the coin is still unspent (the current root) is
 * the caller's to report. Throws a typed error naming the failing check.
 * @example verifyDataLayerProof(json, { coin: record.coin, rootHash, metadataHash: treeHash(store.metadataProgram) })
 */
export function verifyDataLayerProof(
  proof: unknown,
  { coin, rootHash, metadataHash }: { coin: Coin; rootHash: Bytes32; metadataHash?: Bytes32 },
): { proof: DataLayerProof; inclusions: VerifiedInclusion[] } {
  const parsed = isDataLayerProof(proof) ? proof : dataLayerProofFromJson(proof)
  if (parsed.proofs.length === 0) throw new ProofJsonError({ path: 'store_proofs.proofs', reason: 'no proofs' })
  const inclusions = parsed.proofs.map((p, i) => verifyProofOfInclusionPath(p, rootHash, i))
  const id = coinId(coin)
  if (!equalBytes(id, parsed.coinId)) throw new ProofCoinMismatchError({ expected: parsed.coinId, actual: id })
  const expected = dataLayerStorePuzzleHash({
    launcherId: parsed.storeId,
    metadataHash: metadataHash ?? rootOnlyMetadataHash(rootHash),
    innerPuzzleHash: parsed.innerPuzzleHash,
  })
  if (!equalBytes(expected, coin.puzzleHash)) throw new ProofStorePuzzleMismatchError({ expected, actual: coin.puzzleHash })
  return { proof: parsed, inclusions }
}

function isDataLayerProof(value: unknown): value is DataLayerProof {
  return typeof value === 'object' && value !== null && (value as DataLayerProof).storeId instanceof Uint8Array
}
