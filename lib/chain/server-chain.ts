import 'server-only'

/**
 * The process-wide chain services built from `env()`: the upstream pool (FULL_NODE_URLS, mTLS
 * from FULL_NODE_CERT/KEY), the cache (Redis when REDIS_URL is set, else in-memory), the rate
 * limiter, the node proxy, and a `ChainClient` that goes through the same cache. Created once
 * per server process on first use.
 */
import { readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { env } from '@/lib/env'
import type { ChiaNetwork } from '@/lib/env-client'

import type { ChainCache } from './chain-cache'
import { createMemoryCache } from './memory-cache'
import { createNodeProxy, type NodeProxy } from './node-proxy'
import { clientKeyFromHeaders, createRateLimiter } from './rate-limiter'
import { createRedisCache } from './redis-cache'
import { createRpcClient, type ChainClient } from './rpc-client'
import { createStoreSpendParser } from './store-spend-parser'
import { createSharedParseMemo } from './shared-parse-memo'
import type { ParseMemo, StoreSpendParser } from './store-sync'
import { createUpstream } from './upstream'
import { createHealthCheck, type HealthReport } from './upstream-health'
import { createUpstreamPool, type UpstreamPool } from './upstream-pool'

export type ServerChain = {
  network: ChiaNetwork
  pool: UpstreamPool
  cache: ChainCache
  proxy: NodeProxy
  client: ChainClient
  /** Store history parser on clvm_rs, and its per-coin memo (spends never change). */
  parser: StoreSpendParser
  parseMemo: ParseMemo
  /** Short-lived cache of finished store views (per instance). */
  viewCache: ChainCache
  /** Upstream health, cached for 2 s (GET /api/health). */
  health: () => Promise<HealthReport>
}

/** Parsed spends kept in memory; the memo is cleared when it grows past this. */
const MAX_MEMO_ENTRIES = 200_000

/** Per-client budget: a 1,000-generation store verified in the browser needs ~1,000 calls at once. */
export const DEFAULT_RATE_LIMIT = { capacity: 3_000, refillPerSecond: 300 }

// On globalThis, not a module variable: Next.js bundles route handlers and pages separately in a
// production build, so `/api/stores` and `app/s/[storeId]` would otherwise each build their own
// pool, caches and parse memo (and parse every history twice).
const INSTANCE = Symbol.for('datalayer-studio.serverChain')
type WithInstance = typeof globalThis & { [INSTANCE]?: ServerChain }

/**
 * Whether an upstream URL is a Chia full node's RPC port (mTLS) rather than a public
 * coinset-compatible API: https with an explicit port (`https://host:8555`). Public APIs on the
 * default port keep normal certificate verification and never see the client certificate.
 *
 * @example
 * usesNodeTls('https://10.0.0.5:8555') // true
 * usesNodeTls('https://api.coinset.org') // false
 */
export function usesNodeTls(url: string): boolean {
  const u = new URL(url)
  return u.protocol === 'https:' && u.port !== ''
}

/**
 * The shared server chain services (lazy singleton).
 *
 * @example
 * const record = await serverChain().client.getCoinRecordByName(launcherId)
 */
export function serverChain(): ServerChain {
  const holder = globalThis as WithInstance
  const existing = holder[INSTANCE]
  if (existing) return existing
  const e = env()
  const tls = e.fullNodeTls
    ? { cert: readFileSync(e.fullNodeTls.certPath), key: readFileSync(e.fullNodeTls.keyPath) }
    : undefined
  const now = () => Date.now()
  const pool = createUpstreamPool({
    upstreams: e.fullNodeUrls.map((url) => createUpstream({ url, tls: usesNodeTls(url) ? tls : undefined })),
    now,
    sleep: (ms) => sleep(ms),
  })
  const log = (message: string, error: unknown) => console.error(message, error)
  const cache = e.redisUrl
    ? createRedisCache({ url: e.redisUrl, prefix: `dls:${e.network}:`, onError: (err) => log('redis cache', err) })
    : createMemoryCache({ now })
  const proxy = createNodeProxy({
    pool,
    cache,
    limiter: createRateLimiter({ ...DEFAULT_RATE_LIMIT, now }),
    clientKey: (req) => clientKeyFromHeaders(req.headers),
    now,
    log,
  })
  const instance: ServerChain = {
    network: e.network,
    pool,
    cache,
    proxy,
    client: createRpcClient(proxy.call),
    parser: createStoreSpendParser(createClvmRsRunner()),
    // Backed by the shared cache, so instances behind one Redis share parsed history.
    parseMemo: createSharedParseMemo(cache, { maxEntries: MAX_MEMO_ENTRIES }),
    viewCache: createMemoryCache({ now, maxEntries: 5_000 }),
    health: createHealthCheck(pool, e.network, now),
  }
  holder[INSTANCE] = instance
  return instance
}
