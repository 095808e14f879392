/**
 * Finds and validates a store's collateral (dig-collateral.md §3): every coin hinted with
 * `collateralHint(launcherId)` — DIG-format coins and time-locked vaults share the hint — is
 * checked against its parent's spend by lib/chia's `readCollateral` (parent coin id, reveal hash,
 * CAT2 of the DIG asset, output selected by coin id, first memo = hint). The candidate count is
 * bounded because anyone can add dust under any hint: unspent coins first, largest first.
 * Node errors are thrown (a page must tell "source error" from "no collateral"); coins that fail
 * validation are returned with `counted: false` and the reason.
 */
import { collateralHint } from '@/lib/chia/collateral/collateral-hint'
import { type CollateralReading, readCollateral } from '@/lib/chia/collateral/read-collateral'
import type { ClvmRunner } from '@/lib/chia/clvm/runner'
import { type Bytes32, bytesToHex } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import type { CoinRecord } from '@/lib/chia/primitives/coin-spend'

import { mapWithConcurrency } from '../map-with-concurrency'
import type { ChainClient } from '../rpc-client'
import { type CollateralLifecycle, collateralLifecycle } from './collateral-lifecycle'
import { loadLastBlockTimestamp } from './last-block-timestamp'

/** Why a coin is not counted: lib/chia's reasons, or the node does not know the parent. */
export type StoreCollateralRejection = NonNullable<CollateralReading['reason']> | 'parentUnavailable'

/** One collateral coin with its place in the lifecycle. */
export interface StoreCollateralCoin extends Omit<CollateralReading, 'reason'> {
  reason?: StoreCollateralRejection
  lifecycle: CollateralLifecycle
  /** Undefined while pending. */
  confirmedHeight?: number
  spentHeight?: number
  /** Unix seconds of the block that created the coin. */
  timestamp?: bigint
  /** A spend of this coin (a release) waits in the mempool. */
  releasing: boolean
}

export interface StoreCollateral {
  launcherId: Bytes32
  hint: Bytes32
  assetId: Bytes32
  coins: StoreCollateralCoin[]
  /** Timestamp of the latest transaction block (what time locks are checked against). */
  lastBlockTimestamp: bigint
  peakHeight: number
  /** How many coins the hint query returned. */
  candidateCount: number
  /** True when more candidates existed than were validated. */
  truncated: boolean
}

export interface LoadStoreCollateralOptions {
  assetId: Bytes32
  runner: ClvmRunner
  /** At most this many coins are validated (default 100). */
  maxCandidates?: number
  /** Also list released (spent) collateral; default true. */
  includeReleased?: boolean
  /** Lower bound of the hint query (mainnet: DIG_MIN_HEIGHT). */
  startHeight?: number
  concurrency?: number
}

const byPriority = (a: CoinRecord, b: CoinRecord): number => {
  const aSpent = a.spentBlockIndex > 0 ? 1 : 0
  const bSpent = b.spentBlockIndex > 0 ? 1 : 0
  if (aSpent !== bSpent) return aSpent - bSpent
  if (a.coin.amount !== b.coin.amount) return a.coin.amount > b.coin.amount ? -1 : 1
  return b.confirmedBlockIndex - a.confirmedBlockIndex
}

/**
 * Loads and validates the collateral coins of a store.
 *
 * @example
 * const collateral = await loadStoreCollateral(client, launcherId, { assetId, runner: createTsRunner() })
 * collateral.coins.filter((c) => c.counted && c.lifecycle !== 'released')
 */
export async function loadStoreCollateral(
  client: ChainClient,
  launcherId: Bytes32,
  { assetId, runner, maxCandidates = 100, includeReleased = true, startHeight, concurrency = 8 }: LoadStoreCollateralOptions,
): Promise<StoreCollateral> {
  const hint = collateralHint(launcherId)
  const [found, clock] = await Promise.all([
    client.getCoinRecordsByHint(hint, { includeSpentCoins: includeReleased, ...(startHeight === undefined ? {} : { startHeight }) }),
    loadLastBlockTimestamp(client),
  ])
  const candidates = [...found].sort(byPriority).slice(0, Math.max(0, maxCandidates))

  const parentIds = [...new Map(candidates.map((r) => [bytesToHex(r.coin.parentCoinInfo), r.coin.parentCoinInfo])).values()]
  const parentRecords = parentIds.length === 0 ? [] : await client.getCoinRecordsByNames(parentIds, { includeSpentCoins: true })
  const parents = new Map(parentRecords.map((r) => [bytesToHex(coinId(r.coin)), r]))

  const coins = await mapWithConcurrency(candidates, concurrency, async (record): Promise<StoreCollateralCoin> => {
    const id = coinId(record.coin)
    const placed = {
      confirmedHeight: record.confirmedBlockIndex,
      ...(record.spentBlockIndex > 0 ? { spentHeight: record.spentBlockIndex } : {}),
      timestamp: record.timestamp,
    }
    const parent = parents.get(bytesToHex(record.coin.parentCoinInfo))
    let reading: Omit<CollateralReading, 'reason'> & { reason?: StoreCollateralRejection }
    if (!parent || parent.spentBlockIndex === 0) {
      reading = {
        coin: record.coin,
        coinId: id,
        kind: 'unknown',
        amount: record.coin.amount,
        counted: false,
        reason: 'parentUnavailable',
        details: parent ? 'the parent coin is not spent' : 'the node does not know the parent coin',
      }
    } else {
      const parentSpend = await client.getPuzzleAndSolution(record.coin.parentCoinInfo, parent.spentBlockIndex)
      // The node returns the spend of the coin it was asked for; bind it to the parent record anyway.
      reading = readCollateral({ coin: record.coin, parentSpend: { ...parentSpend, coin: parent.coin }, assetId, launcherId, runner })
    }
    const spent = record.spentBlockIndex > 0
    const lifecycle = collateralLifecycle({
      kind: reading.kind,
      unlockTime: reading.unlockTime,
      confirmed: true,
      spent,
      lastBlockTimestamp: clock.timestamp,
    })
    const releasing = !spent && reading.counted ? (await client.getMempoolItemsByCoinName(id)).length > 0 : false
    return { ...reading, ...placed, lifecycle, releasing }
  })

  return {
    launcherId,
    hint,
    assetId,
    coins,
    lastBlockTimestamp: clock.timestamp,
    peakHeight: clock.peakHeight,
    candidateCount: found.length,
    truncated: found.length > candidates.length,
  }
}
