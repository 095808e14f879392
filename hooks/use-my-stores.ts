'use client'

/**
 * The stores a user works with: the ones this browser remembers (minted here, added by id,
 * opened from a link) plus, for the connected wallet, stores discovered on chain — launchers hinted
 * `sha256("datastore")` (the reference driver's hint) whose current owner or admin/writer is one of
 * the wallet's keys. Discovery reads the most recent launchers only, so it stays cheap on mainnet.
 */
import { useSyncExternalStore } from 'react'
import useSWR from 'swr'

import { browserChainClient } from '@/hooks/use-chain-client'
import { fetchStoreView } from '@/hooks/use-store-view'
import type { WalletKey } from '@/hooks/use-wallet-keys'
import { DATASTORE_LAUNCHER_HINT } from '@/lib/chia/datastore/mint-data-store'
import { bytesToHex } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import type { StoreView } from '@/lib/chain/store-view'

export interface RememberedStore {
  launcherId: string
  label?: string
  addedAt: number
}

const key = (network: string) => `datalayer-studio.stores.${network}`
const listeners = new Set<() => void>()
const cache = new Map<string, { raw: string | null; list: RememberedStore[] }>()

function read(network: string): RememberedStore[] {
  let raw: string | null = null
  try {
    raw = localStorage.getItem(key(network))
  } catch {
    return []
  }
  const hit = cache.get(network)
  if (hit && hit.raw === raw) return hit.list
  let list: RememberedStore[] = []
  try {
    list = raw ? (JSON.parse(raw) as RememberedStore[]) : []
  } catch {
    list = []
  }
  cache.set(network, { raw, list })
  return list
}

/** Adds a store to this browser's list (no-op when already there). @example rememberStore('devnet', launcherId, 'docs') */
export function rememberStore(network: string, launcherId: string, label?: string) {
  const id = launcherId.replace(/^0x/i, '').toLowerCase()
  const list = read(network)
  if (list.some((s) => s.launcherId === id)) return
  localStorage.setItem(key(network), JSON.stringify([...list, { launcherId: id, ...(label ? { label } : {}), addedAt: Date.now() }]))
  for (const l of [...listeners]) l()
}

/** Removes a store from this browser's list. */
export function forgetStore(network: string, launcherId: string) {
  localStorage.setItem(key(network), JSON.stringify(read(network).filter((s) => s.launcherId !== launcherId)))
  for (const l of [...listeners]) l()
}

const EMPTY: RememberedStore[] = []

/** This browser's remembered stores. @example const stores = useRememberedStores('devnet') */
export function useRememberedStores(network: string): RememberedStore[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      window.addEventListener('storage', l)
      return () => {
        listeners.delete(l)
        window.removeEventListener('storage', l)
      }
    },
    () => read(network),
    () => EMPTY,
  )
}

/** How many of the most recent datastore launchers discovery looks at. */
const DISCOVERY_LIMIT = 40

/** The role one of `keys` holds on a store, if any. @example roleOf(view, keys) // 'writer' */
export function roleOf(view: StoreView, keys: readonly WalletKey[] | undefined): 'owner' | 'admin' | 'writer' | undefined {
  if (!keys) return undefined
  const hashes = new Set(keys.map((k) => `0x${k.puzzleHashHex}`))
  if (hashes.has(view.current.ownerPuzzleHash)) return 'owner'
  for (const role of ['admin', 'writer'] as const) {
    if (view.current.delegatedPuzzles.some((d) => d.type === role && hashes.has(d.innerPuzzleHash))) return role
  }
  return undefined
}

/**
 * Stores discovered on chain for the wallet's keys (launcher ids, hex).
 * @example const { data: found } = useDiscoveredStores(keys)
 */
export function useDiscoveredStores(keys: readonly WalletKey[] | undefined) {
  return useSWR(keys && keys.length ? ['discovered-stores', keys.map((k) => k.puzzleHashHex).join(',')] : null, async () => {
    const records = await browserChainClient().getCoinRecordsByHint(DATASTORE_LAUNCHER_HINT, { includeSpentCoins: true })
    // The hinted coin is the launcher (amount 1, created by the minter's lead coin).
    const recent = records.sort((a, b) => b.confirmedBlockIndex - a.confirmedBlockIndex).slice(0, DISCOVERY_LIMIT)
    const found: string[] = []
    await Promise.all(
      recent.map(async (r) => {
        const id = bytesToHex(coinId(r.coin))
        try {
          const view = await fetchStoreView(id)
          if (view.status !== 'melted' && roleOf(view, keys)) found.push(id)
        } catch {
          // Not a store, or not readable right now: skip it.
        }
      }),
    )
    return found
  })
}

/** Tool intents of a store from `GET /api/stores/<id>/intents`. */
export interface ToolIntentView {
  id: string
  rootHash: string
  bytes: string | number
  label?: string
  description?: string
  role: 'owner' | 'admin' | 'writer'
  receivedAt: number
  expiry: number
  status: 'pending' | 'applied' | 'expired'
}

/** The store's queued tool intents. @example const { data } = useToolIntents(launcherId) */
export const useToolIntents = (launcherId?: string) =>
  useSWR<ToolIntentView[]>(launcherId ? ['tool-intents', launcherId] : null, async () => {
    const res = await fetch(`/api/stores/${launcherId}/intents`, { cache: 'no-store' })
    if (!res.ok) return []
    return ((await res.json()) as { intents: ToolIntentView[] }).intents
  })
