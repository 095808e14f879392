import { serverStoreCollateral } from '@/lib/chain/collateral/server-store-collateral'
import { stringifyLosslessJson } from '@/lib/chain/lossless-json'
import { NotAStoreError } from '@/lib/chain/store-sync'
import { AppError } from '@/lib/chia/errors/app-error'
import { hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { describeStoreIdProblem, normalizeStoreId } from '@/lib/store-id'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Ctx = { params: Promise<{ launcherId: string }> }

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(stringifyLosslessJson(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } })

const error = (status: number, code: string, message: string) => json(status, { error: { code, message } })

/** `GET /api/stores/<launcherId>/collateral`: the store's collateral coins, totals and requirement. */
export async function GET(_req: Request, ctx: Ctx) {
  const { launcherId } = await ctx.params
  const normalized = normalizeStoreId(launcherId)
  if (!normalized) return error(400, 'INVALID_STORE_ID', describeStoreIdProblem(launcherId))
  try {
    const view = await serverStoreCollateral(hexToBytes32(normalized))
    if (!view) return error(404, 'STORE_NOT_FOUND', `No store with id 0x${normalized} exists.`)
    return json(200, view, { 'cache-control': 'public, max-age=2' })
  } catch (e) {
    if (e instanceof NotAStoreError) return error(404, 'NOT_A_STORE', e.shortMessage)
    if (e instanceof AppError && /^(Upstream|NoUpstream)/.test(e.name)) return error(503, 'UPSTREAM_UNAVAILABLE', e.shortMessage)
    console.error('store collateral', e)
    if (e instanceof AppError) return error(502, 'INVALID_CHAIN_DATA', e.shortMessage)
    return error(500, 'INTERNAL', 'Internal error.')
  }
}
