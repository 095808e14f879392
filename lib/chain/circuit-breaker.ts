/**
 * A circuit breaker for one upstream: after `failureThreshold` consecutive failures it opens and
 * refuses requests for `openMs`, then half-opens to let exactly one probe through; the probe's
 * outcome closes or re-opens it. The clock is injected so tests control time.
 */

export type BreakerState = 'closed' | 'open' | 'half-open'

export type CircuitBreaker = {
  /** True when a request may be sent now (in half-open state, claims the single probe slot). */
  tryAcquire(): boolean
  onSuccess(): void
  onFailure(): void
  state(): BreakerState
  /** Consecutive failures since the last success. */
  failures(): number
}

/**
 * Creates a breaker in the closed state.
 *
 * @example
 * const breaker = createCircuitBreaker({ now: Date.now })
 * if (breaker.tryAcquire()) send().then(breaker.onSuccess, breaker.onFailure)
 */
export function createCircuitBreaker({
  failureThreshold = 3,
  openMs = 10_000,
  now,
}: {
  failureThreshold?: number
  openMs?: number
  now: () => number
}): CircuitBreaker {
  let consecutive = 0
  let openedAt: number | undefined
  let probing = false

  const state = (): BreakerState => {
    if (openedAt === undefined) return 'closed'
    return now() - openedAt >= openMs ? 'half-open' : 'open'
  }

  return {
    tryAcquire() {
      const s = state()
      if (s === 'closed') return true
      if (s === 'open' || probing) return false
      probing = true
      return true
    },
    onSuccess() {
      consecutive = 0
      openedAt = undefined
      probing = false
    },
    onFailure() {
      consecutive++
      if (probing || consecutive >= failureThreshold) openedAt = now()
      probing = false
    },
    state,
    failures: () => consecutive,
  }
}
