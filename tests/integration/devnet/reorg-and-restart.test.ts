/**
 * reorg_blocks / revert_blocks move confirmed transactions back to the mempool (or drop those that
 * can no longer pass), coin records follow; the state survives a restart of the process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as driver from '@dignetwork/datalayer-driver'
import { coinId } from '@/lib/chia/primitives/coin'
import { ConditionOpcode as Op } from '@/lib/chia/spends/condition-opcodes'
import { sha256 } from '@/lib/chia/primitives/sha256'
import { bytesToHex, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { spendBundleName } from '@/lib/devnet/spend-bundle-name'
import { type DevnetProcess, startDevnetProcess } from '@/tests/support/devnet-process'
import { cond, createCoin, hex, pushTx, signForDevnet, standardSpend, testKey, unspentCoins } from './helpers'

const owner = testKey('owner')
const other = testKey('spender')

let devnet: DevnetProcess

const toDriverCoin = (c: { parentCoinInfo: Uint8Array; puzzleHash: Uint8Array; amount: bigint }): driver.Coin => ({
  parentCoinInfo: Buffer.from(c.parentCoinInfo),
  puzzleHash: Buffer.from(c.puzzleHash),
  amount: c.amount,
})
const fromDriver = (spends: driver.CoinSpend[]) =>
  spends.map((s) => ({
    coin: { parentCoinInfo: new Uint8Array(s.coin.parentCoinInfo), puzzleHash: new Uint8Array(s.coin.puzzleHash), amount: s.coin.amount },
    puzzleReveal: new Uint8Array(s.puzzleReveal),
    solution: new Uint8Array(s.solution),
  }))

const peak = async () =>
  (await devnet.rpc<{ blockchain_state: { peak: { height: number; header_hash: string } } }>('get_blockchain_state')).blockchain_state.peak
const record = (id: Uint8Array) =>
  devnet.rpc<{ coin_record?: { confirmed_block_index: number; spent_block_index: number } }>('get_coin_record_by_name', { name: hex(id) })
const mempoolIds = async () => (await devnet.rpc<{ tx_ids: string[] }>('get_all_mempool_tx_ids')).tx_ids

beforeAll(async () => {
  devnet = await startDevnetProcess({ blockSeconds: 3600 })
  await devnet.rpc('set_auto_farming', { auto_farm: false })
  await devnet.rpc('farm_block', { address: owner.address, blocks: 2 })
}, 120_000)

afterAll(async () => {
  await devnet?.stop({ removeDir: true })
})

describe('reorgs', () => {
  it('reorg_blocks returns a confirmed store update to the mempool, and it confirms again', async () => {
    const [coin] = await unspentCoins(devnet, owner.puzzleHash)
    const mint = driver.mintStore(Buffer.from(owner.publicKey), [toDriverCoin(coin)], Buffer.from(sha256(utf8ToBytes('r1'))), null, null, null, Buffer.from(owner.puzzleHash), [], 0n)
    expect(await pushTx(devnet, signForDevnet(fromDriver(mint.coinSpends), [owner.secretKey]))).toMatchObject({ status: 'SUCCESS' })
    await devnet.rpc('farm_block', { address: other.address })
    const update = driver.updateStoreMetadata(mint.newStore, Buffer.from(sha256(utf8ToBytes('r2'))), null, null, null, Buffer.from(owner.publicKey))
    const updateBundle = signForDevnet(fromDriver(update.coinSpends), [owner.secretKey])
    expect(await pushTx(devnet, updateBundle)).toMatchObject({ status: 'SUCCESS' })
    const { new_peak_height: h } = await devnet.rpc<{ new_peak_height: number }>('farm_block', { address: other.address })
    const oldId = driver.getCoinId(mint.newStore.coin)
    const newId = driver.getCoinId(update.newStore.coin)
    expect((await record(oldId)).coin_record?.spent_block_index).toBe(h)
    expect((await record(newId)).coin_record?.confirmed_block_index).toBe(h)
    const orphan = await peak()

    const reorg = await devnet.rpc<{ new_peak_height: number }>('reorg_blocks', { num_of_blocks_to_rev: 1, num_of_new_blocks: 2 })
    expect(reorg.new_peak_height).toBe(h + 1)
    expect((await record(oldId)).coin_record?.spent_block_index).toBe(0)
    expect(await record(newId)).toMatchObject({ success: false, structuredError: { code: 'COIN_RECORD_NOT_FOUND' } })
    expect(await mempoolIds()).toEqual([`0x${bytesToHex(spendBundleName(updateBundle))}`])
    const replaced = await devnet.rpc<{ block_record: { header_hash: string } }>('get_block_record_by_height', { height: h })
    expect(replaced.block_record.header_hash).not.toBe(orphan.header_hash)
    expect(await devnet.rpc('get_additions_and_removals', { header_hash: orphan.header_hash })).toMatchObject({ success: false, structuredError: { code: 'BLOCK_IN_FORK' } })

    const again = await devnet.rpc<{ new_peak_height: number }>('farm_block', { address: other.address })
    expect((await record(newId)).coin_record?.confirmed_block_index).toBe(again.new_peak_height)
    expect(await mempoolIds()).toEqual([])
  })

  it('revert_blocks drops a transaction whose ASSERT_BEFORE_HEIGHT can no longer pass', async () => {
    const [coin] = await unspentCoins(devnet, owner.puzzleHash)
    const start = (await peak()).height
    const bundle = signForDevnet(
      [standardSpend(coin, owner, [createCoin(other.puzzleHash, coin.amount), cond(Op.ASSERT_BEFORE_HEIGHT_ABSOLUTE, BigInt(start + 2))])],
      [owner.secretKey],
    )
    expect(await pushTx(devnet, bundle)).toMatchObject({ status: 'SUCCESS' })
    const { new_peak_height: h } = await devnet.rpc<{ new_peak_height: number }>('farm_block', { address: other.address })
    expect((await record(coinId(coin))).coin_record?.spent_block_index).toBe(h)
    // Replace that block by two empty ones: the peak passes the lock, so the bundle cannot come back.
    await devnet.rpc('reorg_blocks', { num_of_blocks_to_rev: 1, num_of_new_blocks: 2 })
    expect((await record(coinId(coin))).coin_record?.spent_block_index).toBe(0)
    expect(await mempoolIds()).toEqual([])
    // revert_blocks on a plain spend puts it back in the mempool.
    const bundle2 = signForDevnet([standardSpend(coin, owner, [createCoin(other.puzzleHash, coin.amount)])], [owner.secretKey])
    await pushTx(devnet, bundle2)
    const { new_peak_height: h2 } = await devnet.rpc<{ new_peak_height: number }>('farm_block', { address: other.address })
    expect((await devnet.rpc<{ new_peak_height: number }>('revert_blocks', { num_of_blocks: 1 })).new_peak_height).toBe(h2 - 1)
    expect(await mempoolIds()).toEqual([`0x${bytesToHex(spendBundleName(bundle2))}`])
    expect((await record(coinId(coin))).coin_record?.spent_block_index).toBe(0)
  })
})

describe('persistence', () => {
  it('keeps blocks, coins and the mempool across a restart', async () => {
    const before = await peak()
    const ids = await mempoolIds()
    expect(ids).toHaveLength(1)
    const coins = await devnet.rpc('get_coin_records_by_puzzle_hashes', { puzzle_hashes: [hex(owner.puzzleHash), hex(other.puzzleHash)], include_spent_coins: true })
    await devnet.stop()
    devnet = await startDevnetProcess({ dir: devnet.dir, blockSeconds: 3600 })
    expect(await peak()).toEqual(before)
    expect(await mempoolIds()).toEqual(ids)
    expect(await devnet.rpc('get_coin_records_by_puzzle_hashes', { puzzle_hashes: [hex(owner.puzzleHash), hex(other.puzzleHash)], include_spent_coins: true })).toEqual(coins)
    expect(await devnet.rpc('get_auto_farming')).toMatchObject({ auto_farm_enabled: false })
    const { new_peak_height: h } = await devnet.rpc<{ new_peak_height: number }>('farm_block', { address: other.address })
    expect(h).toBe(before.height + 1)
    expect(await mempoolIds()).toEqual([])
  }, 120_000)
})
