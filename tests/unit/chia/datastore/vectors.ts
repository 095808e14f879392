/** Loading tests/vectors/ (copies of ../shared/vectors/)datalayer-driver-0.1.29.json and converting between its JSON and the facade's values. */
import { readFileSync } from 'node:fs'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- vector JSON is untyped
export type Json = any

export const driverVectors: Json = JSON.parse(
  readFileSync(new URL('../../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8'),
)

const BIGINT_FIELDS = new Set(['amount', 'parentAmount', 'bytes', 'fee', 'oracleFee', 'totalAmount'])
const STRING_FIELDS = new Set(['label', 'description', 'newLabel', 'newDescription', 'note', 'notes', 'producedBy', 'name', 'fn'])

/** Vector JSON → facade values: hex strings → Uint8Array, decimal amount fields → bigint, null kept. */
export function fromJson(value: Json, key = ''): Json {
  if (value === null || value === undefined) return value
  if (Array.isArray(value)) return value.map((v) => fromJson(v, key))
  if (typeof value === 'object') {
    const out: Json = {}
    for (const [k, v] of Object.entries(value)) out[k] = fromJson(v, k)
    return out
  }
  if (typeof value === 'string') {
    if (BIGINT_FIELDS.has(key) || key === 'newBytes') return BigInt(value)
    if (STRING_FIELDS.has(key)) return value
    return hexToBytes(value)
  }
  return value
}

/** Facade values → vector JSON (Uint8Array → hex, bigint → decimal), dropping undefined and null fields. */
export function toJson(value: Json): Json {
  if (value instanceof Uint8Array) return bytesToHex(value)
  if (typeof value === 'bigint') return value.toString()
  if (Array.isArray(value)) return value.map(toJson)
  if (value && typeof value === 'object') {
    const out: Json = {}
    for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) out[k] = toJson(v)
    return out
  }
  return value
}

/** Drops null fields (history vectors spell absent optionals as null). */
export const dropNulls = (value: Json): Json => toJson(value)

export const caseByName = (name: string): Json => {
  const c = driverVectors.cases.find((x: Json) => x.name === name)
  if (!c) throw new Error(`no vector case ${name}`)
  return c
}
