/**
 * Adapts lib/chia's `readDataStoreSpend` (chia-wallet-sdk `DataStore::from_spend` semantics,
 * with the rebuilt puzzle hash checked against the child coin) to the `StoreSpendParser` that
 * `syncStore` consumes. The CLVM runner is injected: clvm_rs on the server, the TS runner in
 * the browser.
 */
import type { ClvmRunner } from '@/lib/chia/clvm/runner'
import { readDataStoreSpend } from '@/lib/chia/datastore/data-store-from-spend'
import type { DataStore } from '@/lib/chia/datastore/data-store'

import type { StoreSpendParser, StoreState } from './store-sync'

const stateFromDataStore = (s: DataStore): StoreState => ({
  coin: s.coin,
  rootHash: s.metadata.rootHash,
  label: s.metadata.label,
  description: s.metadata.description,
  bytes: s.metadata.bytes,
  ownerPuzzleHash: s.ownerPuzzleHash,
  delegatedPuzzles: s.delegatedPuzzles,
})

/**
 * A `StoreSpendParser` backed by lib/chia and `runner`.
 *
 * @example
 * const history = await syncStore(client, launcherId, { parser: createStoreSpendParser(createClvmRsRunner()) })
 */
export function createStoreSpendParser(runner: ClvmRunner): StoreSpendParser {
  return (coinSpend, previous) => {
    const info = readDataStoreSpend(coinSpend, previous?.delegatedPuzzles ?? [], runner)
    if (!info) return undefined
    if (info.melted || !info.store) return { kind: 'melt', authority: info.authority }
    return { kind: 'child', state: stateFromDataStore(info.store), authority: info.authority }
  }
}
