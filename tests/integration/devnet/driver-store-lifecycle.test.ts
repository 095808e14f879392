/**
 * Store lifecycle on the devnet process with bundles built by the reference driver
 * (@dignetwork/datalayer-driver 0.1.29): mint with admin/writer/oracle delegates, update as owner,
 * admin and writer, oracle spend, transfer, melt. The driver signs only for mainnet/testnet11, so
 * bundles are signed for the devnet's genesis challenge by our own AugSchemeMPL code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as driver from '@dignetwork/datalayer-driver'
import { coinId } from '@/lib/chia/primitives/coin'
import type { Coin } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { sha256 } from '@/lib/chia/primitives/sha256'
import { utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { type DevnetProcess, startDevnetProcess } from '@/tests/support/devnet-process'
import { type TestKey, hex, pushTx, signForDevnet, testKey, unspentCoins } from './helpers'

const owner = testKey('owner')
const admin = testKey('admin')
const writer = testKey('writer')
const oracle = testKey('oracle')
const spender = testKey('spender')
const newOwner = testKey('newOwner')

const toDriverCoin = (c: Coin): driver.Coin => ({
  parentCoinInfo: Buffer.from(c.parentCoinInfo),
  puzzleHash: Buffer.from(c.puzzleHash),
  amount: c.amount,
})
const fromDriverSpends = (spends: driver.CoinSpend[]): CoinSpend[] =>
  spends.map((s) => ({
    coin: { parentCoinInfo: new Uint8Array(s.coin.parentCoinInfo), puzzleHash: new Uint8Array(s.coin.puzzleHash), amount: s.coin.amount },
    puzzleReveal: new Uint8Array(s.puzzleReveal),
    solution: new Uint8Array(s.solution),
  }))
const root = (label: string) => Buffer.from(sha256(utf8ToBytes(label)))

let devnet: DevnetProcess

async function submitAndFarm(spends: driver.CoinSpend[], keys: TestKey[]): Promise<number> {
  const bundle = signForDevnet(fromDriverSpends(spends), keys.map((k) => k.secretKey))
  const res = await pushTx(devnet, bundle)
  expect(res, JSON.stringify(res)).toMatchObject({ success: true, status: 'SUCCESS' })
  const farmed = await devnet.rpc<{ new_peak_height: number }>('farm_block', { address: spender.address })
  return farmed.new_peak_height
}

async function record(coin: driver.Coin) {
  const r = await devnet.rpc<{ coin_record: { confirmed_block_index: number; spent_block_index: number } }>('get_coin_record_by_name', {
    name: hex(driver.getCoinId(coin)),
  })
  expect(r.success).toBe(true)
  return r.coin_record
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

describe('reference driver bundles on the devnet', () => {
  it('mints, updates as owner/admin/writer, oracle-spends, transfers and melts a store', async () => {
    const ownerCoins = await unspentCoins(devnet, owner.puzzleHash)
    const delegated = [
      driver.adminDelegatedPuzzleFromKey(Buffer.from(admin.publicKey)),
      driver.writerDelegatedPuzzleFromKey(Buffer.from(writer.publicKey)),
      driver.oracleDelegatedPuzzle(Buffer.from(oracle.puzzleHash), 1000n),
    ]
    const mint = driver.mintStore(
      Buffer.from(owner.publicKey),
      [toDriverCoin(ownerCoins[0])],
      root('root 1'),
      'label',
      'description',
      1234n,
      Buffer.from(owner.puzzleHash),
      delegated,
      100n,
    )
    const mintHeight = await submitAndFarm(mint.coinSpends, [owner])
    let store = mint.newStore
    expect((await record(store.coin)).confirmed_block_index).toBe(mintHeight)
    // The eve coin is found as the launcher's child (the launcher's CREATE_COIN has no memo).
    const eve = await devnet.rpc<{ coin_records: unknown[] }>('get_coin_records_by_parent_ids', { parent_ids: [hex(store.launcherId)] })
    expect(eve.coin_records).toHaveLength(1)

    const steps: [string, () => driver.SuccessResponse, TestKey, Buffer][] = [
      ['owner update', () => driver.updateStoreMetadata(store, root('root 2'), 'l2', 'd2', 99n, Buffer.from(owner.publicKey)), owner, root('root 2')],
      ['admin update', () => driver.updateStoreMetadata(store, root('root 3'), undefined, undefined, undefined, undefined, Buffer.from(admin.publicKey)), admin, root('root 3')],
      ['writer update', () => driver.updateStoreMetadata(store, root('root 4'), undefined, undefined, undefined, undefined, undefined, Buffer.from(writer.publicKey)), writer, root('root 4')],
    ]
    for (const [label, build, key, expectedRoot] of steps) {
      const prev = store.coin
      const r = build()
      const h = await submitAndFarm(r.coinSpends, [key])
      expect((await record(prev)).spent_block_index, label).toBe(h)
      expect((await record(r.newStore.coin)).confirmed_block_index, label).toBe(h)
      expect(Buffer.from(r.newStore.metadata.rootHash).equals(expectedRoot), label).toBe(true)
      store = r.newStore
    }

    // Later generations carry the launcher id as first memo, so the hint index finds them all.
    const hinted = await devnet.rpc<{ coin_records: unknown[] }>('get_coin_records_by_hint', { hint: hex(store.launcherId), include_spent_coins: true })
    expect(hinted.coin_records).toHaveLength(3)

    // Oracle spend: anyone pays the oracle fee to the oracle's puzzle hash; the store stays put.
    const spenderCoins = await unspentCoins(devnet, spender.puzzleHash)
    const beforeOracle = (await unspentCoins(devnet, oracle.puzzleHash)).length
    const oracleRes = driver.oracleSpend(Buffer.from(spender.publicKey), [toDriverCoin(spenderCoins[0])], store, 50n)
    await submitAndFarm(oracleRes.coinSpends, [spender])
    expect(await unspentCoins(devnet, oracle.puzzleHash)).toHaveLength(beforeOracle + 1)
    store = oracleRes.newStore
    expect((await record(store.coin)).spent_block_index).toBe(0)

    // Transfer to a new owner, dropping the delegates.
    const transfer = driver.updateStoreOwnership(store, Buffer.from(newOwner.puzzleHash), [], Buffer.from(owner.publicKey))
    await submitAndFarm(transfer.coinSpends, [owner])
    store = transfer.newStore
    expect(Buffer.from(store.ownerPuzzleHash).equals(Buffer.from(newOwner.puzzleHash))).toBe(true)

    // Melt: the singleton consumes CREATE_COIN -113, so the chain sees no child store coin.
    const meltSpends = driver.meltStore(store, Buffer.from(newOwner.publicKey))
    const meltHeight = await submitAndFarm(meltSpends, [newOwner])
    expect((await record(store.coin)).spent_block_index).toBe(meltHeight)
    const children = await devnet.rpc<{ coin_records: { coin: { amount: number } }[] }>('get_coin_records_by_parent_ids', {
      parent_ids: [hex(coinId({ parentCoinInfo: store.coin.parentCoinInfo, puzzleHash: store.coin.puzzleHash, amount: store.coin.amount }))],
      include_spent_coins: true,
    })
    expect(children.coin_records.filter((c) => c.coin.amount % 2 === 1)).toHaveLength(0)
  })
})
