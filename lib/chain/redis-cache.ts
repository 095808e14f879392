import 'server-only'

/**
 * The shared cache for several server instances (REDIS_URL), same interface as the in-memory
 * one. Immutable entries get a long expiry rather than none, so Redis's own eviction stays
 * effective; a Redis outage degrades to cache misses instead of failing requests.
 */
import { Redis } from 'ioredis'

import type { ChainCache } from './chain-cache'

/** "Immutable" entries still expire after 30 days so abandoned keys do not live forever. */
const IMMUTABLE_TTL_MS = 30 * 24 * 3600 * 1000

/**
 * Connects to Redis at `url` and namespaces keys with `prefix`.
 *
 * @example
 * const cache = createRedisCache({ url: 'redis://127.0.0.1:6379', prefix: 'dls:mainnet:' })
 */
export function createRedisCache({
  url,
  prefix = 'dls:',
  onError = () => {},
}: {
  url: string
  prefix?: string
  /** Called with Redis errors (the cache then acts as a miss); the server logs them. */
  onError?: (e: unknown) => void
}): ChainCache {
  const redis = new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    // While disconnected, fail fast (a miss) instead of queueing requests behind reconnects.
    enableOfflineQueue: false,
    commandTimeout: 500,
    connectTimeout: 2_000,
  })
  redis.on('error', onError)
  // The first connection is awaited (briefly); after that, an outage means immediate misses.
  let everReady = false
  const firstReady = new Promise<void>((resolve) => {
    redis.once('ready', () => {
      everReady = true
      resolve()
    })
    setTimeout(resolve, 2_000).unref?.()
  })
  const usable = async () => {
    if (redis.status === 'ready') return true
    if (!everReady) await firstReady
    return (redis.status as string) === 'ready'
  }
  let hits = 0
  let misses = 0
  let sets = 0
  return {
    stats: () => ({ hits, misses, sets }),
    async get(key) {
      try {
        if (!(await usable())) {
          misses++
          return undefined
        }
        const v = await redis.get(prefix + key)
        if (v === null) {
          misses++
          return undefined
        }
        hits++
        return v
      } catch (e) {
        onError(e)
        misses++
        return undefined
      }
    },
    async set(key, value, ttlMs) {
      try {
        if (!(await usable())) return
        await redis.set(prefix + key, value, 'PX', Math.max(1, Math.round(ttlMs ?? IMMUTABLE_TTL_MS)))
        sets++
      } catch (e) {
        onError(e)
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
