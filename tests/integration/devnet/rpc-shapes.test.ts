/**
 * Full-node RPC shapes of the devnet process: network info, coin record queries with
 * include_spent_coins / start_height / end_height, hints, parents, puzzle and solution, blocks,
 * additions and removals, fee estimate, errors, lossless big integers, and the DIG test CAT
 * (issued by create_dig and then spent as a real CAT2 coin with our CAT builder).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catPuzzleHash } from '@/lib/chia/cat/cat-puzzle'
import { sendCat } from '@/lib/chia/cat/send-cat'
import { programToBytes } from '@/lib/chia/clvm/serialize'
import { standardPuzzle } from '@/lib/chia/keys/standard-puzzle'
import { bytesToHex, hexToBytes, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import { sha256 } from '@/lib/chia/primitives/sha256'
import { type DevnetProcess, startDevnetProcess } from '@/tests/support/devnet-process'
import { createCoin, hex, pushTx, signForDevnet, standardSpend, testKey, unspentCoins } from './helpers'

const owner = testKey('owner')
const other = testKey('spender')

type Rec = { coin: { parent_coin_info: string; puzzle_hash: string; amount: number | bigint }; confirmed_block_index: number; spent_block_index: number; spent: boolean; coinbase: boolean; timestamp: number }

let devnet: DevnetProcess
let spent: Coin
let spendHeight: number
let hintedChild: Coin

beforeAll(async () => {
  devnet = await startDevnetProcess({ blockSeconds: 3600 })
  await devnet.rpc('set_auto_farming', { auto_farm: false })
  expect(await devnet.farmBlocks(owner.address, 3)).toBe(3)
  spent = (await unspentCoins(devnet, owner.puzzleHash)).find((c) => c.amount === 250_000_000_000n)!
  const hint = sha256(utf8ToBytes('a hint'))
  const bundle = signForDevnet(
    [standardSpend(spent, owner, [createCoin(other.puzzleHash, 1000n, [hint]), createCoin(owner.puzzleHash, spent.amount - 1000n)])],
    [owner.secretKey],
  )
  expect(await devnet.pushTx(bundle)).toMatchObject({ success: true, status: 'SUCCESS' })
  // Pushing the same bundle again is SUCCESS (already in the mempool), as on a full node.
  expect(await pushTx(devnet, bundle)).toMatchObject({ success: true, status: 'SUCCESS' })
  spendHeight = (await devnet.rpc<{ new_peak_height: number }>('farm_block', { address: other.address })).new_peak_height
  hintedChild = { parentCoinInfo: coinId(spent), puzzleHash: other.puzzleHash, amount: 1000n }
}, 120_000)

afterAll(async () => {
  await devnet?.stop({ removeDir: true })
})

describe('devnet RPC shapes', () => {
  it('reports its network', async () => {
    const r = await devnet.rpc<Record<string, string>>('get_network_info')
    expect(r).toMatchObject({ success: true, network_name: 'devnet', network_prefix: 'txch' })
    expect(r.genesis_challenge).toBe(hex(sha256(utf8ToBytes('DataLayer Studio devnet'))))
    expect(r.dig_asset_id).toMatch(/^0x[0-9a-f]{64}$/)
  })

  it('reports blockchain state with a peak block record', async () => {
    const r = await devnet.rpc<{ blockchain_state: { peak: Record<string, unknown>; mempool_size: number; sync: { synced: boolean } } }>('get_blockchain_state')
    expect(r.blockchain_state.peak).toMatchObject({ height: spendHeight, is_transaction_block: true })
    expect(r.blockchain_state.peak.header_hash).toMatch(/^0x[0-9a-f]{64}$/)
    expect(r.blockchain_state.sync.synced).toBe(true)
    expect(r.blockchain_state.mempool_size).toBe(0)
  })

  it('honours include_spent_coins, start_height and end_height', async () => {
    const ph = hex(owner.puzzleHash)
    const unspent = await devnet.rpc<{ coin_records: Rec[] }>('get_coin_records_by_puzzle_hash', { puzzle_hash: ph })
    const all = await devnet.rpc<{ coin_records: Rec[] }>('get_coin_records_by_puzzle_hash', { puzzle_hash: ph, include_spent_coins: true })
    expect(all.coin_records.length).toBe(unspent.coin_records.length + 1)
    const spentRec = all.coin_records.find((r) => r.spent)!
    expect(spentRec).toMatchObject({ spent_block_index: spendHeight, coinbase: true })
    const h2 = await devnet.rpc<{ coin_records: Rec[] }>('get_coin_records_by_puzzle_hash', { puzzle_hash: ph, start_height: 2, end_height: 3, include_spent_coins: true })
    expect(h2.coin_records.map((r) => r.confirmed_block_index)).toEqual([2, 2])
    const fromSpend = await devnet.rpc<{ coin_records: Rec[] }>('get_coin_records_by_puzzle_hashes', { puzzle_hashes: [ph, hex(other.puzzleHash)], start_height: spendHeight })
    // The change coin (owner) and the hinted coin (other) were confirmed in the spend block, plus the block's rewards (other).
    expect(fromSpend.coin_records.every((r) => r.confirmed_block_index >= spendHeight)).toBe(true)
    expect(fromSpend.coin_records.length).toBe(4)
  })

  it('finds coins by name, names, hint and parent id', async () => {
    const id = hex(coinId(hintedChild))
    const byName = await devnet.rpc<{ coin_record: Rec }>('get_coin_record_by_name', { name: id })
    expect(byName.coin_record).toMatchObject({ confirmed_block_index: spendHeight, spent: false, coinbase: false, coin: { amount: 1000 } })
    const missing = await devnet.rpc('get_coin_record_by_name', { name: hex(new Uint8Array(32)) })
    expect(missing).toMatchObject({ success: false, structuredError: { code: 'COIN_RECORD_NOT_FOUND' } })
    const byNames = await devnet.rpc<{ coin_records: Rec[] }>('get_coin_records_by_names', { names: [id, hex(coinId(spent))] })
    expect(byNames.coin_records).toHaveLength(1) // the spent one needs include_spent_coins
    const byNamesAll = await devnet.rpc<{ coin_records: Rec[] }>('get_coin_records_by_names', { names: [id, hex(coinId(spent))], include_spent_coins: true })
    expect(byNamesAll.coin_records).toHaveLength(2)
    const byHint = await devnet.rpc<{ coin_records: Rec[] }>('get_coin_records_by_hint', { hint: hex(sha256(utf8ToBytes('a hint'))) })
    expect(byHint.coin_records.map((r) => r.coin.puzzle_hash)).toEqual([hex(other.puzzleHash)])
    const byParent = await devnet.rpc<{ coin_records: Rec[] }>('get_coin_records_by_parent_ids', { parent_ids: [hex(coinId(spent))] })
    expect(byParent.coin_records).toHaveLength(2)
  })

  it('returns the puzzle and solution only at the spent height', async () => {
    const ok = await devnet.rpc<{ coin_solution: { coin: { amount: number }; puzzle_reveal: string; solution: string } }>('get_puzzle_and_solution', {
      coin_id: hex(coinId(spent)),
      height: spendHeight,
    })
    expect(ok.success).toBe(true)
    expect(ok.coin_solution.coin.amount).toBe(250_000_000_000)
    expect(ok.coin_solution.puzzle_reveal).toBe(hex(programToBytes(standardPuzzle(owner.publicKey))))
    const wrong = await devnet.rpc('get_puzzle_and_solution', { coin_id: hex(coinId(spent)), height: spendHeight - 1 })
    expect(wrong).toMatchObject({ success: false, structuredError: { code: 'INVALID_HEIGHT_FOR_COIN' } })
  })

  it('serves block records and additions/removals by header hash', async () => {
    const block = await devnet.rpc<{ block_record: { header_hash: string; prev_hash: string; height: number; timestamp: number } }>('get_block_record_by_height', { height: spendHeight })
    const prev = await devnet.rpc<{ block_record: { header_hash: string; timestamp: number } }>('get_block_record_by_height', { height: spendHeight - 1 })
    expect(block.block_record.prev_hash).toBe(prev.block_record.header_hash)
    expect(block.block_record.timestamp).toBeGreaterThan(prev.block_record.timestamp)
    const ar = await devnet.rpc<{ additions: Rec[]; removals: Rec[] }>('get_additions_and_removals', { header_hash: block.block_record.header_hash })
    expect(ar.removals.map((r) => r.coin.amount)).toEqual([250_000_000_000])
    expect(ar.additions).toHaveLength(4) // two outputs + two rewards
    const beyond = await devnet.rpc('get_block_record_by_height', { height: spendHeight + 100 })
    expect(beyond).toMatchObject({ success: false, structuredError: { code: 'BLOCK_HEIGHT_NOT_FOUND' } })
    const fork = await devnet.rpc('get_additions_and_removals', { header_hash: hex(new Uint8Array(32).fill(1)) })
    expect(fork).toMatchObject({ success: false, structuredError: { code: 'BLOCK_IN_FORK' } })
  })

  it('estimates fees and rejects unknown methods', async () => {
    const est = await devnet.rpc<{ estimates: number[]; peak_height: number }>('get_fee_estimate', { target_times: [60, 120], cost: 1000 })
    expect(est).toMatchObject({ success: true, estimates: [0, 0], peak_height: spendHeight })
    const bad = await devnet.rpc('get_fee_estimate', { target_times: [60] })
    expect(bad).toMatchObject({ success: false, structuredError: { code: 'REQUEST_MUST_CONTAIN_EXACTLY_ONE' } })
    expect(await devnet.rpc('no_such_method')).toMatchObject({ success: false })
    const res = await fetch(`${devnet.url}/get_network_info`, { method: 'POST', body: '{not json' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ success: false })
  })

  it('issues DIG above 2^53 exactly and the coin spends as a real CAT2 coin', async () => {
    const amount = (1n << 63n) + 12345n
    const info = await devnet.rpc<{ dig_asset_id: string }>('get_network_info')
    const r = await devnet.rpc<{ coin: { parent_coin_info: string; puzzle_hash: string; amount: bigint }; asset_id: string; lineage_proof: { parent_name: string; inner_puzzle_hash: string; amount: bigint } }>(
      'create_dig',
      { address: owner.address, amount },
    )
    expect(r.success).toBe(true)
    expect(r.asset_id).toBe(info.dig_asset_id)
    expect(r.coin.amount).toBe(amount)
    const assetId = hexToBytes(r.asset_id)
    expect(r.coin.puzzle_hash).toBe(hex(catPuzzleHash(assetId, owner.puzzleHash)))
    // Raw JSON carries the exact integer as a number, not a string or a rounded double.
    const raw = await (await fetch(`${devnet.url}/get_coin_records_by_hint`, { method: 'POST', body: JSON.stringify({ hint: hex(owner.puzzleHash) }) })).text()
    expect(raw).toContain(`"amount":${amount}`)

    const digCoin: Coin = { parentCoinInfo: hexToBytes(r.coin.parent_coin_info), puzzleHash: hexToBytes(r.coin.puzzle_hash), amount }
    const send = sendCat({
      assetId,
      catCoins: [
        {
          coin: digCoin,
          syntheticPublicKey: owner.publicKey,
          lineageProof: {
            parentParentCoinInfo: hexToBytes(r.lineage_proof.parent_name),
            parentInnerPuzzleHash: hexToBytes(r.lineage_proof.inner_puzzle_hash),
            parentAmount: BigInt(r.lineage_proof.amount),
          },
        },
      ],
      outputs: [{ puzzleHash: other.puzzleHash, amount: 5000n, memos: [other.puzzleHash] }],
      changePuzzleHash: owner.puzzleHash,
    })
    const pushed = await pushTx(devnet, signForDevnet(send.coinSpends, [owner.secretKey]))
    expect(pushed, JSON.stringify(pushed)).toMatchObject({ success: true, status: 'SUCCESS' })
    await devnet.rpc('farm_block', { address: other.address })
    const received = await devnet.rpc<{ coin_records: Rec[] }>('get_coin_records_by_hint', { hint: hex(other.puzzleHash) })
    const dig = received.coin_records.find((c) => c.coin.puzzle_hash === hex(catPuzzleHash(assetId, other.puzzleHash)))
    expect(dig?.coin.amount).toBe(5000)
    const change = await devnet.rpc<{ coin_records: Rec[] }>('get_coin_records_by_puzzle_hash', { puzzle_hash: hex(catPuzzleHash(assetId, owner.puzzleHash)) })
    expect(change.coin_records.map((c) => c.coin.amount)).toEqual([amount - 5000n])
    expect(bytesToHex(coinId(digCoin))).toHaveLength(64)
  })
})
