/**
 * The DataStore model: everything needed to spend a CHIP-0035 store coin, and its puzzle.
 *
 * full puzzle = singleton(launcherId, nft_state(METADATA, DL_METADATA_UPDATER_HASH, INNER))
 * INNER = the owner puzzle                                                 when delegatedPuzzles = []
 *       = delegation_layer(launcherId, ownerPuzzleHash, merkleRoot(delegatedPuzzles))  otherwise
 *
 * Source: CHIP-0035 (https://github.com/Chia-Network/chips/blob/main/CHIPs/chip-0035.md);
 * chia-wallet-sdk 0.13.0 crates/chia-sdk-driver/src/primitives/datalayer/{datastore.rs,datastore_info.rs}.
 * Spec: datalayer-protocol.md §4, §9.
 */
import type { Program } from '../clvm/program'
import { treeHash } from '../clvm/tree-hash'
import { delegationLayer, delegationLayerPuzzleHash } from '../layers/delegation-layer'
import { type Proof, childLineageProof } from '../layers/lineage-proof'
import { nftStateLayer, nftStateLayerPuzzleHash } from '../layers/nft-state-layer'
import { singletonLayer, singletonPuzzleHash } from '../layers/singleton-layer'
import type { Bytes32 } from '../primitives/bytes'
import type { Coin } from '../primitives/coin'
import { DL_METADATA_UPDATER_HASH } from '../puzzles/dl-metadata-updater'
import { MissingOwnerPuzzleError } from './data-store-errors'
import type { DataStoreMetadata } from './data-store-metadata'
import { type DelegatedPuzzle, delegatedPuzzlesMerkleRoot } from './delegated-puzzle'

export interface DataStore {
  /** The current (unspent) store coin; amount is always 1. */
  coin: Coin
  launcherId: Bytes32
  /** The singleton proof for spending `coin`. */
  proof: Proof
  metadata: DataStoreMetadata
  ownerPuzzleHash: Bytes32
  /** Admin/writer/oracle delegates in merkle-tree order; `[]` means no delegation layer ("vanilla"). */
  delegatedPuzzles: DelegatedPuzzle[]
}

/** The parts of a store that determine its puzzle. */
export type DataStoreState = Pick<DataStore, 'launcherId' | 'metadata' | 'ownerPuzzleHash' | 'delegatedPuzzles'>

/**
 * Hash of the state layer's inner puzzle: the owner puzzle hash, or the delegation layer's hash.
 * @example dataStoreInnerPuzzleHash(store)
 */
export function dataStoreInnerPuzzleHash(state: DataStoreState): Bytes32 {
  if (state.delegatedPuzzles.length === 0) return state.ownerPuzzleHash
  return delegationLayerPuzzleHash({
    launcherId: state.launcherId,
    ownerPuzzleHash: state.ownerPuzzleHash,
    merkleRoot: delegatedPuzzlesMerkleRoot(state.delegatedPuzzles),
  })
}

/**
 * Hash of the NFT state layer (the singleton's inner puzzle hash, used in the child's lineage proof).
 * @example dataStoreStateLayerHash(store)
 */
export const dataStoreStateLayerHash = (state: DataStoreState): Bytes32 =>
  nftStateLayerPuzzleHash(treeHash(state.metadata.program), DL_METADATA_UPDATER_HASH, dataStoreInnerPuzzleHash(state))

/**
 * The full store puzzle hash (what `coin.puzzleHash` must be).
 * @example equalBytes(dataStorePuzzleHash(store), store.coin.puzzleHash)
 */
export const dataStorePuzzleHash = (state: DataStoreState): Bytes32 =>
  singletonPuzzleHash(state.launcherId, dataStoreStateLayerHash(state))

/**
 * The full store puzzle. For a vanilla store `ownerPuzzle` (the owner's inner puzzle) is required.
 * @example dataStorePuzzle(store, standardLayer.construct(ownerKey))
 */
export function dataStorePuzzle(state: DataStoreState, ownerPuzzle?: Program): Program {
  let inner: Program
  if (state.delegatedPuzzles.length === 0) {
    if (!ownerPuzzle) throw new MissingOwnerPuzzleError({ launcherId: state.launcherId })
    inner = ownerPuzzle
  } else {
    inner = delegationLayer.construct({
      launcherId: state.launcherId,
      ownerPuzzleHash: state.ownerPuzzleHash,
      merkleRoot: delegatedPuzzlesMerkleRoot(state.delegatedPuzzles),
    })
  }
  return singletonLayer.construct({
    launcherId: state.launcherId,
    innerPuzzle: nftStateLayer.construct({ metadata: state.metadata.program, metadataUpdaterPuzzleHash: DL_METADATA_UPDATER_HASH, innerPuzzle: inner }),
  })
}

/**
 * The proof the child of `store.coin` will carry.
 * @example dataStoreChildProof(store)
 */
export const dataStoreChildProof = (store: DataStore): Proof => childLineageProof(store.coin, dataStoreStateLayerHash(store))
