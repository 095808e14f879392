/**
 * A store's history from the ordered list of its spends (launcher spend first, then each store
 * coin's spend), like the driver's `syncStore` loop (DataLayer-Driver src/wallet.rs sync_store)
 * but pure: the caller fetches the spends. Each entry names who authorized it; a melt ends the
 * history instead of failing it. Spec: datalayer-protocol.md §7.1.
 */
import type { ClvmRunner } from '../clvm/runner'
import { type Bytes32, bytesToHex, equalBytes } from '../primitives/bytes'
import { coinId } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import { SINGLETON_LAUNCHER_HASH } from '../puzzles/singleton-launcher'
import type { DataStore } from './data-store'
import { BrokenStoreHistoryError } from './data-store-errors'
import { type DataStoreAuthority, readDataStoreSpend } from './data-store-from-spend'

export interface DataStoreHistoryEntry {
  coinSpend: CoinSpend
  /** Id of the coin spent (the launcher id for the first entry). */
  coinId: Bytes32
  authority: DataStoreAuthority
  /** The store after this spend; `undefined` for the melt. */
  store?: DataStore
  melted: boolean
  /** Root hash after this spend (for a melt, the root it had when melted). */
  rootHash: Bytes32
}

export interface DataStoreHistory {
  launcherId: Bytes32
  entries: DataStoreHistoryEntry[]
  /** The current store (last unmelted state), `undefined` if melted. */
  latest?: DataStore
  melted: boolean
  /** Root after each non-melt spend, launch root first, duplicates kept (driver `rootHashes`). */
  rootHashHistory: Bytes32[]
}

/**
 * Replays a store's spends in order; throws {@link BrokenStoreHistoryError} when they do not chain.
 * @example const { latest, rootHashHistory } = dataStoreHistory([launcherSpend, ...storeSpends], runner)
 */
export function dataStoreHistory(spends: readonly CoinSpend[], runner: ClvmRunner): DataStoreHistory {
  if (spends.length === 0 || !equalBytes(spends[0].coin.puzzleHash, SINGLETON_LAUNCHER_HASH)) {
    throw new BrokenStoreHistoryError({ index: 0, reason: 'the first spend must be the launcher spend' })
  }
  const entries: DataStoreHistoryEntry[] = []
  let current: DataStore | undefined
  let melted = false
  for (let i = 0; i < spends.length; i++) {
    const coinSpend = spends[i]
    const id = coinId(coinSpend.coin)
    if (i > 0) {
      if (!current) throw new BrokenStoreHistoryError({ index: i, reason: 'the store was already melted' })
      if (!equalBytes(id, coinId(current.coin))) {
        throw new BrokenStoreHistoryError({ index: i, reason: `spends coin ${bytesToHex(id)}, the store coin is ${bytesToHex(coinId(current.coin))}` })
      }
    }
    const info = readDataStoreSpend(coinSpend, current?.delegatedPuzzles ?? [], runner)
    if (!info) throw new BrokenStoreHistoryError({ index: i, reason: 'not a store spend' })
    entries.push({ coinSpend, coinId: id, authority: info.authority, store: info.store, melted: info.melted, rootHash: info.metadata.rootHash })
    current = info.store
    melted = info.melted
  }
  return {
    launcherId: coinId(spends[0].coin),
    entries,
    latest: current,
    melted,
    rootHashHistory: entries.filter((e) => !e.melted).map((e) => e.rootHash),
  }
}
