'use client'

/**
 * A store's collateral (`GET /api/stores/<launcherId>/collateral`), with the locks this tab has
 * sent and the chain has not confirmed yet merged in as Pending coins.
 */
import { useSyncExternalStore } from 'react'
import useSWR from 'swr'

import type { CollateralCoinView, StoreCollateralView } from '@/lib/chain/collateral/store-collateral-view'
import { ApiRequestError, fetchApiJson } from '@/hooks/fetch-api-json'

export class CollateralRequestError extends ApiRequestError {
  override name = 'CollateralRequestError' as const
}

const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(v as number | string))
const maybeBig = (v: unknown): bigint | undefined => (v === undefined || v === null ? undefined : big(v))

/** JSON numbers typed as bigint become bigint again (small ones arrive as numbers). */
function normalize(v: StoreCollateralView): StoreCollateralView {
  const s = v.summary
  return {
    ...v,
    bytes: big(v.bytes),
    policy: {
      rate: big(v.policy.rate),
      unitBytes: big(v.policy.unitBytes),
      ...(v.policy.thresholdBytes !== undefined ? { thresholdBytes: big(v.policy.thresholdBytes), multiplierBps: maybeBig(v.policy.multiplierBps) } : {}),
    },
    summary: {
      ...s,
      locked: big(s.locked),
      lockedDig: big(s.lockedDig),
      lockedVault: big(s.lockedVault),
      lockedByOwner: big(s.lockedByOwner),
      pending: big(s.pending),
      required: big(s.required),
      shortfall: big(s.shortfall),
    },
    lastBlockTimestamp: big(v.lastBlockTimestamp),
    coins: v.coins.map((c) => ({
      ...c,
      amount: big(c.amount),
      ...(c.timestamp !== undefined ? { timestamp: big(c.timestamp) } : {}),
      ...(c.unlockTime !== undefined ? { unlockTime: big(c.unlockTime) } : {}),
      ...(c.lineageProof ? { lineageProof: { ...c.lineageProof, parentAmount: big(c.lineageProof.parentAmount) } } : {}),
    })),
  }
}

/**
 * Fetches a store's collateral; throws {@link CollateralRequestError} with the route's code.
 * @example const view = await fetchStoreCollateral('ab12…')
 */
export async function fetchStoreCollateral(launcherId: string): Promise<StoreCollateralView> {
  return normalize(
    await fetchApiJson<StoreCollateralView>(`/api/stores/${launcherId}/collateral`, CollateralRequestError, 'The collateral could not be loaded.'),
  )
}

// Locks this tab submitted, per store (hex launcher id without 0x), until the chain shows them.
const pendingLocks = new Map<string, CollateralCoinView[]>()
const listeners = new Set<() => void>()
let version = 0
const emit = () => {
  version++
  for (const l of [...listeners]) l()
}
const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => listeners.delete(l)
}
const key = (launcherId: string) => launcherId.replace(/^0x/i, '').toLowerCase()

/** Shows a just-sent lock as Pending until the chain has it. @example addPendingCollateral(id, coin) */
export function addPendingCollateral(launcherId: string, coin: CollateralCoinView) {
  pendingLocks.set(key(launcherId), [...(pendingLocks.get(key(launcherId)) ?? []), coin])
  emit()
}

/** Forgets a pending lock (it failed, or it confirmed). @example removePendingCollateral(id, coinId) */
export function removePendingCollateral(launcherId: string, coinId: string) {
  const list = pendingLocks.get(key(launcherId))
  if (!list) return
  pendingLocks.set(key(launcherId), list.filter((c) => c.coinId !== coinId))
  emit()
}

/**
 * The collateral of `launcherId` (hex), with this tab's pending locks shown first.
 * @example const { data: collateral, mutate } = useStoreCollateral(launcherId)
 */
export function useStoreCollateral(launcherId?: string, refreshMs: number | ((latest?: StoreCollateralView) => number) = 0) {
  useSyncExternalStore(subscribe, () => version, () => 0)
  const swr = useSWR<StoreCollateralView, CollateralRequestError>(launcherId ? ['store-collateral', key(launcherId)] : null, () => fetchStoreCollateral(launcherId!), {
    refreshInterval: refreshMs,
    shouldRetryOnError: (e) => !(e instanceof CollateralRequestError && e.status < 500),
  })
  const data = swr.data
  if (!data || !launcherId) return swr
  const onChain = new Set(data.coins.map((c) => c.coinId))
  const pending = (pendingLocks.get(key(launcherId)) ?? []).filter((c) => !onChain.has(c.coinId))
  if (pending.length === 0) return swr
  const pendingAmount = pending.reduce((t, c) => t + c.amount, 0n)
  return { ...swr, data: { ...data, coins: [...pending, ...data.coins], summary: { ...data.summary, pending: data.summary.pending + pendingAmount } } }
}
