import { describe, expect, it } from 'vitest'

import { loadDataStore, StoreAlreadySpentError, StoreTipUnavailableError } from '@/lib/chain/outbox/load-data-store'
import { createTsRunner } from '@/lib/chia/clvm/run-program'
import { dataStorePuzzleHash } from '@/lib/chia/datastore/data-store'
import { writerDelegatedPuzzle } from '@/lib/chia/datastore/delegated-puzzle'
import { mintDataStore } from '@/lib/chia/datastore/mint-data-store'
import { updateDataStore } from '@/lib/chia/datastore/update-data-store'
import { bytesToHex, equalBytes } from '@/lib/chia/primitives/bytes'
import { coinId, type Coin } from '@/lib/chia/primitives/coin'
import type { CoinRecord, CoinSpend } from '@/lib/chia/primitives/coin-spend'

import { testKey, walletCoin } from '../preview/fixtures'

const runner = createTsRunner()
const owner = testKey(0)
const writer = testKey(1)
const m = mintDataStore({
  minterSyntheticKey: owner.publicKey,
  coins: [walletCoin(owner.puzzleHash, 10n ** 9n, 1)],
  ownerPuzzleHash: owner.puzzleHash,
  label: 'x',
  delegatedPuzzles: [writerDelegatedPuzzle(writer.publicKey)],
})
const u = updateDataStore({ store: m.next, spender: { role: 'writer', syntheticKey: writer.publicKey }, rootHash: new Uint8Array(32).fill(4) })

/** A chain holding the given coins (spent at height 10 when they have a spend) and spends. */
function chain(coins: { coin: Coin; spend?: CoinSpend; spent?: boolean }[]) {
  const byId = new Map(coins.map((c) => [bytesToHex(coinId(c.coin)), c]))
  return {
    getCoinRecordByName: async (id: Uint8Array): Promise<CoinRecord | undefined> => {
      const c = byId.get(bytesToHex(id))
      if (!c) return undefined
      return { coin: c.coin, confirmedBlockIndex: 5, spentBlockIndex: c.spend || c.spent ? 10 : 0, coinbase: false, timestamp: 0n } as CoinRecord
    },
    getPuzzleAndSolution: async (id: Uint8Array) => byId.get(bytesToHex(id))!.spend!,
  }
}

describe('loadDataStore', () => {
  const launcherSpend = m.coinSpends.find((cs) => equalBytes(coinId(cs.coin), m.launcherId))!

  it('rebuilds the eve store from the launcher spend', async () => {
    const c = chain([{ coin: launcherSpend.coin, spend: launcherSpend }, { coin: m.next.coin }])
    const store = await loadDataStore(c, coinId(m.next.coin), [], runner)
    expect(equalBytes(dataStorePuzzleHash(store), m.next.coin.puzzleHash)).toBe(true)
    expect(store.delegatedPuzzles).toHaveLength(1)
    expect(store.proof).toEqual(m.next.proof)
  })

  it('rebuilds a later store from a writer spend (delegates carried over) with its lineage proof', async () => {
    const c = chain([{ coin: m.next.coin, spend: u.coinSpends[0] }, { coin: u.next.coin }])
    const store = await loadDataStore(c, coinId(u.next.coin), m.next.delegatedPuzzles, runner)
    expect(equalBytes(coinId(store.coin), coinId(u.next.coin))).toBe(true)
    expect(store.proof).toEqual(u.next.proof)
    expect(store.metadata.label).toBe('x')
  })

  it('refuses a tip that is already spent or unknown', async () => {
    const spent = chain([{ coin: m.next.coin, spent: true }])
    await expect(loadDataStore(spent, coinId(m.next.coin), [], runner)).rejects.toThrow(StoreAlreadySpentError)
    await expect(loadDataStore(chain([]), coinId(m.next.coin), [], runner)).rejects.toThrow(StoreTipUnavailableError)
  })
})
