/**
 * Checks shared by the builders that spend standard wallet coins (mint, oracle spend, fee, send):
 * at least one coin, every coin locked by the signer's standard puzzle, amounts within u64.
 * Spec: datalayer-protocol.md §6.1, §6.6, §6.8, §6.9.
 */
import { standardPuzzleHash } from '../keys/standard-puzzle'
import { type Bytes32, equalBytes } from '../primitives/bytes'
import { type Coin, assertAmount } from '../primitives/coin'
import { CoinNotOwnedError, InsufficientFundsError, NoCoinsSelectedError } from './data-store-errors'

export interface WalletCoins {
  /** The signer's standard puzzle hash (where change goes). */
  puzzleHash: Bytes32
  total: bigint
}

/**
 * Validates the coins a key spends and returns their total; throws when they cannot cover `required`.
 * @example const { total, puzzleHash } = assertWalletCoins(coins, syntheticKey, fee + 1n)
 */
export function assertWalletCoins(coins: readonly Coin[], syntheticKey: Uint8Array, required: bigint): WalletCoins {
  if (coins.length === 0) throw new NoCoinsSelectedError()
  const puzzleHash = standardPuzzleHash(syntheticKey)
  let total = 0n
  for (const coin of coins) {
    assertAmount(coin.amount, 'coin amount')
    if (!equalBytes(coin.puzzleHash, puzzleHash)) throw new CoinNotOwnedError({ coinPuzzleHash: coin.puzzleHash, keyPuzzleHash: puzzleHash })
    total += coin.amount
  }
  if (total < required) throw new InsufficientFundsError({ required, available: total })
  return { puzzleHash, total }
}
