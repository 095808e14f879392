import { stringifyLosslessJson } from '@/lib/chain/lossless-json'
import { NotAStoreError } from '@/lib/chain/store-sync'
import { AppError } from '@/lib/chia/errors/app-error'

/** A JSON response (lossless: bigints stay exact). */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(stringifyLosslessJson(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } })

/** The routes' `{ error: { code, message } }` body. */
export const jsonError = (status: number, code: string, message: string) => json(status, { error: { code, message } })

/**
 * How the store routes answer a failure while loading a store: 404 when the coin is not a store,
 * 503 when no upstream answers, 502 `invalidDataCode` for other chain data errors and 500 for
 * anything else (both logged under `logLabel`).
 */
export function storeLoadFailure(e: unknown, logLabel: string, invalidDataCode: string): Response {
  if (e instanceof NotAStoreError) return jsonError(404, 'NOT_A_STORE', e.shortMessage)
  if (e instanceof AppError && /^(Upstream|NoUpstream)/.test(e.name)) return jsonError(503, 'UPSTREAM_UNAVAILABLE', e.shortMessage)
  console.error(logLabel, e)
  if (e instanceof AppError) return jsonError(502, invalidDataCode, e.shortMessage)
  return jsonError(500, 'INTERNAL', 'Internal error.')
}
