/**
 * The writer filter: curried (INNER_PUZZLE), solution `(inner_solution)`. It runs the inner puzzle
 * and raises on any `-13` (new merkle root) condition, so a writer may update metadata but never
 * the delegate list.
 * Source: DIG-Network/DataLayer-Driver puzzles/writer_filter.clsp; chia-wallet-sdk 0.13.0
 * crates/chia-sdk-driver/src/layers/datalayer/writer_layer.rs. Spec: datalayer-protocol.md §3.1, §5.1.
 */
import { curry } from '../clvm/curry'
import { type Program, list } from '../clvm/program'
import { curryTreeHash } from '../clvm/tree-hash'
import type { Bytes32 } from '../primitives/bytes'
import { WRITER_FILTER_MOD, WRITER_FILTER_MOD_HASH } from '../puzzles/writer-filter'
import { MalformedLayerError } from './layer-errors'
import { uncurryKnown } from './uncurry-known'

/**
 * Puzzle hash of the writer filter around an inner puzzle hash (the writer's merkle leaf).
 * @example writerLayerPuzzleHash(standardPuzzleHash(writerKey))
 */
export const writerLayerPuzzleHash = (innerPuzzleHash: Bytes32): Bytes32 => curryTreeHash(WRITER_FILTER_MOD_HASH, [innerPuzzleHash])

/** Symmetric construct/parse for the writer filter. */
export const writerLayer = {
  /**
   * Wraps an inner puzzle in the writer filter.
   * @example writerLayer.construct(standardLayer.construct(writerKey))
   */
  construct: (innerPuzzle: Program): Program => curry(WRITER_FILTER_MOD, [innerPuzzle]),

  /**
   * The inner puzzle of a writer filter; `undefined` when the puzzle is not one.
   * @example writerLayer.parse(delegatedPuzzle)
   */
  parse(puzzle: Program): Program | undefined {
    const args = uncurryKnown(puzzle, WRITER_FILTER_MOD)
    if (!args) return undefined
    if (args.length !== 1) throw new MalformedLayerError({ layer: 'writer filter', reason: `${args.length} curried arguments` })
    return args[0]
  },

  /**
   * The writer filter solution `(inner_solution)`.
   * @example writerLayer.constructSolution(standardLayer.constructSolution(conditions))
   */
  constructSolution: (innerSolution: Program): Program => list([innerSolution]),
}
