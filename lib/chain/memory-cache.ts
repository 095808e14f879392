/**
 * In-process LRU cache with per-entry expiry (a `Map` keeps insertion order; a hit re-inserts).
 * Bounded by entry count and by total characters so a few huge replies cannot exhaust memory.
 */
import type { ChainCache } from './chain-cache'

type Entry = { value: string; expiresAt: number }

/**
 * Creates an LRU cache; `now` is injected so tests control expiry.
 *
 * @example
 * const cache = createMemoryCache({ now: Date.now })
 * await cache.set('k', '{"success":true}', 2_000)
 */
export function createMemoryCache({
  maxEntries = 50_000,
  maxChars = 64 * 1024 * 1024,
  now,
}: {
  maxEntries?: number
  maxChars?: number
  now: () => number
}): ChainCache & { size(): number; peek(key: string): string | undefined } {
  const map = new Map<string, Entry>()
  let chars = 0
  let hits = 0
  let misses = 0
  let sets = 0

  const remove = (key: string, e: Entry) => {
    map.delete(key)
    chars -= e.value.length
  }

  /** The unexpired entry of `key` (an expired one is dropped on the way). */
  const live = (key: string): Entry | undefined => {
    const e = map.get(key)
    if (!e) return undefined
    if (e.expiresAt <= now()) {
      remove(key, e)
      return undefined
    }
    return e
  }

  return {
    peek: (key) => live(key)?.value,
    size: () => map.size,
    stats: () => ({ hits, misses, sets }),
    close: async () => map.clear(),
    async get(key) {
      const e = live(key)
      if (!e) {
        misses++
        return undefined
      }
      map.delete(key)
      map.set(key, e)
      hits++
      return e.value
    },
    async set(key, value, ttlMs) {
      if (value.length > maxChars) return
      const old = map.get(key)
      if (old) remove(key, old)
      map.set(key, { value, expiresAt: ttlMs === undefined ? Number.POSITIVE_INFINITY : now() + ttlMs })
      chars += value.length
      sets++
      for (const [k, e] of map) {
        if (map.size <= maxEntries && chars <= maxChars) break
        remove(k, e)
      }
    },
  }
}
