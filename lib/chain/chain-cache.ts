/**
 * The cache interface the proxy and store sync share. Values are serialized RPC replies (lossless
 * JSON text), so a hit is served without re-parsing. `ttlMs` undefined = immutable (kept until
 * evicted). Implementations: `createMemoryCache` (default) and `createRedisCache` (REDIS_URL).
 */
export interface ChainCache {
  get(key: string): Promise<string | undefined>
  set(key: string, value: string, ttlMs?: number): Promise<void>
  /** Counters for health and tests. */
  stats(): { hits: number; misses: number; sets: number }
  close(): Promise<void>
}
