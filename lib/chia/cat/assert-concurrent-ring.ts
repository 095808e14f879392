/**
 * Ties spends together so none can be taken out of the bundle: spend i asserts
 * ASSERT_CONCURRENT_SPEND(coin i−1) and the first asserts the last. One spend needs nothing.
 * Source: chia-wallet-sdk `crates/chia-sdk-driver/src/action_system/spends.rs` `emit_relation`
 * (`Relation::AssertConcurrent`); dig-collateral.md §2.1.
 */
import type { Program } from '../clvm/program'
import { assertConcurrentSpendCondition } from '../datastore/conditions'
import type { Bytes32 } from '../primitives/bytes'

/**
 * The extra conditions for each spend, in the same order as `coinIds`.
 * @example assertConcurrentRing([catCoinId, feeCoinId]) // [[(64 feeCoinId)], [(64 catCoinId)]]
 */
export function assertConcurrentRing(coinIds: readonly Bytes32[]): Program[][] {
  const n = coinIds.length
  if (n < 2) return coinIds.map(() => [])
  return coinIds.map((_, i) => [assertConcurrentSpendCondition(coinIds[(i + n - 1) % n])])
}
