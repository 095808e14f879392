'use client'

/** DIG locked and required over several stores (the dashboard's totals, PRODUCT.md §4). */
import useSWR from 'swr'

import { fetchStoreCollateral } from '@/hooks/use-collateral'
import { mapWithConcurrency } from '@/lib/chain/map-with-concurrency'

export interface CollateralTotals {
  stores: number
  /** Sum of the stores' sizes the requirement was computed from. */
  bytes: bigint
  locked: bigint
  required: bigint
  shortfall: bigint
  /** Stores whose requirement is not met. */
  storesShort: number
  /** Stores whose collateral could not be read. */
  failed: number
}

/**
 * Loads and sums the collateral of `launcherIds` (hex).
 * @example const totals = await loadCollateralTotals(['ab…', 'cd…'])
 */
export async function loadCollateralTotals(launcherIds: readonly string[]): Promise<CollateralTotals> {
  const results = await mapWithConcurrency(launcherIds, 4, (id) => fetchStoreCollateral(id).then((v) => v, () => undefined))
  const totals: CollateralTotals = { stores: launcherIds.length, bytes: 0n, locked: 0n, required: 0n, shortfall: 0n, storesShort: 0, failed: 0 }
  for (const v of results) {
    if (!v) {
      totals.failed++
      continue
    }
    totals.bytes += v.bytes
    totals.locked += v.summary.locked
    totals.required += v.summary.required
    totals.shortfall += v.summary.shortfall
    if (!v.summary.met) totals.storesShort++
  }
  return totals
}

/**
 * The totals of the given stores; refetched when the list changes.
 * @example const { data: totals } = useCollateralTotals(stores.map((s) => s.launcherId))
 */
export const useCollateralTotals = (launcherIds?: readonly string[]) =>
  useSWR<CollateralTotals>(launcherIds ? ['collateral-totals', ...[...launcherIds].sort()] : null, () => loadCollateralTotals(launcherIds!))
