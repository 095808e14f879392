'use client'

/** One store's view (`GET /api/stores/<launcherId>`), refreshed while something is in flight. */
import useSWR from 'swr'

import type { StoreView } from '@/lib/chain/store-view'
import { ApiRequestError, fetchApiJson } from '@/hooks/fetch-api-json'

export class StoreViewRequestError extends ApiRequestError {
  override name = 'StoreViewRequestError' as const
}

const big = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? BigInt(v) : (v as bigint | undefined))

/** JSON numbers that are bigint in the type (sizes, fees, timestamps) become bigint again. */
function normalize(view: StoreView): StoreView {
  return {
    ...view,
    current: {
      ...view.current,
      ...(view.current.bytes !== undefined ? { bytes: big(view.current.bytes) } : {}),
      delegatedPuzzles: view.current.delegatedPuzzles.map((d) => (d.type === 'oracle' ? { ...d, oracleFee: big(d.oracleFee)! } : d)),
    },
    history: view.history.map((h) => ({ ...h, timestamp: big(h.timestamp)!, ...(h.bytes !== undefined ? { bytes: big(h.bytes) } : {}) })),
  }
}

/**
 * Fetches a store view; throws {@link StoreViewRequestError} with the route's code.
 * @example const view = await fetchStoreView('ab12…')
 */
export async function fetchStoreView(launcherId: string): Promise<StoreView> {
  return normalize(await fetchApiJson<StoreView>(`/api/stores/${launcherId}`, StoreViewRequestError, 'The store could not be loaded.'))
}

/**
 * The store view for `launcherId` (hex, no prefix); `refreshMs` polls while an action is in flight.
 * @example const { data: view, mutate } = useStoreView(launcherId, 3000)
 */
export const useStoreView = (launcherId?: string, refreshMs = 0) =>
  useSWR<StoreView, StoreViewRequestError>(launcherId ? ['store-view', launcherId] : null, () => fetchStoreView(launcherId!), {
    refreshInterval: refreshMs,
    // A 404 right after a mint is the chain catching up: retry a few times; a 400 never heals.
    shouldRetryOnError: (e) => !(e instanceof StoreViewRequestError && e.status < 500 && e.status !== 404),
    errorRetryInterval: 2_000,
    errorRetryCount: 6,
  })
