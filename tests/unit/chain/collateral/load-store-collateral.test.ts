/**
 * `loadStoreCollateral` against a scripted node: which calls it makes, the bound on candidates,
 * coins whose parent the node does not know, and the last transaction block's timestamp when the
 * peak is not a transaction block. (Real coins and spends are covered on the devnet in
 * tests/integration/collateral.)
 */
import { describe, expect, it } from 'vitest'

import { loadStoreCollateral } from '@/lib/chain/collateral/load-store-collateral'
import type { BlockRecord, ChainClient } from '@/lib/chain/rpc-client'
import { collateralHint } from '@/lib/chia/collateral/collateral-hint'
import { collateralPuzzleHash } from '@/lib/chia/collateral/collateral-puzzle'
import { DIG_MAINNET_ASSET_ID as assetId } from '@/lib/chia/collateral/dig-asset-id'
import { type Bytes32, bytesToHex, equalBytes, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import type { CoinRecord } from '@/lib/chia/primitives/coin-spend'
import { createTsRunner } from '@/lib/chia/clvm/run-program'

const launcherId = hexToBytes32('ab'.repeat(32))
const ph = collateralPuzzleHash(assetId, 'rue')
const record = (amount: bigint, salt: string, spent = 0): CoinRecord => ({
  coin: { parentCoinInfo: hexToBytes32(salt.repeat(32)), puzzleHash: ph, amount },
  confirmedBlockIndex: 5,
  spentBlockIndex: spent,
  coinbase: false,
  timestamp: 1_000n,
})
const block = (height: number, timestamp?: bigint, prevTransactionBlockHeight = height): BlockRecord => ({
  headerHash: hexToBytes32('00'.repeat(32)),
  prevHash: hexToBytes32('00'.repeat(32)),
  height,
  weight: 0n,
  timestamp,
  isTransactionBlock: timestamp !== undefined,
  prevTransactionBlockHeight,
})

function fakeClient(records: CoinRecord[], peak: BlockRecord, blocks: Record<number, BlockRecord> = {}) {
  const calls: string[] = []
  const unexpected = (name: string) => () => {
    throw new Error(`unexpected ${name}`)
  }
  const client = {
    getBlockchainState: async () => {
      calls.push('state')
      return { peak, synced: true, syncMode: false, space: 0n, difficulty: 0n, mempoolSize: 0, mempoolMinFee5m: 0n, averageBlockTime: 0 }
    },
    getBlockRecordByHeight: async (h: number) => {
      calls.push(`block ${h}`)
      return blocks[h]
    },
    getCoinRecordsByHint: async (hint: Bytes32) => {
      calls.push('hint')
      expect(equalBytes(hint, collateralHint(launcherId))).toBe(true)
      return records
    },
    getCoinRecordsByNames: async (ids: Bytes32[]) => {
      calls.push(`names ${ids.length}`)
      return []
    },
    getPuzzleAndSolution: unexpected('getPuzzleAndSolution'),
    getMempoolItemsByCoinName: unexpected('getMempoolItemsByCoinName'),
  } as unknown as ChainClient
  return { client, calls }
}

describe('loadStoreCollateral', () => {
  it('returns nothing (not an error) for a store without collateral', async () => {
    const { client } = fakeClient([], block(7, 2_000n))
    const c = await loadStoreCollateral(client, launcherId, { assetId, runner: createTsRunner() })
    expect(c).toMatchObject({ coins: [], candidateCount: 0, truncated: false, lastBlockTimestamp: 2_000n, peakHeight: 7 })
  })

  it('bounds the candidates (unspent, largest first) and lists coins with an unknown parent as not counted', async () => {
    const records = [record(5n, '01'), record(900n, '02', 6), record(300n, '03'), record(50n, '04')]
    const { client, calls } = fakeClient(records, block(7, 2_000n))
    const c = await loadStoreCollateral(client, launcherId, { assetId, runner: createTsRunner(), maxCandidates: 2 })
    expect(c).toMatchObject({ candidateCount: 4, truncated: true })
    expect(c.coins.map((x) => x.amount)).toEqual([300n, 50n])
    expect(c.coins.every((x) => !x.counted && x.reason === 'parentUnavailable' && x.lifecycle === 'active')).toBe(true)
    expect(calls).toContain('names 2')
  })

  it('marks spent candidates released', async () => {
    const { client } = fakeClient([record(900n, '02', 6)], block(7, 2_000n))
    const [coin] = (await loadStoreCollateral(client, launcherId, { assetId, runner: createTsRunner() })).coins
    expect(coin).toMatchObject({ lifecycle: 'released', spentHeight: 6, releasing: false })
    expect(bytesToHex(coin.coin.puzzleHash)).toBe(bytesToHex(ph))
  })

  it('takes the time from the last transaction block when the peak has none', async () => {
    const { client, calls } = fakeClient([], block(9, undefined, 8), { 8: block(8, 3_000n) })
    const c = await loadStoreCollateral(client, launcherId, { assetId, runner: createTsRunner() })
    expect(c.lastBlockTimestamp).toBe(3_000n)
    expect(calls).toContain('block 8')
  })
})

