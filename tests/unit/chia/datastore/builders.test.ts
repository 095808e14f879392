/**
 * Our builders' own semantics (beyond driver parity): every spend they return runs under clvm_rs
 * to exactly the predicted child, the rules the chain enforces are typed errors, unset metadata
 * fields and unknown metadata keys survive updates.
 */
import { describe, expect, it } from 'vitest'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { atom, cons, isAtom, list, str, toList } from '@/lib/chia/clvm/program'
import { programFromBytes, programToHex } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { addFee } from '@/lib/chia/datastore/add-fee'
import { type DataStore, dataStorePuzzleHash } from '@/lib/chia/datastore/data-store'
import { dataStoreFromSpend } from '@/lib/chia/datastore/data-store-from-spend'
import { dataStoreHistory } from '@/lib/chia/datastore/data-store-history'
import { metadataFromProgram } from '@/lib/chia/datastore/data-store-metadata'
import { addDelegatedPuzzle, adminDelegatedPuzzle, oracleDelegatedPuzzle, removeDelegatedPuzzle, writerDelegatedPuzzle } from '@/lib/chia/datastore/delegated-puzzle'
import { meltDataStore } from '@/lib/chia/datastore/melt-data-store'
import { mintDataStore } from '@/lib/chia/datastore/mint-data-store'
import { oracleSpend } from '@/lib/chia/datastore/oracle-spend'
import { sendXch } from '@/lib/chia/datastore/send-xch'
import { updateDataStore } from '@/lib/chia/datastore/update-data-store'
import { updateDataStoreOwnership } from '@/lib/chia/datastore/update-data-store-ownership'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { bytesToHex, equalBytes, hexToBytes } from '@/lib/chia/primitives/bytes'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { dataStoreIn } from '@/tests/support/driver-compat'
import { driverVectors, fromJson } from './vectors'

const runner = createClvmRsRunner()
const K = driverVectors.keys
const key = (label: string) => hexToBytes(K[label].syntheticPublicKey)
const owner = key('owner')
const admin = key('admin')
const writer = key('writer')
const spender = key('spender')
const ownerPh = standardPuzzleHash(owner)
const coinOf = (pk: Uint8Array, amount: bigint, seed: number): Coin => ({ parentCoinInfo: new Uint8Array(32).fill(seed), puzzleHash: standardPuzzleHash(pk), amount })

/** Runs a coin spend, checks its puzzle hash, and returns its CREATE_COIN outputs. */
function outputs(cs: CoinSpend): { puzzleHash: Uint8Array; amount: bigint }[] {
  const puzzle = programFromBytes(cs.puzzleReveal)
  expect(bytesToHex(treeHash(puzzle))).toBe(bytesToHex(cs.coin.puzzleHash))
  const conditions = toList(runner.run(puzzle, programFromBytes(cs.solution)).value)
  return conditions
    .map(toList)
    .filter((c) => isAtom(c[0]) && c[0].atom.length === 1 && c[0].atom[0] === 51)
    .map((c) => ({ puzzleHash: c[1].atom!, amount: BigInt(`0x${bytesToHex(c[2].atom!) || '0'}`) }))
}

/** The store spend runs and creates exactly `next.coin`; parsing it gives `next` back. */
function expectChild(cs: CoinSpend, next: DataStore, parent: DataStore) {
  const odd = outputs(cs).filter((o) => o.amount % 2n === 1n)
  expect(odd).toHaveLength(1)
  expect(bytesToHex(odd[0].puzzleHash)).toBe(bytesToHex(next.coin.puzzleHash))
  expect(bytesToHex(dataStorePuzzleHash(next))).toBe(bytesToHex(next.coin.puzzleHash))
  const parsed = dataStoreFromSpend(cs, parent.delegatedPuzzles, runner)!
  expect(bytesToHex(coinId(parsed.coin))).toBe(bytesToHex(coinId(next.coin)))
  expect(programToHex(parsed.metadata.program)).toBe(programToHex(next.metadata.program))
  expect(bytesToHex(parsed.ownerPuzzleHash)).toBe(bytesToHex(next.ownerPuzzleHash))
}

function mintDelegated(extra: Partial<Parameters<typeof mintDataStore>[0]> = {}) {
  return mintDataStore({
    minterSyntheticKey: owner,
    coins: [coinOf(owner, 10_000_000n, 1)],
    ownerPuzzleHash: ownerPh,
    label: 'L',
    description: 'D',
    bytes: 10n,
    delegatedPuzzles: [adminDelegatedPuzzle(admin), writerDelegatedPuzzle(writer), oracleDelegatedPuzzle(new Uint8Array(32).fill(3), 0n)],
    fee: 1000n,
    ...extra,
  })
}

describe('mint', () => {
  it('defaults the root to 32 zero bytes, hints the launcher with sha256("datastore")', () => {
    const { coinSpends, next, launcherId } = mintDataStore({ minterSyntheticKey: owner, coins: [coinOf(owner, 5n, 1)], ownerPuzzleHash: ownerPh })
    expect(next.metadata.rootHash).toEqual(new Uint8Array(32))
    expect(bytesToHex(launcherId)).toBe(bytesToHex(next.launcherId))
    expect(bytesToHex(coinSpends[1].solution)).toContain(driverVectors.constants.datastoreLauncherHint)
    const parsed = dataStoreFromSpend(coinSpends[0], [], runner)!
    expect(bytesToHex(parsed.coin.puzzleHash)).toBe(bytesToHex(next.coin.puzzleHash))
  })
  it('refuses what the chain would refuse', () => {
    expect(() => mintDataStore({ minterSyntheticKey: owner, coins: [], ownerPuzzleHash: ownerPh })).toThrow(expect.objectContaining({ name: 'NoCoinsSelectedError' }))
    expect(() => mintDataStore({ minterSyntheticKey: owner, coins: [coinOf(owner, 10n, 1)], ownerPuzzleHash: ownerPh, fee: 10n })).toThrow(
      expect.objectContaining({ name: 'InsufficientFundsError' }),
    )
    expect(() => mintDataStore({ minterSyntheticKey: owner, coins: [coinOf(admin, 10n, 1)], ownerPuzzleHash: ownerPh })).toThrow(
      expect.objectContaining({ name: 'CoinNotOwnedError' }),
    )
    expect(() => oracleDelegatedPuzzle(ownerPh, 3n)).toThrow(expect.objectContaining({ name: 'OddOracleFeeError' }))
  })
})

describe('update metadata', () => {
  const { next: eve } = mintDelegated()
  it('writer update keeps label/description/bytes the user did not touch (unlike the driver)', () => {
    const { coinSpends, next } = updateDataStore({ store: eve, spender: { role: 'writer', syntheticKey: writer }, rootHash: new Uint8Array(32).fill(9) })
    expect(next.metadata).toMatchObject({ label: 'L', description: 'D', bytes: 10n })
    expectChild(coinSpends[0], next, eve)
  })
  it('unknown metadata keys ("sp") survive an update and the spend stays valid', () => {
    const withSp = metadataFromProgram(list([atom(new Uint8Array(32).fill(1)), cons(str('l'), str('L')), cons(str('sp'), str('size-proof'))]))
    const { next: store } = mintDelegated({ metadata: withSp })
    const { coinSpends, next } = updateDataStore({ store, spender: { role: 'admin', syntheticKey: admin }, rootHash: new Uint8Array(32).fill(2), label: null })
    expect(programToHex(next.metadata.program)).toBe(programToHex(list([atom(new Uint8Array(32).fill(2)), cons(str('sp'), str('size-proof'))])))
    expectChild(coinSpends[0], next, store)
  })
  it('wrong keys are refused before any spend is built', () => {
    expect(() => updateDataStore({ store: eve, spender: { role: 'owner', syntheticKey: admin } })).toThrow(expect.objectContaining({ name: 'WrongOwnerKeyError' }))
    expect(() => updateDataStore({ store: eve, spender: { role: 'writer', syntheticKey: admin } })).toThrow(expect.objectContaining({ name: 'NotADelegateError' }))
    expect(() => updateDataStore({ store: eve, spender: { role: 'admin', syntheticKey: spender } })).toThrow(expect.objectContaining({ name: 'NotADelegateError' }))
  })
})

describe('ownership and delegation', () => {
  const { next: eve } = mintDelegated()
  it('admin changes delegates (same owner) and the spend creates the predicted child', () => {
    const { coinSpends, next } = updateDataStoreOwnership({
      store: eve,
      spender: { role: 'admin', syntheticKey: admin },
      newDelegatedPuzzles: [adminDelegatedPuzzle(admin)],
    })
    expect(next.delegatedPuzzles).toHaveLength(1)
    expectChild(coinSpends[0], next, eve)
  })
  it('admin cannot move the owner or empty the list; a writer cannot change delegation', () => {
    expect(() =>
      updateDataStoreOwnership({ store: eve, spender: { role: 'admin', syntheticKey: admin }, newOwnerPuzzleHash: standardPuzzleHash(spender), newDelegatedPuzzles: eve.delegatedPuzzles }),
    ).toThrow(expect.objectContaining({ name: 'AdminCannotChangeOwnerError' }))
    expect(() => updateDataStoreOwnership({ store: eve, spender: { role: 'admin', syntheticKey: admin }, newDelegatedPuzzles: [] })).toThrow(
      expect.objectContaining({ name: 'AdminCannotRemoveAllDelegatesError' }),
    )
    expect(() => updateDataStoreOwnership({ store: eve, spender: { role: 'writer', syntheticKey: writer }, newDelegatedPuzzles: [] })).toThrow(
      expect.objectContaining({ name: 'WriterCannotChangeDelegationError' }),
    )
  })
  it('owner transfers and drops the delegation layer; the new owner then melts', () => {
    const newOwnerKey = key('newOwner')
    const t = updateDataStoreOwnership({ store: eve, spender: { role: 'owner', syntheticKey: owner }, newOwnerPuzzleHash: standardPuzzleHash(newOwnerKey), newDelegatedPuzzles: [] })
    expectChild(t.coinSpends[0], t.next, eve)
    expect(() => meltDataStore({ store: t.next, ownerSyntheticKey: owner })).toThrow(expect.objectContaining({ name: 'WrongOwnerKeyError' }))
    const melt = meltDataStore({ store: t.next, ownerSyntheticKey: newOwnerKey })
    expect(outputs(melt.coinSpends[0]).filter((o) => o.amount % 2n === 1n)).toHaveLength(0)
  })
})

describe('oracle spend, fee, send, history of our own spends', () => {
  it('a full lifecycle replays through dataStoreHistory with the right authorities', () => {
    const m = mintDelegated()
    const oracleCoins = [coinOf(spender, 100n, 4)]
    const o = oracleSpend({ spenderSyntheticKey: spender, coins: oracleCoins, store: m.next, fee: 10n })
    expectChild(o.coinSpends.at(-1)!, o.next, m.next)
    const w = updateDataStore({ store: o.next, spender: { role: 'writer', syntheticKey: writer }, rootHash: new Uint8Array(32).fill(5) })
    const melt = meltDataStore({ store: w.next, ownerSyntheticKey: owner })
    const launcher = m.coinSpends.find((cs) => equalBytes(coinId(cs.coin), m.launcherId))!
    const h = dataStoreHistory([launcher, o.coinSpends.at(-1)!, w.coinSpends[0], melt.coinSpends[0]], runner)
    expect(h.entries.map((e) => e.authority)).toEqual(['mint', 'oracle', 'writer', 'owner'])
    expect(h.melted).toBe(true)
    expect(h.rootHashHistory.map(bytesToHex)).toEqual([bytesToHex(m.next.metadata.rootHash), bytesToHex(m.next.metadata.rootHash), bytesToHex(new Uint8Array(32).fill(5))])
  })
  it('addFee asserts the store coin and returns change; sendXch pays outputs and change', () => {
    const coins = [coinOf(spender, 700n, 5), coinOf(spender, 300n, 6)]
    const fee = addFee({ syntheticKey: spender, coins, assertCoinIds: [new Uint8Array(32).fill(8)], fee: 250n })
    expect(fee.map((cs) => bytesToHex(coinId(cs.coin)))).toEqual([bytesToHex(coinId(coins[1])), bytesToHex(coinId(coins[0]))])
    expect(outputs(fee[1])).toEqual([{ puzzleHash: standardPuzzleHash(spender), amount: 750n }])
    const sent = sendXch({ syntheticKey: spender, coins, outputs: [{ puzzleHash: ownerPh, amount: 400n }], fee: 100n })
    expect(outputs(sent[0])).toEqual([
      { puzzleHash: ownerPh, amount: 400n },
      { puzzleHash: standardPuzzleHash(spender), amount: 500n },
    ])
    expect(() => addFee({ syntheticKey: spender, coins, assertCoinIds: [], fee: 1001n })).toThrow(expect.objectContaining({ name: 'InsufficientFundsError' }))
  })
})


describe('fees with store spends, delegate list helpers', () => {
  it('feePayment appends fee spends asserting the store coin', () => {
    const { next: eve } = mintDelegated()
    const coins = [coinOf(spender, 1000n, 7)]
    const r = updateDataStore({ store: eve, spender: { role: 'writer', syntheticKey: writer }, rootHash: new Uint8Array(32).fill(1), feePayment: { syntheticKey: spender, coins, fee: 100n } })
    expect(r.coinSpends).toHaveLength(2)
    expect(bytesToHex(r.coinSpends[1].solution)).toContain(`ff40ffa0${bytesToHex(coinId(eve.coin))}`)
    expect(outputs(r.coinSpends[1])).toEqual([{ puzzleHash: standardPuzzleHash(spender), amount: 900n }])
    const m = meltDataStore({ store: eve, ownerSyntheticKey: owner, feePayment: { syntheticKey: spender, coins, fee: 1000n } })
    expect(m.coinSpends).toHaveLength(2)
  })
  it('add/remove delegates keep order and avoid duplicates', () => {
    const a = adminDelegatedPuzzle(admin)
    const w = writerDelegatedPuzzle(writer)
    const list1 = addDelegatedPuzzle(addDelegatedPuzzle([a], w), adminDelegatedPuzzle(admin))
    expect(list1.map((d) => d.type)).toEqual(['admin', 'writer'])
    expect(removeDelegatedPuzzle(list1, adminDelegatedPuzzle(admin)).map((d) => d.type)).toEqual(['writer'])
  })
})

describe('Chia reference wallet hint format', () => {
  it('reproduces the compat vector chiaWalletUpdateSpend byte for byte and parses with the old memo format', () => {
    const compat = driverVectors.compatChiaReferenceWallet.chiaWalletUpdateSpend
    const parent = dataStoreIn(fromJson(compat.parentStore))
    const expected = compat.expectedStore
    const r = updateDataStore({ store: parent, spender: { role: 'owner', syntheticKey: owner }, rootHash: hexToBytes(expected.metadata.rootHash), memoFormat: 'chia' })
    expect(bytesToHex(r.coinSpends[0].puzzleReveal)).toBe(compat.coinSpend.puzzleReveal)
    expect(bytesToHex(r.coinSpends[0].solution)).toBe(compat.coinSpend.solution)
    expect(bytesToHex(coinId(r.next.coin))).toBe(bytesToHex(coinId(dataStoreFromSpend(r.coinSpends[0], [], runner)!.coin)))
    expectChild(r.coinSpends[0], r.next, parent)
  })
  it('is refused where the Chia wallet could not follow', () => {
    const { next: eve } = mintDelegated()
    expect(() => updateDataStore({ store: eve, spender: { role: 'owner', syntheticKey: owner }, memoFormat: 'chia' })).toThrow(
      expect.objectContaining({ name: 'ChiaMemoFormatUnsupportedError' }),
    )
  })
})
