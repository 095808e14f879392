import { stringifyLosslessJson } from '@/lib/chain/lossless-json'
import { serverChain } from '@/lib/chain/server-chain'
import { AppError } from '@/lib/chia/errors/app-error'
import { normalizeStoreId } from '@/lib/store-id'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Ctx = { params: Promise<{ storeId: string; coinId: string }> }

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(stringifyLosslessJson(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } })

/**
 * `GET /s/<launcherId>/coin/<coinId>`: the raw full-node coin record of one history coin, as the
 * node returned it (the explorer-style link of the history timeline; works on every network).
 */
export async function GET(_req: Request, ctx: Ctx) {
  const { coinId } = await ctx.params
  const id = normalizeStoreId(coinId)
  if (!id) return json(400, { error: { code: 'INVALID_COIN_ID', message: 'A coin id is 64 hexadecimal characters.' } })
  try {
    const body = await serverChain().proxy.call('get_coin_record_by_name', { name: `0x${id}` })
    return json(200, { coin_id: `0x${id}`, coin_record: body.coin_record ?? null }, { 'cache-control': 'public, max-age=10' })
  } catch (e) {
    if (e instanceof AppError && /not found/i.test(e.message)) return json(404, { error: { code: 'COIN_NOT_FOUND', message: `No coin 0x${id} on this network.` } })
    if (e instanceof AppError) return json(502, { error: { code: 'UPSTREAM_ERROR', message: e.shortMessage } })
    console.error('coin record', e)
    return json(500, { error: { code: 'INTERNAL', message: 'Internal error.' } })
  }
}
