/**
 * Store lifecycle on the devnet process with bundles from our own builders (lib/chia/datastore):
 * mint with admin/writer/oracle delegates, update as owner, admin and writer, oracle spend,
 * transfer, melt — each accepted and confirmed, with the chain's coin records matching the
 * builders' predicted `next` store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DataStore } from '@/lib/chia/datastore/data-store'
import { adminDelegatedPuzzle, oracleDelegatedPuzzle, writerDelegatedPuzzle } from '@/lib/chia/datastore/delegated-puzzle'
import { meltDataStore } from '@/lib/chia/datastore/melt-data-store'
import { mintDataStore } from '@/lib/chia/datastore/mint-data-store'
import { oracleSpend } from '@/lib/chia/datastore/oracle-spend'
import { updateDataStore } from '@/lib/chia/datastore/update-data-store'
import { updateDataStoreOwnership } from '@/lib/chia/datastore/update-data-store-ownership'
import { utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { sha256 } from '@/lib/chia/primitives/sha256'
import { type DevnetProcess, startDevnetProcess } from '@/tests/support/devnet-process'
import { type TestKey, hex, pushTx, signForDevnet, testKey, unspentCoins } from './helpers'

const owner = testKey('owner')
const admin = testKey('admin')
const writer = testKey('writer')
const oracle = testKey('oracle')
const spender = testKey('spender')
const newOwner = testKey('newOwner')

let devnet: DevnetProcess

type Rec = { coin_record: { confirmed_block_index: number; spent_block_index: number } }

async function submitAndFarm(coinSpends: CoinSpend[], keys: TestKey[]): Promise<number> {
  const res = await pushTx(devnet, signForDevnet(coinSpends, keys.map((k) => k.secretKey)))
  expect(res, JSON.stringify(res)).toMatchObject({ success: true, status: 'SUCCESS' })
  return (await devnet.rpc<{ new_peak_height: number }>('farm_block', { address: spender.address })).new_peak_height
}

/** The predicted store coin is on chain, unspent, confirmed at `height`. */
async function expectStoreAt(store: DataStore, height: number) {
  const r = await devnet.rpc<Rec>('get_coin_record_by_name', { name: hex(coinId(store.coin)) })
  expect(r.success).toBe(true)
  expect(r.coin_record).toMatchObject({ confirmed_block_index: height, spent_block_index: 0 })
}

beforeAll(async () => {
  devnet = await startDevnetProcess({ blockSeconds: 3600 })
  await devnet.rpc('set_auto_farming', { auto_farm: false })
  await devnet.rpc('farm_block', { address: owner.address, blocks: 1 })
  await devnet.rpc('farm_block', { address: spender.address, blocks: 1 })
}, 120_000)

afterAll(async () => {
  await devnet?.stop({ removeDir: true })
})

describe('our builders on the devnet', () => {
  it('mints, updates as owner/admin/writer, oracle-spends, transfers and melts a store', async () => {
    const ownerCoins = await unspentCoins(devnet, owner.puzzleHash)
    const mint = mintDataStore({
      minterSyntheticKey: owner.publicKey,
      coins: [ownerCoins[0]],
      rootHash: sha256(utf8ToBytes('b1')),
      label: 'builders',
      description: 'our own builders',
      bytes: 4096n,
      ownerPuzzleHash: owner.puzzleHash,
      delegatedPuzzles: [adminDelegatedPuzzle(admin.publicKey), writerDelegatedPuzzle(writer.publicKey), oracleDelegatedPuzzle(oracle.puzzleHash, 1000n)],
      fee: 10n,
    })
    let store = mint.next
    await expectStoreAt(store, await submitAndFarm(mint.coinSpends, [owner]))

    const updates: [string, TestKey, 'owner' | 'admin' | 'writer'][] = [
      ['b2', owner, 'owner'],
      ['b3', admin, 'admin'],
      ['b4', writer, 'writer'],
    ]
    for (const [root, key, role] of updates) {
      const r = updateDataStore({ store, spender: { role, syntheticKey: key.publicKey }, rootHash: sha256(utf8ToBytes(root)) })
      await expectStoreAt(r.next, await submitAndFarm(r.coinSpends, [key]))
      store = r.next
    }
    const history = await devnet.rpc<{ coin_records: unknown[] }>('get_coin_records_by_hint', { hint: hex(mint.launcherId), include_spent_coins: true })
    expect(history.coin_records).toHaveLength(3)

    const beforeOracle = (await unspentCoins(devnet, oracle.puzzleHash)).length
    const spenderCoins = await unspentCoins(devnet, spender.puzzleHash)
    const o = oracleSpend({ spenderSyntheticKey: spender.publicKey, coins: [spenderCoins[0]], store, fee: 20n })
    await expectStoreAt(o.next, await submitAndFarm(o.coinSpends, [spender]))
    expect(await unspentCoins(devnet, oracle.puzzleHash)).toHaveLength(beforeOracle + 1)
    store = o.next

    const t = updateDataStoreOwnership({ store, spender: { role: 'owner', syntheticKey: owner.publicKey }, newOwnerPuzzleHash: newOwner.puzzleHash, newDelegatedPuzzles: [] })
    await expectStoreAt(t.next, await submitAndFarm(t.coinSpends, [owner]))
    store = t.next

    const melt = meltDataStore({ store, ownerSyntheticKey: newOwner.publicKey })
    const h = await submitAndFarm(melt.coinSpends, [newOwner])
    const last = await devnet.rpc<Rec>('get_coin_record_by_name', { name: hex(coinId(store.coin)) })
    expect(last.coin_record.spent_block_index).toBe(h)
    const children = await devnet.rpc<{ coin_records: unknown[] }>('get_coin_records_by_parent_ids', { parent_ids: [hex(coinId(store.coin))], include_spent_coins: true })
    expect(children.coin_records).toHaveLength(0)
  })
})
