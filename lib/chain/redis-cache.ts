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
    enableOfflineQueue: true,
    connectTimeout: 2_000,
  })
  redis.on('error', onError)
  let hits = 0
  let misses = 0
  let sets = 0
  return {
    stats: () => ({ hits, misses, sets }),
    async get(key) {
      try {
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
