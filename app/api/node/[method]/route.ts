import { serverChain } from '@/lib/chain/server-chain'

// Client certificates (mTLS to full nodes) and node:https need the Node runtime.
export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Ctx = { params: Promise<{ method: string }> }

/** `POST /api/node/<method>`: the allowlisted, validated, cached full-node RPC proxy. */
export async function POST(req: Request, ctx: Ctx) {
  const { method } = await ctx.params
  return serverChain().proxy.handle(method, req)
}
