/**
 * Melt a store (owner only): `(52 1)` then `(51 () -113)`; the singleton drops the -113 output so
 * no child exists and the coin's 1 mojo becomes the fee (driver `meltStore`, DataLayer-Driver
 * src/wallet.rs melt_store). Unlike the driver, a key that does not own the store is rejected
 * (datalayer-protocol.md §6.7, §11.4).
 */
import type { CoinSpend } from '../primitives/coin-spend'
import { meltSingletonCondition, reserveFeeCondition } from './conditions'
import type { DataStore } from './data-store'
import { dataStoreInnerSpend, spendDataStore } from './spend-data-store'

export interface MeltDataStoreParams {
  store: DataStore
  ownerSyntheticKey: Uint8Array
}

/**
 * Builds the single store spend that melts the store.
 * @example const { coinSpends } = meltDataStore({ store, ownerSyntheticKey })
 */
export function meltDataStore({ store, ownerSyntheticKey }: MeltDataStoreParams): { coinSpends: CoinSpend[] } {
  const conditions = [reserveFeeCondition(1n), meltSingletonCondition()]
  return { coinSpends: [spendDataStore(store, dataStoreInnerSpend(store, { role: 'owner', syntheticKey: ownerSyntheticKey }, conditions))] }
}
