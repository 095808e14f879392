/**
 * Melt a store (owner only): `(52 1)` then `(51 () -113)`; the singleton drops the -113 output so
 * no child exists and the coin's 1 mojo becomes the fee (driver `meltStore`, DataLayer-Driver
 * src/wallet.rs melt_store). Unlike the driver, a key that does not own the store is rejected
 * (datalayer-protocol.md §6.7, §11.4).
 */
import type { CoinSpend } from '../primitives/coin-spend'
import { type FeePayment, withFee } from './add-fee'
import { meltSingletonCondition, reserveFeeCondition } from './conditions'
import type { DataStore } from './data-store'
import { dataStoreInnerSpend, spendDataStore } from './spend-data-store'

export interface MeltDataStoreParams {
  store: DataStore
  ownerSyntheticKey: Uint8Array
  /** Optional extra fee from wallet coins (the melted mojo is already a fee). */
  feePayment?: FeePayment
}

/**
 * Builds the single store spend that melts the store.
 * @example const { coinSpends } = meltDataStore({ store, ownerSyntheticKey })
 */
export function meltDataStore({ store, ownerSyntheticKey, feePayment }: MeltDataStoreParams): { coinSpends: CoinSpend[] } {
  const conditions = [reserveFeeCondition(1n), meltSingletonCondition()]
  const storeSpend = spendDataStore(store, dataStoreInnerSpend(store, { role: 'owner', syntheticKey: ownerSyntheticKey }, conditions))
  return { coinSpends: withFee([storeSpend], feePayment) }
}
