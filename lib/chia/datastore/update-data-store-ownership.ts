/**
 * Transfer a store and/or change its delegates (driver `updateStoreOwnership`, DataLayer-Driver
 * src/wallet.rs update_store_ownership). The owner re-creates the coin with
 * `(51 P' 1 (launcherId newOwner [type ph [fee]]…))`; an admin emits
 * `(-13 newRoot launcherId owner …)` and the delegation layer re-creates itself.
 * The chain's rules are enforced up front (datalayer-protocol.md §3.1, §11.2, §11.3): an admin
 * cannot change the owner or set an empty delegate list, and a writer cannot change delegation.
 */
import { equalBytes, type Bytes32, assertBytes32 } from '../primitives/bytes'
import { type FeePayment, withFee } from './add-fee'
import { createCoinCondition, newMerkleRootCondition } from './conditions'
import { type DataStore, dataStoreInnerPuzzleHash } from './data-store'
import { AdminCannotChangeOwnerError, AdminCannotRemoveAllDelegatesError, WriterCannotChangeDelegationError } from './data-store-errors'
import { type DelegatedPuzzle, delegatedPuzzlesMerkleRoot } from './delegated-puzzle'
import { recreationMemos } from './mint-data-store'
import { type DataStoreSpender, dataStoreInnerSpend, spendDataStore } from './spend-data-store'
import { type DataStoreSpendResult, nextDataStore } from './update-data-store'

export interface UpdateDataStoreOwnershipParams {
  store: DataStore
  spender: DataStoreSpender
  /** New owner; `undefined` keeps the current owner. Only the owner may change it. */
  newOwnerPuzzleHash?: Bytes32
  /** The complete new delegate list (`[]` removes the delegation layer; owner only). */
  newDelegatedPuzzles: readonly DelegatedPuzzle[]
  /** Optional fee from wallet coins, tied to the store spend with ASSERT_CONCURRENT_SPEND. */
  feePayment?: FeePayment
}

/**
 * Builds the store spend that changes owner and/or delegates.
 * @example updateDataStoreOwnership({ store, spender: { role: 'owner', syntheticKey }, newOwnerPuzzleHash, newDelegatedPuzzles: [] })
 */
export function updateDataStoreOwnership(params: UpdateDataStoreOwnershipParams): DataStoreSpendResult {
  const { store, spender } = params
  const newDelegatedPuzzles = [...params.newDelegatedPuzzles]
  const newOwnerPuzzleHash = params.newOwnerPuzzleHash ? assertBytes32(params.newOwnerPuzzleHash, 'newOwnerPuzzleHash') : store.ownerPuzzleHash
  const newState = { launcherId: store.launcherId, metadata: store.metadata, ownerPuzzleHash: newOwnerPuzzleHash, delegatedPuzzles: newDelegatedPuzzles }
  const memos = recreationMemos(store.launcherId, newOwnerPuzzleHash, newDelegatedPuzzles)

  let condition
  if (spender.role === 'owner') {
    condition = createCoinCondition(dataStoreInnerPuzzleHash(newState), 1n, memos)
  } else if (spender.role === 'admin') {
    if (!equalBytes(newOwnerPuzzleHash, store.ownerPuzzleHash)) {
      throw new AdminCannotChangeOwnerError({ ownerPuzzleHash: store.ownerPuzzleHash, newOwnerPuzzleHash })
    }
    if (newDelegatedPuzzles.length === 0) throw new AdminCannotRemoveAllDelegatesError({ launcherId: store.launcherId })
    condition = newMerkleRootCondition(delegatedPuzzlesMerkleRoot(newDelegatedPuzzles), memos)
  } else {
    throw new WriterCannotChangeDelegationError()
  }
  const coinSpend = spendDataStore(store, dataStoreInnerSpend(store, spender, [condition]))
  return {
    coinSpends: withFee([coinSpend], params.feePayment),
    next: nextDataStore(store, { ownerPuzzleHash: newOwnerPuzzleHash, delegatedPuzzles: newDelegatedPuzzles }),
  }
}
