/** Reading this app's own `/api/…` routes from the browser. */
import { parseLosslessJson } from '@/lib/chain/lossless-json'
import { AppError } from '@/lib/chia/errors/app-error'

type RequestErrorInit = { status: number; code?: string; message: string }

/** A route answered with an error: its HTTP status and its `{ error: { code, message } }`. */
export class ApiRequestError extends AppError {
  override name: string = 'ApiRequestError'
  readonly status: number
  readonly code?: string
  constructor({ status, code, message }: RequestErrorInit) {
    super(message, { details: `HTTP ${status}${code ? ` ${code}` : ''}` })
    this.status = status
    this.code = code
  }
}

/**
 * GETs `url` uncached and parses the body losslessly (big integers survive); a non-2xx answer
 * throws `RequestError` with the route's code and message, or `fallbackMessage` when it has none.
 * @example const view = await fetchApiJson<StoreView>(`/api/stores/${id}`, StoreViewRequestError, 'The store could not be loaded.')
 */
export async function fetchApiJson<T>(
  url: string,
  RequestError: new (init: RequestErrorInit) => ApiRequestError,
  fallbackMessage: string,
): Promise<T> {
  const res = await fetch(url, { cache: 'no-store' })
  const body = parseLosslessJson(await res.text()) as T & { error?: { code: string; message: string } }
  if (!res.ok) throw new RequestError({ status: res.status, code: body.error?.code, message: body.error?.message ?? fallbackMessage })
  return body
}
