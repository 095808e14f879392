import 'server-only'

/**
 * The full-node proxy behind `POST /api/node/<method>` and the server's own `ChainClient`:
 * rate limit → allowlist → body limit → lossless parse → per-method validation → cache →
 * single-flight → upstream pool. Replies keep Chia's RPC shape; `success: false` keeps only
 * `error` and `structuredError` (never the traceback). Malformed requests are always 4xx.
 */
import { AppError } from '@/lib/chia/errors/app-error'

import { cacheTtlFor, mayBecomeImmutable } from './cache-policy'
import type { ChainCache } from './chain-cache'
import { InvalidJsonError, parseLosslessJson, stringifyLosslessJson } from './lossless-json'
import type { RateLimiter } from './rate-limiter'
import type { RpcCall } from './rpc-client'
import { rpcErrorFromBody } from './rpc-error'
import { InvalidRpcParamsError, parseRpcParams, UnknownRpcMethodError, type RpcMethod } from './rpc-methods'
import { NoUpstreamAvailableError, UpstreamTimeoutError } from './upstream-errors'
import type { RpcBody, UpstreamPool } from './upstream-pool'

export class RequestTooLargeError extends AppError {
  override name = 'RequestTooLargeError' as const
  constructor({ limit }: { limit: number }) {
    super(`The request body is larger than ${limit} bytes.`)
  }
}

export type ProxyReply = { status: number; text: string; headers: Record<string, string> }

export type NodeProxy = {
  /** Answers one HTTP request for `method` (the route's whole job). */
  handle(method: string, request: Request): Promise<Response>
  /** Cached RPC for server code: same validation, cache and pool as the route. */
  call: RpcCall
  /** The latest peak height seen (refreshed through the cache at most every `tipTtlMs`). */
  peakHeight(): Promise<number | undefined>
}

export type NodeProxyOptions = {
  pool: UpstreamPool
  cache: ChainCache
  limiter?: RateLimiter
  clientKey?: (request: Request) => string
  now: () => number
  reorgDepth?: number
  tipTtlMs?: number
  maxBodyBytes?: number
  /** Unexpected errors are logged here and answered with a generic 500. */
  log?: (message: string, error: unknown) => void
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' }

const failure = (status: number, error: string, code: string, extra: Record<string, string> = {}): ProxyReply => ({
  status,
  text: stringifyLosslessJson({ success: false, error, structuredError: { code, message: error } }),
  headers: { ...JSON_HEADERS, ...extra },
})

/** Reads at most `limit` bytes of the body; larger bodies are refused without buffering them. */
async function readBody(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > limit) throw new RequestTooLargeError({ limit })
  if (!request.body) return ''
  // HTTP framing guarantees a body no longer than its declared length: read it in one go.
  if (request.headers.has('content-length')) return request.text()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw new RequestTooLargeError({ limit })
    }
    chunks.push(value)
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks))
}

/** Keeps only the parts of a `success: false` reply that are safe and useful to show. */
const sanitizeFailure = (method: string, body: Record<string, unknown>) => {
  const e = rpcErrorFromBody(method, body)
  return {
    success: false,
    error: e.upstreamMessage,
    ...(e.code
      ? { structuredError: { code: e.code, message: e.structuredMessage ?? e.upstreamMessage, ...(e.data ? { data: e.data } : {}) } }
      : {}),
  }
}

/**
 * Creates the proxy over an upstream pool and a cache.
 *
 * @example
 * const proxy = createNodeProxy({ pool, cache: createMemoryCache({ now: Date.now }), now: Date.now })
 * export const POST = (req: Request, ctx: Ctx) => ctx.params.then(({ method }) => proxy.handle(method, req))
 */
export function createNodeProxy({
  pool,
  cache,
  limiter,
  clientKey = () => 'unknown',
  now,
  reorgDepth = 32,
  tipTtlMs = 2_000,
  maxBodyBytes = 1024 * 1024,
  log = () => {},
}: NodeProxyOptions): NodeProxy {
  type Executed = { text: string; cached: boolean; key: string; body?: Record<string, unknown> }
  const inflight = new Map<string, Promise<Executed>>()
  // Raw request text → canonical cache key, for bodies that already validated once: a repeated
  // request skips JSON parsing and validation (the hot path of the cached-read load).
  const rawAliases = new Map<string, string>()
  const MAX_ALIASES = 20_000
  const MAX_ALIASED_BODY = 4_096
  let peak: { height: number; at: number } | undefined

  const notePeak = (body: RpcBody) => {
    const h = (body.blockchain_state as { peak?: { height?: unknown } } | undefined)?.peak?.height
    if (typeof h === 'number' || typeof h === 'bigint') peak = { height: Number(h), at: now() }
  }

  /** Cached, coalesced execution of already-validated params; returns the reply text. */
  const execute = async (method: RpcMethod, params: Record<string, unknown>): Promise<Executed> => {
    const paramsText = stringifyLosslessJson(params)
    const key = `rpc:${method}:${paramsText}`
    const hit = method === 'push_tx' ? undefined : await cache.get(key)
    if (hit !== undefined) return { text: hit, cached: true, key }
    const running = inflight.get(key)
    if (running) return running
    const work = (async () => {
      const { body } = await pool.request(method, paramsText)
      if (method === 'get_blockchain_state' && body.success === true) notePeak(body)
      if (body.success !== true) return { text: stringifyLosslessJson(sanitizeFailure(method, body)), cached: false, key }
      const text = stringifyLosslessJson(body)
      const peakHeight = mayBecomeImmutable(method, params, body) ? await currentPeak() : peak?.height
      const ttl = cacheTtlFor(method, params, body, { peakHeight, reorgDepth, tipTtlMs })
      if (ttl !== 0) await cache.set(key, text, ttl)
      return { text, cached: false, key, body }
    })()
    if (method !== 'push_tx') {
      inflight.set(key, work)
      work.then(
        () => inflight.delete(key),
        () => inflight.delete(key),
      )
    }
    return work
  }

  const currentPeak = async (): Promise<number | undefined> => {
    if (peak && now() - peak.at < tipTtlMs) return peak.height
    try {
      const { text, body } = await execute('get_blockchain_state', {})
      // A fetched reply has already been noted by `execute`; a cached one is read here.
      if (!body) notePeak(parseLosslessJson(text) as RpcBody)
    } catch {
      // Without a peak nothing is treated as deep: correctness over cache hits.
    }
    return peak?.height
  }

  const reply = async (method: string, request: Request): Promise<ProxyReply> => {
    if (limiter) {
      const decision = limiter.take(clientKey(request))
      if (!decision.ok) {
        return failure(429, `Too many requests; retry in ${decision.retryAfterSeconds} s.`, 'RATE_LIMITED', {
          'retry-after': String(decision.retryAfterSeconds),
        })
      }
    }
    try {
      if (!/^[a-z_]{1,64}$/.test(method)) throw new UnknownRpcMethodError({ method })
      const raw = await readBody(request, maxBodyBytes)
      const rawKey = raw.length <= MAX_ALIASED_BODY && method !== 'push_tx' ? `${method}\n${raw}` : undefined
      const aliased = rawKey === undefined ? undefined : rawAliases.get(rawKey)
      if (aliased !== undefined) {
        const hit = await cache.get(aliased)
        if (hit !== undefined) return { status: 200, text: hit, headers: { ...JSON_HEADERS, 'x-cache': 'hit' } }
      }
      const params = parseRpcParams(method, raw.trim() === '' ? {} : parseLosslessJson(raw))
      const { text, cached, key } = await execute(method as RpcMethod, params)
      if (rawKey !== undefined) {
        if (rawAliases.size >= MAX_ALIASES) rawAliases.clear()
        rawAliases.set(rawKey, key)
      }
      return { status: 200, text, headers: { ...JSON_HEADERS, 'x-cache': cached ? 'hit' : 'miss' } }
    } catch (e) {
      if (e instanceof UnknownRpcMethodError) return failure(404, e.shortMessage, 'UNKNOWN_METHOD')
      if (e instanceof RequestTooLargeError) return failure(413, e.shortMessage, 'BODY_TOO_LARGE')
      if (e instanceof InvalidJsonError) return failure(400, `${e.shortMessage} ${e.details ?? ''}`.trim(), 'INVALID_JSON')
      if (e instanceof InvalidRpcParamsError) return failure(400, e.shortMessage, 'INVALID_PARAMS')
      if (e instanceof NoUpstreamAvailableError) return failure(503, e.shortMessage, 'UPSTREAM_UNAVAILABLE', { 'retry-after': '5' })
      if (e instanceof UpstreamTimeoutError) return failure(504, e.shortMessage, 'UPSTREAM_TIMEOUT')
      if (e instanceof AppError && e.name.startsWith('Upstream')) return failure(502, e.shortMessage, 'UPSTREAM_ERROR')
      log(`node proxy: ${method} failed`, e)
      return failure(500, 'Internal error.', 'INTERNAL')
    }
  }

  return {
    peakHeight: currentPeak,
    async handle(method, request) {
      const r = await reply(method, request)
      return new Response(r.text, { status: r.status, headers: r.headers })
    },
    async call(method, params) {
      const executed = await execute(method, parseRpcParams(method, params))
      const body = executed.body ?? (parseLosslessJson(executed.text) as Record<string, unknown>)
      if (body.success !== true) throw rpcErrorFromBody(method, body)
      return body
    },
  }
}
