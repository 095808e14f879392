import 'server-only'

import { cache } from 'react'

import { loadStoreView } from '@/lib/chain/load-store-view'
import { serverChain } from '@/lib/chain/server-chain'
import type { StoreView } from '@/lib/chain/store-view'
import { NotAStoreError } from '@/lib/chain/store-sync'
import { hexToBytes32 } from '@/lib/chia/primitives/bytes'

/**
 * The store view behind `/s/<launcherId>`, its metadata, OG image and badge: the same loader and
 * caches as `GET /api/stores/<launcherId>`. `undefined` for an unknown coin or a coin that is not a
 * store (both are a 404). Memoized per request, so the page and `generateMetadata` sync once.
 */
export const getStoreView = cache(async (launcherId: string): Promise<StoreView | undefined> => {
  const chain = serverChain()
  try {
    return await loadStoreView(chain.client, hexToBytes32(launcherId), {
      network: chain.network,
      parser: chain.parser,
      memo: chain.parseMemo,
      viewCache: chain.viewCache,
    })
  } catch (e) {
    if (e instanceof NotAStoreError) return undefined
    throw e
  }
})
