import { describe, expect, it } from 'vitest'

import { clientKeyFromHeaders, createRateLimiter } from '@/lib/chain/rate-limiter'

describe('rate limiter', () => {
  it('allows a burst, then refuses with the seconds to wait, then refills', () => {
    let t = 0
    const l = createRateLimiter({ capacity: 3, refillPerSecond: 0.5, now: () => t })
    expect([l.take('a'), l.take('a'), l.take('a')].every((d) => d.ok)).toBe(true)
    expect(l.take('a')).toEqual({ ok: false, retryAfterSeconds: 2 })
    expect(l.take('b').ok).toBe(true)
    t = 2000
    expect(l.take('a').ok).toBe(true)
    expect(l.take('a').ok).toBe(false)
  })

  it('forgets the least recently seen clients beyond maxClients', () => {
    const l = createRateLimiter({ capacity: 1, refillPerSecond: 0.001, maxClients: 2, now: () => 0 })
    l.take('a')
    l.take('b')
    l.take('c') // evicts a
    expect(l.take('a').ok).toBe(true)
    expect(l.take('c').ok).toBe(false)
  })

  it('keys clients by the first forwarded hop, then x-real-ip', () => {
    expect(clientKeyFromHeaders(new Headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' }))).toBe('203.0.113.9')
    expect(clientKeyFromHeaders(new Headers({ 'x-real-ip': '198.51.100.4' }))).toBe('198.51.100.4')
    expect(clientKeyFromHeaders(new Headers())).toBe('unknown')
  })
})
