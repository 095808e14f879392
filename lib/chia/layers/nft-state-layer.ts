/**
 * The NFT state layer: curried (MOD_HASH METADATA METADATA_UPDATER_PUZZLE_HASH INNER_PUZZLE),
 * solution `(inner_solution)`. DataLayer stores use it with the DL metadata updater (`11`).
 * Source: Chia-Network/chia_puzzles puzzles/nft_puzzles/nft_state_layer.clsp; chia-wallet-sdk 0.13.0
 * crates/chia-sdk-driver/src/layers/nft_state_layer.rs. Spec: datalayer-protocol.md §3.1, §4.
 */
import { curry } from '../clvm/curry'
import { type Program, atom, first, list, toAtom, toList } from '../clvm/program'
import { atomHash, curryTreeHash } from '../clvm/tree-hash'
import { type Bytes32, equalBytes } from '../primitives/bytes'
import { NFT_STATE_LAYER_MOD, NFT_STATE_LAYER_MOD_HASH } from '../puzzles/nft-state-layer'
import { MalformedLayerError } from './layer-errors'
import { uncurryKnown } from './uncurry-known'

export interface NftStateLayerArgs {
  /** The metadata CLVM exactly as curried (kept raw so unknown keys survive). */
  metadata: Program
  metadataUpdaterPuzzleHash: Bytes32
  innerPuzzle: Program
}

const MOD_HASH_ATOM_HASH = atomHash(NFT_STATE_LAYER_MOD_HASH)

/**
 * Puzzle hash of an NFT state layer from hashes only.
 * @example nftStateLayerPuzzleHash(treeHash(metadata), DL_METADATA_UPDATER_HASH, innerPuzzleHash)
 */
export function nftStateLayerPuzzleHash(metadataHash: Bytes32, metadataUpdaterPuzzleHash: Bytes32, innerPuzzleHash: Bytes32): Bytes32 {
  // Two-entry cache by value: parsing a history hashes each state twice (as the child of one
  // spend, then in the lineage proof of the next), and builders hash it for puzzle and proof.
  for (const c of recentStateHashes) {
    if (equalBytes(c.metadataHash, metadataHash) && equalBytes(c.innerPuzzleHash, innerPuzzleHash) && equalBytes(c.metadataUpdaterPuzzleHash, metadataUpdaterPuzzleHash)) return c.hash
  }
  const hash = curryTreeHash(NFT_STATE_LAYER_MOD_HASH, [MOD_HASH_ATOM_HASH, metadataHash, atomHash(metadataUpdaterPuzzleHash), innerPuzzleHash])
  recentStateHashes.unshift({
    metadataHash: Uint8Array.from(metadataHash),
    metadataUpdaterPuzzleHash: Uint8Array.from(metadataUpdaterPuzzleHash),
    innerPuzzleHash: Uint8Array.from(innerPuzzleHash),
    hash,
  })
  if (recentStateHashes.length > 2) recentStateHashes.pop()
  return hash
}

const recentStateHashes: { metadataHash: Bytes32; metadataUpdaterPuzzleHash: Bytes32; innerPuzzleHash: Bytes32; hash: Bytes32 }[] = []

/** Symmetric construct/parse for the NFT state layer. */
export const nftStateLayer = {
  /**
   * Curries the state layer.
   * @example nftStateLayer.construct({ metadata, metadataUpdaterPuzzleHash, innerPuzzle })
   */
  construct: ({ metadata, metadataUpdaterPuzzleHash, innerPuzzle }: NftStateLayerArgs): Program =>
    curry(NFT_STATE_LAYER_MOD, [atom(NFT_STATE_LAYER_MOD_HASH), metadata, atom(metadataUpdaterPuzzleHash), innerPuzzle]),

  /**
   * Uncurries a state layer; `undefined` when the puzzle is not nft_state_layer.
   * @example nftStateLayer.parse(singleton.innerPuzzle)?.metadata
   */
  parse(puzzle: Program): NftStateLayerArgs | undefined {
    const args = uncurryKnown(puzzle, NFT_STATE_LAYER_MOD)
    if (!args) return undefined
    if (args.length !== 4) throw new MalformedLayerError({ layer: 'NFT state', reason: `${args.length} curried arguments` })
    const [modHash, metadata, updater, innerPuzzle] = args
    if (modHash.atom === undefined || !equalBytes(modHash.atom, NFT_STATE_LAYER_MOD_HASH)) {
      throw new MalformedLayerError({ layer: 'NFT state', reason: 'curried MOD_HASH is not the state layer hash' })
    }
    const metadataUpdaterPuzzleHash = toAtom(updater)
    if (metadataUpdaterPuzzleHash.length !== 32) {
      throw new MalformedLayerError({ layer: 'NFT state', reason: 'METADATA_UPDATER_PUZZLE_HASH is not 32 bytes' })
    }
    return { metadata, metadataUpdaterPuzzleHash, innerPuzzle }
  },

  /**
   * The state layer solution `(inner_solution)`.
   * @example nftStateLayer.constructSolution(innerSolution)
   */
  constructSolution: (innerSolution: Program): Program => list([innerSolution]),

  /**
   * The inner solution inside a state layer solution.
   * @example nftStateLayer.parseSolution(singletonSolution.innerSolution)
   */
  parseSolution(solution: Program): Program {
    if (toList(solution).length < 1) throw new MalformedLayerError({ layer: 'NFT state', reason: 'empty solution' })
    return first(solution)
  },
}
