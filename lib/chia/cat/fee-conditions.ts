/**
 * Paying a transaction fee from the wallet's standard XCH coins: the first coin reserves the fee and
 * returns the change; the others only contribute their value. DIG itself cannot pay a fee because a
 * CAT ring must balance (dig-collateral.md §2.2 "Fee").
 */
import type { Program } from '../clvm/program'
import type { Bytes32 } from '../primitives/bytes'
import { type Coin, assertAmount, coinId } from '../primitives/coin'
import { createCoinCondition, reserveFeeCondition } from '../datastore/conditions'
import { InsufficientFundsError } from '../datastore/data-store-errors'
import { type StandardCoin, assertStandardCoin } from './standard-cat-coin'

/**
 * Conditions for each fee coin (before any concurrency assertions) and the XCH change coin.
 * With `fee` 0 no fee coins are spent.
 * @example feeConditions({ feeCoins, fee: 1_000_000n, changePuzzleHash })
 */
export function feeConditions(args: {
  feeCoins: readonly StandardCoin[]
  fee: bigint
  changePuzzleHash: Bytes32
}): { spent: StandardCoin[]; conditions: Program[][]; changeCoin?: Coin } {
  const fee = assertAmount(args.fee, 'fee')
  if (fee === 0n) return { spent: [], conditions: [] }
  const spent = args.feeCoins.map(assertStandardCoin)
  const available = spent.reduce((s, c) => s + c.coin.amount, 0n)
  if (spent.length === 0 || available < fee) {
    throw new InsufficientFundsError({ required: fee, available })
  }
  const change = available - fee
  const first: Program[] = [reserveFeeCondition(fee)]
  let changeCoin: Coin | undefined
  if (change > 0n) {
    first.push(createCoinCondition(args.changePuzzleHash, change))
    changeCoin = { parentCoinInfo: coinId(spent[0].coin), puzzleHash: args.changePuzzleHash, amount: change }
  }
  return { spent, conditions: spent.map((_, i) => (i === 0 ? first : [])), changeCoin }
}
