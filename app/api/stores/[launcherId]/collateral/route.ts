import { serverStoreCollateral } from '@/lib/chain/collateral/server-store-collateral'
import { hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { describeStoreIdProblem, normalizeStoreId } from '@/lib/store-id'

import { json, jsonError, storeLoadFailure } from '../store-json-response'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Ctx = { params: Promise<{ launcherId: string }> }

/** `GET /api/stores/<launcherId>/collateral`: the store's collateral coins, totals and requirement. */
export async function GET(_req: Request, ctx: Ctx) {
  const { launcherId } = await ctx.params
  const normalized = normalizeStoreId(launcherId)
  if (!normalized) return jsonError(400, 'INVALID_STORE_ID', describeStoreIdProblem(launcherId))
  try {
    const view = await serverStoreCollateral(hexToBytes32(normalized))
    if (!view) return jsonError(404, 'STORE_NOT_FOUND', `No store with id 0x${normalized} exists.`)
    return json(200, view, { 'cache-control': 'public, max-age=2' })
  } catch (e) {
    return storeLoadFailure(e, 'store collateral', 'INVALID_CHAIN_DATA')
  }
}
