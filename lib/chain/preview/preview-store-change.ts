/**
 * The store before and after a bundle, decoded from the spends themselves (not from the builder's
 * word): the store coin spend — or, for a mint, the launcher spend — is parsed with lib/chia's
 * `readDataStoreSpend`, and the result must equal the state the builder predicted. A bundle whose
 * decoded effect differs from what the user is shown is refused.
 */
import type { ClvmRunner } from '@/lib/chia/clvm/runner'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import type { DataStore } from '@/lib/chia/datastore/data-store'
import { type DataStoreAuthority, readDataStoreSpend } from '@/lib/chia/datastore/data-store-from-spend'
import { delegatedPuzzleEquals } from '@/lib/chia/datastore/delegated-puzzle'
import { bytesToHex, equalBytes, type Bytes32 } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { SINGLETON_LAUNCHER_HASH } from '@/lib/chia/puzzles/singleton-launcher'

import { StorePredictionMismatchError, StoreSpendMissingError } from './preview-errors'

export type StoreChange =
  | { kind: 'mint'; after: DataStore; authority: 'mint' }
  | { kind: 'update'; before: DataStore; after: DataStore; authority: DataStoreAuthority }
  | { kind: 'melt'; before: DataStore; authority: DataStoreAuthority }

/** What the builder said the bundle does. */
export type PredictedStoreChange =
  | { kind: 'mint'; launcherId: Bytes32; next: DataStore }
  | { kind: 'update'; before: DataStore; next: DataStore }
  | { kind: 'melt'; before: DataStore }

function assertSameStore(expected: DataStore, actual: DataStore) {
  const check = (field: string, ok: boolean, e: string, a: string) => {
    if (!ok) throw new StorePredictionMismatchError({ field, expected: e, actual: a })
  }
  check('coin id', equalBytes(coinId(expected.coin), coinId(actual.coin)), bytesToHex(coinId(expected.coin)), bytesToHex(coinId(actual.coin)))
  check('metadata', equalBytes(treeHash(expected.metadata.program), treeHash(actual.metadata.program)), bytesToHex(expected.metadata.rootHash), bytesToHex(actual.metadata.rootHash))
  check('owner', equalBytes(expected.ownerPuzzleHash, actual.ownerPuzzleHash), bytesToHex(expected.ownerPuzzleHash), bytesToHex(actual.ownerPuzzleHash))
  const sameDelegates =
    expected.delegatedPuzzles.length === actual.delegatedPuzzles.length &&
    expected.delegatedPuzzles.every((d, i) => delegatedPuzzleEquals(d, actual.delegatedPuzzles[i]))
  check('delegates', sameDelegates, `${expected.delegatedPuzzles.length} delegates`, `${actual.delegatedPuzzles.length} delegates`)
}

/**
 * Decodes the store change in `coinSpends` and checks it against the prediction.
 *
 * @example
 * const change = previewStoreChange(coinSpends, { kind: 'update', before: store, next }, runner)
 * change.kind === 'update' && change.after.metadata.rootHash
 */
export function previewStoreChange(coinSpends: readonly CoinSpend[], predicted: PredictedStoreChange, runner: ClvmRunner): StoreChange {
  if (predicted.kind === 'mint') {
    const launcherSpend = coinSpends.find(
      (cs) => equalBytes(cs.coin.puzzleHash, SINGLETON_LAUNCHER_HASH) && equalBytes(coinId(cs.coin), predicted.launcherId),
    )
    if (!launcherSpend) throw new StoreSpendMissingError({ coinId: predicted.launcherId })
    const info = readDataStoreSpend(launcherSpend, [], runner)
    if (!info?.store) throw new StorePredictionMismatchError({ field: 'launcher', expected: 'a store launcher', actual: 'not a store launcher' })
    assertSameStore(predicted.next, info.store)
    return { kind: 'mint', after: info.store, authority: 'mint' }
  }
  const storeCoinId = coinId(predicted.before.coin)
  const spend = coinSpends.find((cs) => equalBytes(coinId(cs.coin), storeCoinId))
  if (!spend) throw new StoreSpendMissingError({ coinId: storeCoinId })
  const info = readDataStoreSpend(spend, predicted.before.delegatedPuzzles, runner)
  if (!info) throw new StorePredictionMismatchError({ field: 'store spend', expected: 'a store spend', actual: 'not a store spend' })
  if (predicted.kind === 'melt') {
    if (!info.melted) throw new StorePredictionMismatchError({ field: 'melt', expected: 'melted', actual: 'store continues' })
    return { kind: 'melt', before: predicted.before, authority: info.authority }
  }
  if (info.melted || !info.store) throw new StorePredictionMismatchError({ field: 'melt', expected: 'store continues', actual: 'melted' })
  assertSameStore(predicted.next, info.store)
  return { kind: 'update', before: predicted.before, after: info.store, authority: info.authority }
}
