import { respondWithStoreView } from './respond-with-store-view'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Ctx = { params: Promise<{ launcherId: string }> }

/** `GET /api/stores/<launcherId>`: the store's state and full history as JSON. */
export async function GET(_req: Request, ctx: Ctx) {
  const { launcherId } = await ctx.params
  return respondWithStoreView(launcherId)
}
