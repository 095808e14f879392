import { storeBadgeSvg } from '@/components/store/store-badge-svg'
import { normalizeStoreId } from '@/lib/store-id'

import { getStoreView } from '@/components/store/get-store-view'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Ctx = { params: Promise<{ launcherId: string }> }

const svg = (status: number, body: string, cacheControl: string) =>
  new Response(body, { status, headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': cacheControl, 'x-content-type-options': 'nosniff' } })

/** `GET /api/badge/<launcherId>`: an SVG status badge (label, live/melted, short root) for READMEs and sites. */
export async function GET(_req: Request, ctx: Ctx) {
  const launcherId = normalizeStoreId((await ctx.params).launcherId)
  if (!launcherId) return svg(400, storeBadgeSvg({ status: 'unknown' }), 'public, max-age=3600')
  try {
    const view = await getStoreView(launcherId)
    if (!view) return svg(404, storeBadgeSvg({ status: 'unknown' }), 'public, max-age=60')
    const body = storeBadgeSvg({ label: view.current.label, status: view.status, rootHash: view.current.rootHash })
    // Melted stores never change again; live ones are cached briefly by browsers and CDNs.
    return svg(200, body, view.status === 'melted' ? 'public, max-age=86400, immutable' : 'public, max-age=60, s-maxage=60, stale-while-revalidate=300')
  } catch (e) {
    console.error('badge', e)
    return svg(503, storeBadgeSvg({ status: 'unavailable' }), 'no-store')
  }
}
