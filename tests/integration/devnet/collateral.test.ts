/**
 * DIG collateral on the devnet process: DIG from create_dig is locked for a store (both collateral
 * puzzle generations) with lib/chia/collateral, found by its hint, and released back to the owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catPuzzleHash } from '@/lib/chia/cat/cat-puzzle'
import { collateralHint } from '@/lib/chia/collateral/collateral-hint'
import type { CollateralGeneration } from '@/lib/chia/collateral/collateral-puzzle'
import { lockCollateral } from '@/lib/chia/collateral/lock-collateral'
import { releaseCollateral } from '@/lib/chia/collateral/release-collateral'
import { hexToBytes, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import type { Coin } from '@/lib/chia/primitives/coin'
import { sha256 } from '@/lib/chia/primitives/sha256'
import type { StandardCatCoin } from '@/lib/chia/cat/standard-cat-coin'
import { type DevnetProcess, startDevnetProcess } from '@/tests/support/devnet-process'
import { hex, pushTx, signForDevnet, testKey } from './helpers'

const owner = testKey('owner')
const other = testKey('spender')

let devnet: DevnetProcess
let assetId: Uint8Array

type Rec = { coin: { parent_coin_info: string; puzzle_hash: string; amount: number }; spent_block_index: number }

async function issue(amount: bigint): Promise<StandardCatCoin> {
  const r = await devnet.rpc<{ coin: { parent_coin_info: string; puzzle_hash: string; amount: number }; lineage_proof: { parent_name: string; inner_puzzle_hash: string; amount: number } }>(
    'create_dig',
    { address: owner.address, amount },
  )
  expect(r.success).toBe(true)
  return {
    coin: { parentCoinInfo: hexToBytes(r.coin.parent_coin_info), puzzleHash: hexToBytes(r.coin.puzzle_hash), amount: BigInt(r.coin.amount) },
    syntheticPublicKey: owner.publicKey,
    lineageProof: {
      parentParentCoinInfo: hexToBytes(r.lineage_proof.parent_name),
      parentInnerPuzzleHash: hexToBytes(r.lineage_proof.inner_puzzle_hash),
      parentAmount: BigInt(r.lineage_proof.amount),
    },
  }
}

beforeAll(async () => {
  devnet = await startDevnetProcess({ blockSeconds: 3600 })
  await devnet.rpc('set_auto_farming', { auto_farm: false })
  assetId = hexToBytes((await devnet.rpc<{ dig_asset_id: string }>('get_network_info')).dig_asset_id)
}, 120_000)

afterAll(async () => {
  await devnet?.stop({ removeDir: true })
})

describe('DIG collateral on the devnet', () => {
  it.each(['rue', 'v1'] as CollateralGeneration[])('locks and releases collateral (%s generation)', async (generation) => {
    const launcherId = sha256(utf8ToBytes(`store for ${generation}`))
    const dig = await issue(10_000n)
    const lock = lockCollateral({ assetId, launcherId, amount: 2500n, catCoins: [dig], generation })
    const locked = await pushTx(devnet, signForDevnet(lock.coinSpends, [owner.secretKey]))
    expect(locked, JSON.stringify(locked)).toMatchObject({ success: true, status: 'SUCCESS' })
    await devnet.rpc('farm_block', { address: other.address })

    const found = await devnet.rpc<{ coin_records: Rec[] }>('get_coin_records_by_hint', { hint: hex(collateralHint(launcherId)) })
    expect(found.coin_records).toHaveLength(1)
    expect(found.coin_records[0].coin).toMatchObject({ amount: 2500, puzzle_hash: hex(lock.collateral.coin.puzzleHash) })
    const change = await devnet.rpc<{ coin_records: Rec[] }>('get_coin_records_by_puzzle_hash', { puzzle_hash: hex(catPuzzleHash(assetId, owner.puzzleHash)) })
    expect(change.coin_records.map((r) => r.coin.amount)).toContain(7500)

    const release = releaseCollateral({ assetId, collateral: lock.collateral, syntheticPublicKey: owner.publicKey })
    const released = await pushTx(devnet, signForDevnet(release.coinSpends, [owner.secretKey]))
    expect(released, JSON.stringify(released)).toMatchObject({ success: true, status: 'SUCCESS' })
    const { new_peak_height: h } = await devnet.rpc<{ new_peak_height: number }>('farm_block', { address: other.address })
    const collateral = await devnet.rpc<{ coin_record: Rec }>('get_coin_record_by_name', { name: hex(coinId(lock.collateral.coin)) })
    expect(collateral.coin_record.spent_block_index).toBe(h)
    const back: Coin = release.returned.coin
    const backRec = await devnet.rpc<{ coin_record: Rec }>('get_coin_record_by_name', { name: hex(coinId(back)) })
    expect(backRec.coin_record).toMatchObject({ spent_block_index: 0, coin: { amount: 2500 } })
  })

  it('refuses a release signed by someone else', async () => {
    const launcherId = sha256(utf8ToBytes('stolen store'))
    const dig = await issue(1000n)
    const lock = lockCollateral({ assetId, launcherId, amount: 1000n, catCoins: [dig] })
    expect(await pushTx(devnet, signForDevnet(lock.coinSpends, [owner.secretKey]))).toMatchObject({ status: 'SUCCESS' })
    await devnet.rpc('farm_block', { address: other.address })
    const release = releaseCollateral({ assetId, collateral: lock.collateral, syntheticPublicKey: owner.publicKey, destinationPuzzleHash: other.puzzleHash })
    const res = await pushTx(devnet, signForDevnet(release.coinSpends, [other.secretKey]))
    expect(res).toMatchObject({ success: false, structuredError: { data: { error: 'BAD_AGGREGATE_SIGNATURE' } } })
  })
})
