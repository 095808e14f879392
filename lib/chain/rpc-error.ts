/**
 * A full node answered `success: false` (HTTP 200, full-node-rpc.md §A.3). `structuredError`
 * exists only from chia-blockchain 2.6.1 on, so `code` is optional; the upstream traceback is
 * never kept (it leaks server paths).
 */
import { AppError } from '@/lib/chia/errors/app-error'

export type StructuredRpcError = { code: string; message: string; data?: Record<string, unknown> }

export class RpcError extends AppError {
  override name = 'RpcError' as const
  readonly method: string
  /** The upstream's `error` text, traceback removed. */
  readonly upstreamMessage: string
  /** `structuredError.code` when the node sent one (e.g. `COIN_RECORD_NOT_FOUND`). */
  readonly code?: string
  readonly data?: Record<string, unknown>
  /** `structuredError.message` when the node sent one. */
  readonly structuredMessage?: string

  constructor({ method, message, structured }: { method: string; message: string; structured?: StructuredRpcError }) {
    super(`The full node refused ${method}: ${message}`, {
      details: structured ? `${structured.code}: ${structured.message}` : undefined,
    })
    this.method = method
    this.upstreamMessage = message
    this.code = structured?.code
    this.data = structured?.data
    this.structuredMessage = structured?.message
  }
}

const MAX_MESSAGE = 500

/**
 * Reads the error text and optional `structuredError` out of a `success: false` body, dropping
 * the traceback and anything that is not a plain string.
 *
 * @example
 * rpcErrorFromBody('get_coin_record_by_name', { success: false, error: 'Coin record 0x… not found' })
 */
export function rpcErrorFromBody(method: string, body: Record<string, unknown>): RpcError {
  const raw = typeof body.error === 'string' && body.error.trim() !== '' ? body.error : 'unknown error'
  // Some nodes inline the traceback into `error`; keep only the first line.
  const message = raw.split('\n')[0].replace(/^Traceback.*$/, 'internal error').slice(0, MAX_MESSAGE)
  const s = body.structuredError
  let structured: StructuredRpcError | undefined
  if (s && typeof s === 'object' && typeof (s as { code?: unknown }).code === 'string') {
    const { code, message: sMessage, data } = s as { code: string; message?: unknown; data?: unknown }
    structured = {
      code: code.slice(0, 100),
      message: typeof sMessage === 'string' ? sMessage.slice(0, MAX_MESSAGE) : message,
      data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined,
    }
  }
  return new RpcError({ method, message, structured })
}
