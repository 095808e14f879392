import 'server-only'

/**
 * The process-wide chain services built from `env()`: the upstream pool (FULL_NODE_URLS, mTLS
 * from FULL_NODE_CERT/KEY), the cache (Redis when REDIS_URL is set, else in-memory), the rate
 * limiter, the node proxy, and a `ChainClient` that goes through the same cache. Created once
 * per server process on first use.
 */
import { readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

import { env } from '@/lib/env'
import type { ChiaNetwork } from '@/lib/env-client'

import type { ChainCache } from './chain-cache'
import { createMemoryCache } from './memory-cache'
import { createNodeProxy, type NodeProxy } from './node-proxy'
import { clientKeyFromHeaders, createRateLimiter } from './rate-limiter'
import { createRedisCache } from './redis-cache'
import { createRpcClient, type ChainClient } from './rpc-client'
import { createUpstream } from './upstream'
import { createUpstreamPool, type UpstreamPool } from './upstream-pool'

export type ServerChain = {
  network: ChiaNetwork
  pool: UpstreamPool
  cache: ChainCache
  proxy: NodeProxy
  client: ChainClient
}

/** Per-client budget: a 1,000-generation store verified in the browser needs ~1,000 calls at once. */
export const DEFAULT_RATE_LIMIT = { capacity: 3_000, refillPerSecond: 300 }

let instance: ServerChain | undefined

/**
 * The shared server chain services (lazy singleton).
 *
 * @example
 * const record = await serverChain().client.getCoinRecordByName(launcherId)
 */
export function serverChain(): ServerChain {
  if (instance) return instance
  const e = env()
  const tls = e.fullNodeTls
    ? { cert: readFileSync(e.fullNodeTls.certPath), key: readFileSync(e.fullNodeTls.keyPath) }
    : undefined
  const now = () => Date.now()
  const pool = createUpstreamPool({
    // Client certificates are only presented to https upstreams; coinset ignores them anyway.
    upstreams: e.fullNodeUrls.map((url) => createUpstream({ url, tls: url.startsWith('https:') ? tls : undefined })),
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
  instance = { network: e.network, pool, cache, proxy, client: createRpcClient(proxy.call) }
  return instance
}
