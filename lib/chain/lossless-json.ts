/**
 * Lossless JSON for the full-node RPC (full-node-rpc.md §A.2): Chia emits every integer as a
 * JSON number, and uint64 amounts / uint128 `space` exceed 2^53, so `JSON.parse` would corrupt
 * them. Integers outside the safe range become `bigint`; fields that carry mojos or cost are
 * always `bigint` so callers never branch on magnitude. `bigint` serializes back as a bare number.
 */
import { isInteger, isSafeNumber, parse, stringify } from 'lossless-json'

import { AppError } from '@/lib/chia/errors/app-error'

/** Keys whose integer values are always returned as bigint (mojos, cost, netspace). */
export const BIGINT_KEYS: ReadonlySet<string> = new Set([
  'amount',
  'fee',
  'fees',
  'cost',
  'space',
  'mempool_fees',
  'mempool_cost',
  'mempool_max_total_cost',
  'block_max_cost',
  'total_iters',
  'weight',
  'cost_5000000',
])

export class InvalidJsonError extends AppError {
  override name = 'InvalidJsonError' as const
  constructor({ reason, sample }: { reason: string; sample: string }) {
    super('The body is not valid JSON.', { details: `${reason}; text starts with ${JSON.stringify(sample)}` })
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

/** A number token (after `:`, `[` or `,`) with 16 or more digits: possibly beyond 2^53. */
const MAYBE_UNSAFE_NUMBER = /[:[,]\s*-?\d{16}/

const parseNumber = (text: string): number | bigint => {
  if (isInteger(text) && !isSafeNumber(text)) return BigInt(text)
  return Number(text)
}

const reviveBigintKeys = (key: string, value: unknown): unknown =>
  typeof value === 'number' && BIGINT_KEYS.has(key) && Number.isInteger(value) ? BigInt(value) : value

/**
 * Parses RPC JSON text without losing integer precision.
 *
 * @example
 * parseLosslessJson('{"coin":{"amount":18446744073709551615}}') // { coin: { amount: 18446744073709551615n } }
 */
export function parseLosslessJson(text: string): unknown {
  // Fast path: when no number token has 16+ digits, every integer is below 2^53, so the native
  // parser is exact; it is several times faster on kilobytes of hex (puzzle reveals).
  if (!MAYBE_UNSAFE_NUMBER.test(text)) {
    try {
      return JSON.parse(text, reviveBigintKeys)
    } catch {
      // Fall through: the lossless parser gives the precise error (and accepts nothing more).
    }
  }
  try {
    return parse(text, reviveBigintKeys, parseNumber)
  } catch (cause) {
    throw Object.assign(
      new InvalidJsonError({ reason: cause instanceof Error ? cause.message : String(cause), sample: text.slice(0, 40) }),
      { cause },
    )
  }
}

/**
 * Serializes a value to JSON, writing `bigint` as a plain JSON number (never a string).
 *
 * @example
 * stringifyLosslessJson({ amount: 2n ** 64n - 1n }) // '{"amount":18446744073709551615}'
 */
export function stringifyLosslessJson(value: unknown): string {
  // Fast path: the native serializer, with bigints in the safe range written as numbers (same
  // digits). Any bigint beyond 2^53 sends the value through the lossless serializer instead.
  let unsafe = false
  const native = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'bigint') return v
    if (v <= MAX_SAFE && v >= -MAX_SAFE) return Number(v)
    unsafe = true
    return undefined
  })
  if (!unsafe && native !== undefined) return native
  const text = stringify(value)
  if (text === undefined) throw new InvalidJsonError({ reason: 'value has no JSON form', sample: String(value) })
  return text
}
