import { describe, expect, it } from 'vitest'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { createTsRunner } from '@/lib/chia/clvm/run-program'
import { dataStoreFromSpend, readDataStoreSpend } from '@/lib/chia/datastore/data-store-from-spend'
import { dataStoreHistory } from '@/lib/chia/datastore/data-store-history'
import { dataStorePuzzleHash } from '@/lib/chia/datastore/data-store'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { bytesToHex } from '@/lib/chia/primitives/bytes'
import { dataStoreIn, dataStoreOut } from '@/tests/support/driver-compat'
import { driverVectors, fromJson, type Json, toJson } from './vectors'

const chains = driverVectors.history.chains as Record<string, Json>
const spendIn = (cs: Json): CoinSpend => fromJson(cs)

const EXPECTED_AUTHORITIES: Record<string, string[]> = {
  D: ['mint', 'owner', 'admin', 'writer', 'oracle', 'admin', 'owner', 'owner', 'owner', 'owner', 'owner'],
  V: ['mint', 'owner', 'owner', 'owner', 'admin', 'owner'],
  M: ['mint', 'owner', 'owner', 'owner'],
  U: ['mint', 'writer'],
  A: ['mint', 'owner'],
}

for (const [runnerName, runner] of [
  ['clvm_rs', createClvmRsRunner()],
  ['pure TS', createTsRunner()],
] as const) {
  describe(`history.chains (${runnerName} runner)`, () => {
    for (const [name, chain] of Object.entries(chains)) {
      it(`chain ${name}: every step parses to the driver's newStore`, () => {
        let parentDelegated: Json[] = []
        for (const step of chain.steps) {
          const cs = spendIn(step.coinSpend)
          if (step.expectedNewStore === null) {
            expect(() => dataStoreFromSpend(cs, parentDelegated, runner)).toThrow(expect.objectContaining({ name: 'DataStoreMeltedError' }))
            continue
          }
          const store = dataStoreFromSpend(cs, parentDelegated, runner)!
          expect(toJson(dataStoreOut(store))).toEqual(toJson(step.expectedNewStore))
          expect(bytesToHex(dataStorePuzzleHash(store))).toBe(step.expectedNewStore.coin.puzzleHash)
          parentDelegated = store.delegatedPuzzles
        }
      })

      it(`chain ${name}: dataStoreHistory gives the root history, authorities and melt`, () => {
        const history = dataStoreHistory(chain.steps.map((s: Json) => spendIn(s.coinSpend)), runner)
        expect(history.rootHashHistory.map(bytesToHex)).toEqual(chain.rootHashHistory)
        expect(history.melted).toBe(chain.meltedAtEnd)
        expect(history.entries.map((e) => e.authority)).toEqual(EXPECTED_AUTHORITIES[name])
        if (chain.meltedAtEnd) expect(history.latest).toBeUndefined()
        else expect(toJson(dataStoreOut(history.latest!))).toEqual(toJson(chain.latestStore))
      })
    }
  })
}

describe('history input checks', () => {
  const runner = createClvmRsRunner()
  const D = chains.D.steps.map((s: Json) => spendIn(s.coinSpend))
  it('must start with the launcher spend', () => {
    expect(() => dataStoreHistory(D.slice(1), runner)).toThrow(expect.objectContaining({ name: 'BrokenStoreHistoryError' }))
  })
  it('rejects a spend that is not of the current store coin', () => {
    expect(() => dataStoreHistory([D[0], D[2]], runner)).toThrow(expect.objectContaining({ name: 'BrokenStoreHistoryError' }))
  })
  it('rejects spends after a melt', () => {
    const M = chains.M.steps.map((s: Json) => spendIn(s.coinSpend))
    expect(() => dataStoreHistory([...M, M[1]], runner)).toThrow(expect.objectContaining({ name: 'BrokenStoreHistoryError' }))
  })
  it('wrong parent delegates are detected by the puzzle hash check, not silently accepted', () => {
    // Step 2 (admin update) keeps the parent's delegates; give it none.
    expect(() => dataStoreFromSpend(D[2], [], runner)).toThrow(expect.objectContaining({ name: 'StorePuzzleHashMismatchError' }))
  })
  it('a coin spend that is not a store is `undefined`', () => {
    const c = driverVectors.cases.find((x: Json) => x.name === 'add_fee_two_coins')
    expect(readDataStoreSpend(fromJson(c.output[0]), [], runner)).toBeUndefined()
  })
})

describe('Chia reference wallet compatibility (compatChiaReferenceWallet)', () => {
  const runner = createClvmRsRunner()
  const compat = driverVectors.compatChiaReferenceWallet
  it('parses a Chia-wallet launcher spend (old KV list, no memos)', () => {
    const store = dataStoreFromSpend(spendIn(compat.chiaWalletLauncherSpend.coinSpend), [], runner)!
    expect(toJson(dataStoreOut(store))).toEqual(toJson(compat.chiaWalletLauncherSpend.expectedStore))
  })
  it('the driver launcher for the same inputs gives the same eve store', () => {
    const a = dataStoreFromSpend(spendIn(compat.chiaWalletLauncherSpend.coinSpend), [], runner)!
    const b = dataStoreFromSpend(spendIn(compat.driverLauncherSpendForSameInputs.coinSpend), [], runner)!
    expect(toJson(dataStoreOut(b))).toEqual(toJson(dataStoreOut(a)))
  })
  it('parses a Chia-wallet update spend (old memo format: launcher_id root inner_ph)', () => {
    const parent = dataStoreIn(fromJson(compat.chiaWalletUpdateSpend.parentStore))
    const store = dataStoreFromSpend(spendIn(compat.chiaWalletUpdateSpend.coinSpend), parent.delegatedPuzzles, runner)!
    expect(toJson(dataStoreOut(store))).toEqual(toJson(compat.chiaWalletUpdateSpend.expectedStore))
  })
})

describe('parsing the driver-bug spends found on chain (§11.2, §11.3)', () => {
  const runner = createClvmRsRunner()
  it('an admin spend whose memos claim a new owner parses to the real (old) owner', () => {
    const c = driverVectors.cases.find((x: Json) => x.name === 'update_ownership_admin_sets_new_owner_BUG')
    const parent = dataStoreIn(fromJson(c.inputs.store))
    const store = dataStoreFromSpend(fromJson(c.output.coinSpends[0]), parent.delegatedPuzzles, runner)!
    expect(bytesToHex(store.ownerPuzzleHash)).toBe(c.inputs.store.ownerPuzzleHash)
    expect(c.output.newStore.ownerPuzzleHash).not.toBe(c.inputs.store.ownerPuzzleHash)
    expect(bytesToHex(dataStorePuzzleHash(store))).toBe(bytesToHex(store.coin.puzzleHash))
  })
  it('an admin spend that emptied the delegate list is reported, not mis-modelled as vanilla', () => {
    const c = driverVectors.cases.find((x: Json) => x.name === 'update_ownership_admin_sets_empty_delegates_BUG')
    const parent = dataStoreIn(fromJson(c.inputs.store))
    expect(() => dataStoreFromSpend(fromJson(c.output.coinSpends[0]), parent.delegatedPuzzles, runner)).toThrow(
      expect.objectContaining({ name: 'StorePuzzleHashMismatchError' }),
    )
  })
})
