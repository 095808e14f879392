import { describe, expect, it } from 'vitest'

import { createMemoryCache } from '@/lib/chain/memory-cache'

describe('memory cache', () => {
  it('expires entries with a TTL and keeps immutable ones', async () => {
    let t = 0
    const c = createMemoryCache({ now: () => t })
    await c.set('tip', 'a', 100)
    await c.set('deep', 'b')
    expect(await c.get('tip')).toBe('a')
    t = 100
    expect(await c.get('tip')).toBeUndefined()
    t = 10 ** 12
    expect(await c.get('deep')).toBe('b')
    expect(c.stats()).toEqual({ hits: 2, misses: 1, sets: 2 })
  })

  it('evicts the least recently used entry when full', async () => {
    const c = createMemoryCache({ maxEntries: 2, now: () => 0 })
    await c.set('a', '1')
    await c.set('b', '2')
    await c.get('a')
    await c.set('c', '3')
    expect(await c.get('b')).toBeUndefined()
    expect(await c.get('a')).toBe('1')
    expect(await c.get('c')).toBe('3')
  })

  it('bounds total size in characters', async () => {
    const c = createMemoryCache({ maxChars: 10, now: () => 0 })
    await c.set('a', '12345')
    await c.set('b', '123456')
    expect(c.size()).toBe(1)
    await c.set('huge', 'x'.repeat(11))
    expect(await c.get('huge')).toBeUndefined()
  })
})
