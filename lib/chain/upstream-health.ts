import 'server-only'

/**
 * `GET /api/health` data: for each upstream, whether it answers, its peak height and sync flag,
 * whether its genesis challenge matches the configured network, and its breaker state.
 * A devnet upstream must simply not be mainnet or testnet11.
 */
import { bytesToHex, equalBytes, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { MAINNET_GENESIS_CHALLENGE, TESTNET11_GENESIS_CHALLENGE } from '@/lib/chia/primitives/network'
import type { ChiaNetwork } from '@/lib/env-client'

import type { BreakerState } from './circuit-breaker'
import type { UpstreamPool } from './upstream-pool'

export type UpstreamHealth = {
  /** Origin only: paths may hold API keys (e.g. FireAcademy's `/{api_key}/leaflet`). */
  upstream: string
  reachable: boolean
  peakHeight?: number
  synced?: boolean
  genesisChallenge?: string
  genesisMatches?: boolean
  breaker: BreakerState
  latencyMs?: number
  error?: string
}

export type HealthReport = { ok: boolean; network: ChiaNetwork; upstreams: UpstreamHealth[] }

/** Whether `genesis` belongs to `network`. @example genesisMatchesNetwork(MAINNET_GENESIS_CHALLENGE, 'mainnet') // true */
export function genesisMatchesNetwork(genesis: Uint8Array, network: ChiaNetwork): boolean {
  if (network === 'mainnet') return equalBytes(genesis, MAINNET_GENESIS_CHALLENGE)
  if (network === 'testnet11') return equalBytes(genesis, TESTNET11_GENESIS_CHALLENGE)
  return !equalBytes(genesis, MAINNET_GENESIS_CHALLENGE) && !equalBytes(genesis, TESTNET11_GENESIS_CHALLENGE)
}

const origin = (url: string) => {
  try {
    return new URL(url).origin
  } catch {
    return 'invalid url'
  }
}

/**
 * Probes every upstream of the pool in parallel (state + network info).
 *
 * @example
 * const report = await checkUpstreamHealth(serverChain().pool, 'mainnet', Date.now)
 */
export async function checkUpstreamHealth(
  pool: UpstreamPool,
  network: ChiaNetwork,
  now: () => number,
): Promise<HealthReport> {
  const status = pool.status()
  const upstreams = await Promise.all(
    status.map(async (s, i): Promise<UpstreamHealth> => {
      const started = now()
      try {
        const [state, info] = await Promise.all([
          pool.requestFrom(i, 'get_blockchain_state', '{}'),
          pool.requestFrom(i, 'get_network_info', '{}'),
        ])
        const bs = (state.blockchain_state ?? {}) as { peak?: { height?: unknown }; sync?: { synced?: unknown } }
        const genesis = typeof info.genesis_challenge === 'string' ? hexToBytes32(info.genesis_challenge) : undefined
        return {
          upstream: origin(s.url),
          reachable: state.success === true,
          peakHeight: bs.peak?.height === undefined ? undefined : Number(bs.peak.height),
          synced: bs.sync?.synced === true,
          genesisChallenge: genesis ? `0x${bytesToHex(genesis)}` : undefined,
          genesisMatches: genesis ? genesisMatchesNetwork(genesis, network) : false,
          breaker: pool.status()[i].breaker,
          latencyMs: now() - started,
        }
      } catch (e) {
        return {
          upstream: origin(s.url),
          reachable: false,
          breaker: pool.status()[i].breaker,
          error: e instanceof Error && 'shortMessage' in e ? String((e as { shortMessage: unknown }).shortMessage) : 'unreachable',
        }
      }
    }),
  )
  return { ok: upstreams.some((u) => u.reachable && u.genesisMatches === true), network, upstreams }
}

/**
 * A health probe that answers from the last report for `ttlMs` and coalesces concurrent calls, so
 * `GET /api/health` cannot be used to multiply traffic to the full nodes.
 *
 * @example
 * const health = createHealthCheck(pool, 'mainnet', Date.now)
 * const report = await health()
 */
export function createHealthCheck(
  pool: UpstreamPool,
  network: ChiaNetwork,
  now: () => number,
  ttlMs = 2_000,
): () => Promise<HealthReport> {
  let last: { at: number; report: Promise<HealthReport> } | undefined
  return () => {
    if (last && now() - last.at < ttlMs) return last.report
    const report = checkUpstreamHealth(pool, network, now)
    last = { at: now(), report }
    report.catch(() => {
      last = undefined
    })
    return report
  }
}
