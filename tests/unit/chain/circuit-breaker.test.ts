import { describe, expect, it } from 'vitest'

import { createCircuitBreaker } from '@/lib/chain/circuit-breaker'

describe('circuit breaker', () => {
  it('opens after the threshold of consecutive failures and half-opens after openMs', () => {
    let t = 0
    const b = createCircuitBreaker({ failureThreshold: 3, openMs: 1000, now: () => t })
    b.onFailure()
    b.onFailure()
    expect(b.state()).toBe('closed')
    expect(b.tryAcquire()).toBe(true)
    b.onFailure()
    expect(b.state()).toBe('open')
    expect(b.tryAcquire()).toBe(false)
    t = 999
    expect(b.tryAcquire()).toBe(false)
    t = 1000
    expect(b.state()).toBe('half-open')
    expect(b.tryAcquire()).toBe(true)
    expect(b.tryAcquire()).toBe(false) // only one probe at a time
    b.onSuccess()
    expect(b.state()).toBe('closed')
    expect(b.failures()).toBe(0)
  })

  it('a success resets the failure count', () => {
    const b = createCircuitBreaker({ failureThreshold: 2, now: () => 0 })
    b.onFailure()
    b.onSuccess()
    b.onFailure()
    expect(b.state()).toBe('closed')
  })

  it('a failed probe re-opens for another full period', () => {
    let t = 0
    const b = createCircuitBreaker({ failureThreshold: 1, openMs: 100, now: () => t })
    b.onFailure()
    t = 100
    expect(b.tryAcquire()).toBe(true)
    b.onFailure()
    expect(b.state()).toBe('open')
    t = 199
    expect(b.tryAcquire()).toBe(false)
    t = 200
    expect(b.tryAcquire()).toBe(true)
  })
})
