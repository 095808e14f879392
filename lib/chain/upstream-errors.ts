/**
 * Ways an upstream full node (or coinset-compatible API) can fail at the transport level.
 * These count against the upstream's circuit breaker and trigger failover; a `success: false`
 * answer is not one of them (that is an `RpcError`, a valid reply).
 */
import { AppError } from '@/lib/chia/errors/app-error'

export class UpstreamTimeoutError extends AppError {
  override name = 'UpstreamTimeoutError' as const
  constructor({ url, method, timeoutMs }: { url: string; method: string; timeoutMs: number }) {
    super('The full node did not answer in time.', { details: `${method} on ${url} exceeded ${timeoutMs} ms` })
  }
}

export class UpstreamHttpError extends AppError {
  override name = 'UpstreamHttpError' as const
  readonly status: number
  constructor({ url, method, status }: { url: string; method: string; status: number }) {
    super('The full node returned an HTTP error.', { details: `${method} on ${url}: HTTP ${status}` })
    this.status = status
  }
}

export class UpstreamBadResponseError extends AppError {
  override name = 'UpstreamBadResponseError' as const
  constructor({ url, method, reason }: { url: string; method: string; reason: string }) {
    super('The full node sent a response that is not Chia RPC JSON.', { details: `${method} on ${url}: ${reason}` })
  }
}

export class UpstreamConnectionError extends AppError {
  override name = 'UpstreamConnectionError' as const
  constructor({ url, method, cause }: { url: string; method: string; cause: unknown }) {
    super('Could not reach the full node.', {
      details: `${method} on ${url}: ${cause instanceof Error ? cause.message : String(cause)}`,
      cause,
    })
  }
}

export class NoUpstreamAvailableError extends AppError {
  override name = 'NoUpstreamAvailableError' as const
  readonly attempts: string[]
  constructor({ method, attempts }: { method: string; attempts: string[] }) {
    super('No full node is available right now; try again shortly.', {
      details: `${method}: ${attempts.length === 0 ? 'every upstream circuit is open' : attempts.join('; ')}`,
    })
    this.attempts = attempts
  }
}

export type UpstreamFailure =
  | UpstreamTimeoutError
  | UpstreamHttpError
  | UpstreamBadResponseError
  | UpstreamConnectionError

/** True for failures that prove the request never reached the node, so a retry cannot duplicate it. */
export const isUnsentFailure = (e: unknown): boolean =>
  e instanceof UpstreamConnectionError &&
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/.test(e.details ?? '')
