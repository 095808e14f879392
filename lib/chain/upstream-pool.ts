import 'server-only'

/**
 * The upstream pool: failover across the configured full nodes / coinset-compatible APIs in
 * order, a per-request timeout, one circuit breaker per upstream, and retry with exponential
 * backoff for idempotent reads. By default a request is sent at most twice, so an upstream
 * failure costs at most one extra request; once a breaker opens, the dead upstream costs nothing.
 * `push_tx` is only re-sent when the first attempt provably never reached a node.
 */
import { createCircuitBreaker, type BreakerState, type CircuitBreaker } from './circuit-breaker'
import { parseLosslessJson } from './lossless-json'
import { isIdempotent, type RpcMethod } from './rpc-methods'
import type { Upstream } from './upstream'
import {
  isUnsentFailure,
  NoUpstreamAvailableError,
  UpstreamBadResponseError,
  UpstreamHttpError,
} from './upstream-errors'

/** A parsed Chia RPC reply: `success` true, or false with the node's error (never a transport failure). */
export type RpcBody = Record<string, unknown> & { success: boolean }

export type UpstreamStatus = { url: string; breaker: BreakerState; consecutiveFailures: number }

export type UpstreamPool = {
  /** Sends `body` (already-serialized params) for `method`; resolves with the first valid reply. */
  request(method: RpcMethod, body: string): Promise<{ body: RpcBody; url: string }>
  /** Sends to one upstream only, bypassing failover (used by health checks); still feeds its breaker. */
  requestFrom(index: number, method: RpcMethod, body: string): Promise<RpcBody>
  status(): UpstreamStatus[]
  readonly size: number
  close(): void
}

export type UpstreamPoolOptions = {
  upstreams: Upstream[]
  timeoutMs?: number
  /** Total sends per request, across upstreams and retries. */
  maxAttempts?: number
  backoffMs?: number
  breaker?: { failureThreshold?: number; openMs?: number }
  now: () => number
  sleep: (ms: number) => Promise<void>
}

const interpret = (url: string, method: string, status: number, text: string): RpcBody => {
  let parsed: unknown
  try {
    parsed = parseLosslessJson(text)
  } catch {
    if (status !== 200) throw new UpstreamHttpError({ url, method, status })
    throw new UpstreamBadResponseError({ url, method, reason: 'body is not JSON' })
  }
  const ok = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
  const success = ok ? (parsed as { success?: unknown }).success : undefined
  // A clean refusal (4xx other than 429, with a Chia error body) is an answer, not an outage.
  if (status !== 200 && !(success === false && status >= 400 && status < 500 && status !== 429)) {
    throw new UpstreamHttpError({ url, method, status })
  }
  if (typeof success !== 'boolean') {
    throw new UpstreamBadResponseError({ url, method, reason: 'no boolean "success" field' })
  }
  return parsed as RpcBody
}

/**
 * Creates a pool over `upstreams` (in failover order).
 *
 * @example
 * const pool = createUpstreamPool({ upstreams: [createUpstream({ url })], now: Date.now, sleep })
 * const { body } = await pool.request('get_blockchain_state', '{}')
 */
export function createUpstreamPool({
  upstreams,
  timeoutMs = 5_000,
  maxAttempts = 2,
  backoffMs = 100,
  breaker = {},
  now,
  sleep,
}: UpstreamPoolOptions): UpstreamPool {
  const breakers: CircuitBreaker[] = upstreams.map(() => createCircuitBreaker({ ...breaker, now }))

  const send = async (i: number, method: RpcMethod, body: string): Promise<RpcBody> => {
    const u = upstreams[i]
    try {
      const { status, text } = await u.post(method, body, timeoutMs)
      const reply = interpret(u.url, method, status, text)
      breakers[i].onSuccess()
      return reply
    } catch (e) {
      breakers[i].onFailure()
      throw e
    }
  }

  return {
    size: upstreams.length,
    close: () => upstreams.forEach((u) => u.close()),
    status: () =>
      upstreams.map((u, i) => ({ url: u.url, breaker: breakers[i].state(), consecutiveFailures: breakers[i].failures() })),
    requestFrom(index, method, body) {
      return send(index, method, body)
    },
    async request(method, body) {
      const retryable = isIdempotent(method)
      const attempts: string[] = []
      let sends = 0
      // Walk the upstreams in order, wrapping around, until the attempt budget is spent.
      for (let round = 0; sends < maxAttempts; round++) {
        let sentThisRound = false
        for (let i = 0; i < upstreams.length && sends < maxAttempts; i++) {
          if (!breakers[i].tryAcquire()) continue
          if (sends > 0 && round > 0) await sleep(backoffMs * 2 ** (sends - 1))
          sends++
          sentThisRound = true
          try {
            return { body: await send(i, method, body), url: upstreams[i].url }
          } catch (e) {
            attempts.push(e instanceof Error ? `${upstreams[i].url}: ${e.name}` : String(e))
            if (!retryable && !isUnsentFailure(e)) throw e
          }
        }
        if (!sentThisRound) break
      }
      throw new NoUpstreamAvailableError({ method, attempts })
    },
  }
}
