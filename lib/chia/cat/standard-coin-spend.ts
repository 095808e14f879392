/** Spending a standard-puzzle XCH coin with a fixed list of conditions. */
import type { Program } from '../clvm/program'
import { programToBytes } from '../clvm/serialize'
import type { CoinSpend } from '../primitives/coin-spend'
import type { StandardCoin } from './standard-cat-coin'
import { standardInnerPuzzle, standardInnerSolution } from './standard-inner-puzzle'

/**
 * The coin spend of a standard XCH coin that outputs `conditions`.
 * @example standardCoinSpend({ coin, syntheticPublicKey }, [createCoin(ph, 1n)])
 */
export function standardCoinSpend(standardCoin: StandardCoin, conditions: readonly Program[]): CoinSpend {
  return {
    coin: standardCoin.coin,
    puzzleReveal: programToBytes(standardInnerPuzzle(standardCoin.syntheticPublicKey)),
    solution: programToBytes(standardInnerSolution(conditions)),
  }
}
