import { describe, expect, it } from 'vitest'

import { StorePredictionMismatchError, StoreSpendMissingError } from '@/lib/chain/preview/preview-errors'
import { previewStoreChange } from '@/lib/chain/preview/preview-store-change'
import { createTsRunner } from '@/lib/chia/clvm/run-program'
import { adminDelegatedPuzzle, writerDelegatedPuzzle } from '@/lib/chia/datastore/delegated-puzzle'
import { meltDataStore } from '@/lib/chia/datastore/melt-data-store'
import { mintDataStore } from '@/lib/chia/datastore/mint-data-store'
import { nextDataStore, updateDataStore } from '@/lib/chia/datastore/update-data-store'
import { updateDataStoreOwnership } from '@/lib/chia/datastore/update-data-store-ownership'
import { dataStoreMetadata } from '@/lib/chia/datastore/data-store-metadata'
import { equalBytes } from '@/lib/chia/primitives/bytes'

import { testKey, walletCoin } from './fixtures'

const runner = createTsRunner()
const owner = testKey(0)
const writer = testKey(1)
const admin = testKey(3)
const newOwner = testKey(4)

const minted = mintDataStore({
  minterSyntheticKey: owner.publicKey,
  coins: [walletCoin(owner.puzzleHash, 10n ** 9n, 9)],
  ownerPuzzleHash: owner.puzzleHash,
  label: 'site',
  description: 'the docs',
  bytes: 1234n,
  delegatedPuzzles: [adminDelegatedPuzzle(admin.publicKey), writerDelegatedPuzzle(writer.publicKey)],
})
const store = minted.next

describe('previewStoreChange', () => {
  it('decodes the eve store of a mint from the launcher spend', () => {
    const change = previewStoreChange(minted.coinSpends, { kind: 'mint', launcherId: minted.launcherId, next: store }, runner)
    expect(change.kind).toBe('mint')
    if (change.kind !== 'mint') return
    expect(change.after.metadata.label).toBe('site')
    expect(change.after.delegatedPuzzles).toHaveLength(2)
  })

  it('decodes a writer update and keeps untouched fields', () => {
    const root = new Uint8Array(32).fill(5)
    const u = updateDataStore({ store, spender: { role: 'writer', syntheticKey: writer.publicKey }, rootHash: root })
    const change = previewStoreChange(u.coinSpends, { kind: 'update', before: store, next: u.next }, runner)
    expect(change.kind).toBe('update')
    if (change.kind !== 'update') return
    expect(change.authority).toBe('writer')
    expect(equalBytes(change.after.metadata.rootHash, root)).toBe(true)
    expect(change.after.metadata.label).toBe('site')
    expect(change.after.metadata.bytes).toBe(1234n)
  })

  it('decodes an ownership transfer', () => {
    const t = updateDataStoreOwnership({ store, spender: { role: 'owner', syntheticKey: owner.publicKey }, newOwnerPuzzleHash: newOwner.puzzleHash, newDelegatedPuzzles: [] })
    const change = previewStoreChange(t.coinSpends, { kind: 'update', before: store, next: t.next }, runner)
    if (change.kind !== 'update') throw new Error('expected update')
    expect(equalBytes(change.after.ownerPuzzleHash, newOwner.puzzleHash)).toBe(true)
    expect(change.after.delegatedPuzzles).toHaveLength(0)
  })

  it('refuses when the spend does something else than predicted', () => {
    const u = updateDataStore({ store, spender: { role: 'owner', syntheticKey: owner.publicKey }, rootHash: new Uint8Array(32).fill(1) })
    const lie = nextDataStore(store, { metadata: dataStoreMetadata({ rootHash: new Uint8Array(32).fill(2), label: 'site' }) })
    expect(() => previewStoreChange(u.coinSpends, { kind: 'update', before: store, next: lie }, runner)).toThrow(StorePredictionMismatchError)
  })

  it('refuses a melt predicted as an update, and a bundle without the store spend', () => {
    const melt = meltDataStore({ store, ownerSyntheticKey: owner.publicKey })
    expect(previewStoreChange(melt.coinSpends, { kind: 'melt', before: store }, runner).kind).toBe('melt')
    expect(() => previewStoreChange(melt.coinSpends, { kind: 'update', before: store, next: nextDataStore(store, {}) }, runner)).toThrow(
      StorePredictionMismatchError,
    )
    expect(() => previewStoreChange([], { kind: 'melt', before: store }, runner)).toThrow(StoreSpendMissingError)
  })
})
