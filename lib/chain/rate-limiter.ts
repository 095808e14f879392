/**
 * Per-client token buckets: each client may burst `capacity` requests and then
 * `refillPerSecond`. A refused request learns how many whole seconds to wait (`Retry-After`).
 * Bounded memory: the least recently seen clients are forgotten beyond `maxClients`.
 */

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number }

export type RateLimiter = { take(clientKey: string, cost?: number): RateDecision }

/**
 * Creates a limiter; `now` (ms) is injected so tests control time.
 *
 * @example
 * const limiter = createRateLimiter({ capacity: 100, refillPerSecond: 20, now: Date.now })
 * if (!limiter.take(ip).ok) return new Response(null, { status: 429 })
 */
export function createRateLimiter({
  capacity,
  refillPerSecond,
  maxClients = 100_000,
  now,
}: {
  capacity: number
  refillPerSecond: number
  maxClients?: number
  now: () => number
}): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>()
  return {
    take(clientKey, cost = 1) {
      const t = now()
      const b = buckets.get(clientKey) ?? { tokens: capacity, at: t }
      b.tokens = Math.min(capacity, b.tokens + ((t - b.at) / 1000) * refillPerSecond)
      b.at = t
      buckets.delete(clientKey)
      buckets.set(clientKey, b)
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value as string)
      if (b.tokens >= cost) {
        b.tokens -= cost
        return { ok: true }
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - b.tokens) / refillPerSecond)) }
    },
  }
}

/**
 * The client key of a request: the first `x-forwarded-for` hop (set by the load balancer),
 * else `x-real-ip`, else a shared bucket.
 *
 * @example
 * clientKeyFromHeaders(new Headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' })) // '203.0.113.9'
 */
export function clientKeyFromHeaders(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  const key = forwarded || headers.get('x-real-ip')?.trim() || 'unknown'
  return key.slice(0, 64)
}
