/**
 * Pay a transaction fee from wallet coins, tied to other spends with ASSERT_CONCURRENT_SPEND
 * (driver `addFee`, DataLayer-Driver src/wallet.rs add_fee). Lead conditions: `(52 fee)`, change
 * with memo when total > fee, then `(64 id)` per asserted coin id; other coins assert the lead.
 * Spec: datalayer-protocol.md §6.8.
 */
import type { Program } from '../clvm/program'
import { standardCoinSpend } from '../layers/standard-layer'
import type { Bytes32 } from '../primitives/bytes'
import { type Coin, assertAmount, coinId } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import { assertConcurrentSpendCondition, createCoinCondition, reserveFeeCondition } from './conditions'
import { assertWalletCoins } from './assert-wallet-coins'

export interface AddFeeParams {
  syntheticKey: Uint8Array
  coins: readonly Coin[]
  /** Coin ids of the spends this fee belongs to (usually every coin spent in the bundle). */
  assertCoinIds: readonly Bytes32[]
  fee: bigint
}

/**
 * Builds the fee coin spends (change back to the payer).
 * @example const feeSpends = addFee({ syntheticKey, coins, assertCoinIds: [coinId(store.coin)], fee: 100_000n })
 */
export function addFee({ syntheticKey, coins, assertCoinIds, fee }: AddFeeParams): CoinSpend[] {
  assertAmount(fee, 'fee')
  const { puzzleHash, total } = assertWalletCoins(coins, syntheticKey, fee)
  const leadId = coinId(coins[0])
  const leadConditions: Program[] = [reserveFeeCondition(fee)]
  if (total > fee) leadConditions.push(createCoinCondition(puzzleHash, total - fee, [puzzleHash]))
  for (const id of assertCoinIds) leadConditions.push(assertConcurrentSpendCondition(id))
  const coinSpends = coins.slice(1).map((coin) => standardCoinSpend(coin, syntheticKey, [assertConcurrentSpendCondition(leadId)]))
  coinSpends.push(standardCoinSpend(coins[0], syntheticKey, leadConditions))
  return coinSpends
}

/** A fee paid from wallet coins alongside a store spend (see {@link withFee}). */
export interface FeePayment {
  syntheticKey: Uint8Array
  coins: readonly Coin[]
  fee: bigint
}

/**
 * Appends fee spends that assert every coin in `coinSpends` (ASSERT_CONCURRENT_SPEND), so the fee
 * only counts together with them; returns `coinSpends` unchanged without a payment.
 * @example withFee(updateDataStore({ store, spender, rootHash }).coinSpends, { syntheticKey, coins, fee: 100_000n })
 */
export function withFee(coinSpends: readonly CoinSpend[], payment?: FeePayment): CoinSpend[] {
  if (!payment) return [...coinSpends]
  return [...coinSpends, ...addFee({ ...payment, assertCoinIds: coinSpends.map((cs) => coinId(cs.coin)) })]
}
