/**
 * An `RpcCall` over HTTP: POSTs lossless JSON to `<baseUrl>/<method>` (our `/api/node` proxy,
 * or any coinset-compatible API) and maps `success: false` to `RpcError`. Browser-safe.
 */
import { AppError } from '@/lib/chia/errors/app-error'

import { parseLosslessJson, stringifyLosslessJson } from './lossless-json'
import type { RpcCall } from './rpc-client'
import { rpcErrorFromBody } from './rpc-error'

export class RpcHttpError extends AppError {
  override name = 'RpcHttpError' as const
  readonly status: number
  constructor({ url, status, message }: { url: string; status: number; message: string }) {
    super(message, { details: `${url}: HTTP ${status}` })
    this.status = status
  }
}

/**
 * Creates an `RpcCall` that posts to `baseUrl`; `fetch` is injectable for tests and servers.
 *
 * @example
 * const call = createHttpRpcCall({ baseUrl: '/api/node' })
 * await call('get_blockchain_state', {})
 */
export function createHttpRpcCall({
  baseUrl,
  fetch: fetchImpl = globalThis.fetch,
  headers = {},
}: {
  baseUrl: string
  fetch?: typeof fetch
  headers?: Record<string, string>
}): RpcCall {
  const root = baseUrl.replace(/\/+$/, '')
  return async (method, params) => {
    const url = `${root}/${method}`
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: stringifyLosslessJson(params),
    })
    const text = await res.text()
    let body: unknown
    try {
      body = parseLosslessJson(text)
    } catch {
      throw new RpcHttpError({ url, status: res.status, message: `The node proxy answered with non-JSON (HTTP ${res.status}).` })
    }
    const record = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
    if (record.success === true) return record
    if (record.success === false && res.status === 200) throw rpcErrorFromBody(method, record)
    const message = typeof record.error === 'string' ? record.error : `The node proxy answered HTTP ${res.status}.`
    throw new RpcHttpError({ url, status: res.status, message })
  }
}
