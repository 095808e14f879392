/**
 * Oracle spend: anyone re-creates the store through its first oracle delegate, paying the oracle
 * fee from their own coins (driver `oracleSpend`, DataLayer-Driver src/wallet.rs oracle_spend).
 * Spend order: other coins, lead coin, store. Lead conditions: assert the store's `"$"` puzzle
 * announcement, change with memo, RESERVE_FEE only when fee > 0. Spec: datalayer-protocol.md §6.6.
 */
import { NIL, type Program } from '../clvm/program'
import { oracleLayer } from '../layers/oracle-layer'
import { standardCoinSpend } from '../layers/standard-layer'
import { type Coin, assertAmount, coinId, puzzleAnnouncementId } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import { assertConcurrentSpendCondition, assertPuzzleAnnouncementCondition, createCoinCondition, reserveFeeCondition } from './conditions'
import type { DataStore } from './data-store'
import { NoOracleDelegateError } from './data-store-errors'
import { spendDataStore } from './spend-data-store'
import { type DataStoreSpendResult, nextDataStore } from './update-data-store'
import { assertWalletCoins } from './assert-wallet-coins'

export interface OracleSpendParams {
  spenderSyntheticKey: Uint8Array
  coins: readonly Coin[]
  store: DataStore
  fee?: bigint
}

const DOLLAR = new Uint8Array([0x24])

/**
 * Builds an oracle spend of a store and the store it leaves (same state, new coin).
 * @example const { coinSpends, next } = oracleSpend({ spenderSyntheticKey, coins, store, fee: 0n })
 */
export function oracleSpend({ spenderSyntheticKey, coins, store, fee = 0n }: OracleSpendParams): DataStoreSpendResult {
  const oracle = store.delegatedPuzzles.find((dp) => dp.type === 'oracle')
  if (!oracle || oracle.type !== 'oracle') throw new NoOracleDelegateError({ launcherId: store.launcherId })
  assertAmount(fee, 'fee')
  const { puzzleHash, total } = assertWalletCoins(coins, spenderSyntheticKey, oracle.oracleFee + fee)
  const leadId = coinId(coins[0])

  const leadConditions: Program[] = [assertPuzzleAnnouncementCondition(puzzleAnnouncementId(store.coin.puzzleHash, DOLLAR))]
  const change = total - oracle.oracleFee - fee
  if (change > 0n) leadConditions.push(createCoinCondition(puzzleHash, change, [puzzleHash]))
  if (fee > 0n) leadConditions.push(reserveFeeCondition(fee))

  const coinSpends: CoinSpend[] = coins.slice(1).map((coin) => standardCoinSpend(coin, spenderSyntheticKey, [assertConcurrentSpendCondition(leadId)]))
  coinSpends.push(standardCoinSpend(coins[0], spenderSyntheticKey, leadConditions))
  coinSpends.push(spendDataStore(store, { puzzle: oracleLayer.construct(oracle), solution: NIL }))
  return { coinSpends, next: nextDataStore(store, {}) }
}
