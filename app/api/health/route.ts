import { serverChain } from '@/lib/chain/server-chain'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/** `GET /api/health`: each upstream's reachability, peak, network match and breaker state. */
export async function GET() {
  const report = await serverChain().health()
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } })
}
