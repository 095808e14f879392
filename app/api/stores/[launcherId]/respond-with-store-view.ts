import { loadStoreViewJson } from '@/lib/chain/load-store-view'
import { serverChain } from '@/lib/chain/server-chain'
import { hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { describeStoreIdProblem, normalizeStoreId } from '@/lib/store-id'

import { jsonError, storeLoadFailure } from './store-json-response'

/** Maps a store id from the URL to the view JSON, a 400, a 404, or a 502/503 when upstreams fail. */
export async function respondWithStoreView(storeId: string): Promise<Response> {
  const normalized = normalizeStoreId(storeId)
  if (!normalized) return jsonError(400, 'INVALID_STORE_ID', describeStoreIdProblem(storeId))
  const chain = serverChain()
  try {
    const view = await loadStoreViewJson(chain.client, hexToBytes32(normalized), {
      network: chain.network,
      parser: chain.parser,
      memo: chain.parseMemo,
      viewCache: chain.viewCache,
    })
    if (!view) return jsonError(404, 'STORE_NOT_FOUND', `No coin with id 0x${normalized} exists on ${chain.network}.`)
    return new Response(view, {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=2' },
    })
  } catch (e) {
    return storeLoadFailure(e, 'store view', 'INVALID_STORE_DATA')
  }
}
