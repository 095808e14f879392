/**
 * Update a store's metadata as its owner, an admin or a writer (driver `updateStoreMetadata`,
 * DataLayer-Driver src/wallet.rs update_store_metadata). Unlike the driver, fields left
 * `undefined` keep their on-chain values and unknown metadata items are preserved; pass `null` to
 * clear a field. Conditions: owner `(-24 …)` then `(51 P 1 (launcherId))`; admin/writer `(-24 …)`
 * only (the delegation layer re-creates the coin). Spec: datalayer-protocol.md §6.3, §6.4, §11.
 */
import { coinId } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import { type FeePayment, withFee } from './add-fee'
import { createCoinCondition, updateMetadataCondition } from './conditions'
import { type DataStore, dataStoreChildProof, dataStoreInnerPuzzleHash, dataStorePuzzleHash } from './data-store'
import { ChiaMemoFormatUnsupportedError } from './data-store-errors'
import { type DataStoreMetadata, type MetadataChanges, updateMetadata } from './data-store-metadata'
import { type DataStoreSpender, dataStoreInnerSpend, spendDataStore } from './spend-data-store'

export interface UpdateDataStoreParams extends MetadataChanges {
  store: DataStore
  spender: DataStoreSpender
  /** Replaces the metadata wholesale (ignores the individual fields). */
  metadata?: DataStoreMetadata
  /**
   * Child hint layout. `'driver'` (default): `(launcherId)` after `(-24 …)`, byte-identical to the
   * reference driver. `'chia'`: the Chia reference wallet's `create_update_state_spend` layout,
   * CREATE_COIN `(launcherId root ownerPuzzleHash)` before `(-24 …)`, so a Chia wallet that
   * tracks the store keeps following it (§10.1). Only for owner spends of vanilla, root-only stores.
   */
  memoFormat?: 'driver' | 'chia'
  /** Optional fee from wallet coins, tied to the store spend with ASSERT_CONCURRENT_SPEND. */
  feePayment?: FeePayment
}

export interface DataStoreSpendResult {
  coinSpends: CoinSpend[]
  /** The store after these spends are confirmed. */
  next: DataStore
}

/**
 * The store child of a spend that keeps owner and delegates and sets `metadata`.
 * @example nextDataStore(store, newMetadata)
 */
export function nextDataStore(store: DataStore, changes: Partial<Pick<DataStore, 'metadata' | 'ownerPuzzleHash' | 'delegatedPuzzles'>>): DataStore {
  const state = {
    launcherId: store.launcherId,
    metadata: changes.metadata ?? store.metadata,
    ownerPuzzleHash: changes.ownerPuzzleHash ?? store.ownerPuzzleHash,
    delegatedPuzzles: changes.delegatedPuzzles ?? store.delegatedPuzzles,
  }
  return {
    coin: { parentCoinInfo: coinId(store.coin), puzzleHash: dataStorePuzzleHash(state), amount: 1n },
    proof: dataStoreChildProof(store),
    ...state,
  }
}

/**
 * Builds the store spend that updates metadata; throws when the key lacks the claimed role.
 * @example const { coinSpends, next } = updateDataStore({ store, spender: { role: 'writer', syntheticKey }, rootHash })
 */
export function updateDataStore(params: UpdateDataStoreParams): DataStoreSpendResult {
  const { store, spender } = params
  const metadata = params.metadata ?? updateMetadata(store.metadata, params)
  let conditions
  if (params.memoFormat === 'chia') {
    const rootOnly = metadata.label === undefined && metadata.description === undefined && metadata.bytes === undefined && !metadata.program.pair?.[1].pair
    if (spender.role !== 'owner' || store.delegatedPuzzles.length > 0 || !rootOnly) throw new ChiaMemoFormatUnsupportedError()
    conditions = [
      createCoinCondition(store.ownerPuzzleHash, 1n, [store.launcherId, metadata.rootHash, store.ownerPuzzleHash]),
      updateMetadataCondition(metadata.program),
    ]
  } else {
    conditions = [updateMetadataCondition(metadata.program)]
    if (spender.role === 'owner') conditions.push(createCoinCondition(dataStoreInnerPuzzleHash(store), 1n, [store.launcherId]))
  }
  const coinSpend = spendDataStore(store, dataStoreInnerSpend(store, spender, conditions))
  return { coinSpends: withFee([coinSpend], params.feePayment), next: nextDataStore(store, { metadata }) }
}
