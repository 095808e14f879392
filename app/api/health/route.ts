import { serverChain } from '@/lib/chain/server-chain'
import { checkUpstreamHealth } from '@/lib/chain/upstream-health'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/** `GET /api/health`: each upstream's reachability, peak, network match and breaker state. */
export async function GET() {
  const chain = serverChain()
  const report = await checkUpstreamHealth(chain.pool, chain.network, Date.now)
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } })
}
