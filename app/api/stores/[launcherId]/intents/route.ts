import { intentsDeps } from './intents-deps'
import { handleIntentsGet, handleIntentsPost } from '@/lib/chain/intents/handle-intents-request'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Ctx = { params: Promise<{ launcherId: string }> }

/** `POST /api/stores/<launcherId>/intents`: a tool queues a signed desired state (rootHash, bytes, label?, description?). */
export async function POST(req: Request, ctx: Ctx) {
  return handleIntentsPost(req, (await ctx.params).launcherId, intentsDeps())
}

/** `GET /api/stores/<launcherId>/intents`: the store's queued tool intents and whether each is pending, applied or expired. */
export async function GET(_req: Request, ctx: Ctx) {
  return handleIntentsGet((await ctx.params).launcherId, intentsDeps())
}
