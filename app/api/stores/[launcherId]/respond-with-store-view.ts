import { loadStoreViewJson } from '@/lib/chain/load-store-view'
import { stringifyLosslessJson } from '@/lib/chain/lossless-json'
import { serverChain } from '@/lib/chain/server-chain'
import { NotAStoreError } from '@/lib/chain/store-sync'
import { hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { describeStoreIdProblem, normalizeStoreId } from '@/lib/store-id'
import { AppError } from '@/lib/chia/errors/app-error'

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(stringifyLosslessJson(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  })

const error = (status: number, code: string, message: string) => json(status, { error: { code, message } })

/** Maps a store id from the URL to the view JSON, a 400, a 404, or a 502/503 when upstreams fail. */
export async function respondWithStoreView(storeId: string): Promise<Response> {
  const normalized = normalizeStoreId(storeId)
  if (!normalized) return error(400, 'INVALID_STORE_ID', describeStoreIdProblem(storeId))
  const chain = serverChain()
  try {
    const view = await loadStoreViewJson(chain.client, hexToBytes32(normalized), {
      network: chain.network,
      parser: chain.parser,
      memo: chain.parseMemo,
      viewCache: chain.viewCache,
    })
    if (!view) return error(404, 'STORE_NOT_FOUND', `No coin with id 0x${normalized} exists on ${chain.network}.`)
    return new Response(view, {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=2' },
    })
  } catch (e) {
    if (e instanceof NotAStoreError) return error(404, 'NOT_A_STORE', e.shortMessage)
    if (e instanceof AppError && /^(Upstream|NoUpstream)/.test(e.name)) return error(503, 'UPSTREAM_UNAVAILABLE', e.shortMessage)
    if (e instanceof AppError) {
      console.error('store view', e)
      return error(502, 'INVALID_STORE_DATA', e.shortMessage)
    }
    console.error('store view', e)
    return error(500, 'INTERNAL', 'Internal error.')
  }
}
