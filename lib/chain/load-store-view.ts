/**
 * Everything `GET /api/stores/<launcherId>` and the verification page need in one call: sync the
 * history, ask the mempool whether the tip has a pending spend, and build the view. A short-lived
 * cache of the finished view makes repeated loads of a popular store cost nothing upstream.
 */
import { bytesToHex, type Bytes32 } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import type { ChiaNetwork } from '@/lib/env-client'

import type { ChainCache } from './chain-cache'
import { stringifyLosslessJson } from './lossless-json'
import type { ChainClient } from './rpc-client'
import { syncStore, type ParseMemo, type StoreSpendParser } from './store-sync'
import { storeViewFromHistory, storeViewFromJson, type StoreView } from './store-view'

export type LoadStoreViewOptions = {
  network: ChiaNetwork
  parser: StoreSpendParser
  memo?: ParseMemo
  concurrency?: number
  /** Cache of finished views (serialized), kept `viewTtlMs`. */
  viewCache?: ChainCache
  viewTtlMs?: number
}

async function buildStoreView(
  client: ChainClient,
  launcherId: Bytes32,
  { network, parser, memo, concurrency }: LoadStoreViewOptions,
): Promise<StoreView | undefined> {
  // The mempool check overlaps the spend fetches instead of adding a round trip after them.
  let pending: Promise<boolean> = Promise.resolve(false)
  const history = await syncStore(client, launcherId, {
    parser,
    memo,
    concurrency,
    onTip: (tip) => {
      if (tip.spentBlockIndex !== 0) return
      pending = client.getMempoolItemsByCoinName(coinId(tip.coin)).then((items) => items.length > 0)
      pending.catch(() => {})
    },
  })
  if (!history) return undefined
  const pendingUpdate = !history.melt && (await pending)
  return storeViewFromHistory(history, { network, pendingUpdate })
}

const viewKey = (network: ChiaNetwork, launcherId: Bytes32) => `view:${network}:${bytesToHex(launcherId)}`

/**
 * Loads the store view of `launcherId`; `undefined` when the chain does not know the launcher.
 * Throws `NotAStoreError` for a coin that is not a store.
 *
 * @example
 * const view = await loadStoreView(serverChain().client, launcherId, { network: 'mainnet', parser })
 */
export async function loadStoreView(
  client: ChainClient,
  launcherId: Bytes32,
  options: LoadStoreViewOptions,
): Promise<StoreView | undefined> {
  const cached = await options.viewCache?.get(viewKey(options.network, launcherId))
  if (cached !== undefined) return storeViewFromJson(cached)
  const view = await buildStoreView(client, launcherId, options)
  if (view) await options.viewCache?.set(viewKey(options.network, launcherId), stringifyLosslessJson(view), options.viewTtlMs ?? 2_000)
  return view
}

/**
 * The same view as serialized JSON (what `GET /api/stores/<launcherId>` sends): a cached view is
 * returned as stored, without parsing and re-serializing a thousand history rows.
 *
 * @example
 * const json = await loadStoreViewJson(client, launcherId, { network: 'devnet', parser, viewCache })
 */
export async function loadStoreViewJson(
  client: ChainClient,
  launcherId: Bytes32,
  options: LoadStoreViewOptions,
): Promise<string | undefined> {
  const key = viewKey(options.network, launcherId)
  const cached = await options.viewCache?.get(key)
  if (cached !== undefined) return cached
  const view = await buildStoreView(client, launcherId, options)
  if (!view) return undefined
  const json = stringifyLosslessJson(view)
  await options.viewCache?.set(key, json, options.viewTtlMs ?? 2_000)
  return json
}
