/**
 * The standard puzzle (p2_delegated_puzzle_or_hidden_puzzle) as a layer, spent the way the
 * reference driver spends it: solution `(() (q . CONDITIONS) ())`, i.e. delegated puzzle
 * `(q . conditions)` signed with AGG_SIG_ME by the synthetic key. Currying and hashing live in
 * ../keys/standard-puzzle.ts; this file adds parse and the coin-spend helper.
 * Source: Chia-Network/chia_puzzles puzzles/p2_delegated_puzzle_or_hidden_puzzle.clsp; chia-wallet-sdk
 * 0.13.0 crates/chia-sdk-driver/src/layers/standard_layer.rs. Spec: datalayer-protocol.md §2.3, §3.1.
 */
import { type Program, isAtom, list } from '../clvm/program'
import { programToBytes } from '../clvm/serialize'
import { standardPuzzle, standardSolution } from '../keys/standard-puzzle'
import type { Coin } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import { STANDARD_MOD } from '../puzzles/standard'
import { MalformedLayerError } from './layer-errors'
import { uncurryKnown } from './uncurry-known'

/** Symmetric construct/parse for the standard puzzle. */
export const standardLayer = {
  /**
   * Curries the standard puzzle with a synthetic public key.
   * @example standardLayer.construct(syntheticKey)
   */
  construct: (syntheticKey: Uint8Array): Program => standardPuzzle(syntheticKey),

  /**
   * The synthetic key of a standard puzzle; `undefined` for other puzzles.
   * @example standardLayer.parse(puzzle)
   */
  parse(puzzle: Program): Uint8Array | undefined {
    const args = uncurryKnown(puzzle, STANDARD_MOD)
    if (!args) return undefined
    if (args.length !== 1 || !isAtom(args[0]) || args[0].atom.length !== 48) {
      throw new MalformedLayerError({ layer: 'standard', reason: 'SYNTHETIC_PUBLIC_KEY is not a 48-byte atom' })
    }
    return args[0].atom
  },

  /**
   * The solution `(() (q . conditions) ())` that makes the puzzle output `conditions` after its AGG_SIG_ME.
   * @example standardLayer.constructSolution([reserveFeeCondition(100n)])
   */
  constructSolution: (conditions: readonly Program[]): Program => standardSolution(list(conditions)),
}

/**
 * A standard-puzzle coin spend that outputs `conditions` (the driver's `spend_p2_coin`).
 * @example standardCoinSpend(coin, syntheticKey, [assertConcurrentSpendCondition(leadId)])
 */
export const standardCoinSpend = (coin: Coin, syntheticKey: Uint8Array, conditions: readonly Program[]): CoinSpend => ({
  coin,
  puzzleReveal: programToBytes(standardLayer.construct(syntheticKey)),
  solution: programToBytes(standardLayer.constructSolution(conditions)),
})
