import { AppError } from '../errors/app-error'

/** A 32-byte value (coin id, puzzle hash, launcher id, root hash). */
export type Bytes32 = Uint8Array

export class InvalidHexError extends AppError {
  override name = 'InvalidHexError' as const
  constructor({ value, field }: { value: string; field?: string }) {
    super(`${field ?? 'Value'} is not valid hex.`, {
      details: `got ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)}`,
    })
  }
}

export class InvalidLengthError extends AppError {
  override name = 'InvalidLengthError' as const
  constructor({ expected, actual, field }: { expected: number; actual: number; field?: string }) {
    super(`${field ?? 'Value'} must be ${expected} bytes.`, { details: `got ${actual} bytes` })
  }
}

/** Nibble value by character code; 255 = not a hex digit. */
const HEX_VALUE = (() => {
  const t = new Uint8Array(128).fill(255)
  for (let i = 0; i < 10; i++) t[48 + i] = i
  for (let i = 0; i < 6; i++) {
    t[65 + i] = 10 + i
    t[97 + i] = 10 + i
  }
  return t
})()

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/**
 * Lowercase hex without `0x`.
 * @example bytesToHex(new Uint8Array([1, 255])) // '01ff'
 */
export function bytesToHex(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]]
  return out
}

/**
 * Parses hex with or without `0x`; throws {@link InvalidHexError} on bad input.
 * @example hexToBytes('0x01ff') // Uint8Array [1, 255]
 */
export function hexToBytes(hex: string, field?: string): Uint8Array {
  const start = hex.startsWith('0x') || hex.startsWith('0X') ? 2 : 0
  if ((hex.length - start) % 2 !== 0) throw new InvalidHexError({ value: hex, field })
  // Table lookup per character: puzzle reveals are kilobytes of hex, so this is a hot path.
  const out = new Uint8Array((hex.length - start) / 2)
  for (let i = 0, j = start; i < out.length; i++, j += 2) {
    const hi = HEX_VALUE[hex.charCodeAt(j)] ?? 255
    const lo = HEX_VALUE[hex.charCodeAt(j + 1)] ?? 255
    if ((hi | lo) > 15) throw new InvalidHexError({ value: hex, field })
    out[i] = (hi << 4) | lo
  }
  return out
}


/**
 * Throws {@link InvalidLengthError} unless `bytes` is 32 bytes long; returns it.
 * @example assertBytes32(new Uint8Array(32), 'launcherId')
 */
export function assertBytes32(bytes: Uint8Array, field?: string): Bytes32 {
  if (bytes.length !== 32) throw new InvalidLengthError({ expected: 32, actual: bytes.length, field })
  return bytes
}

/**
 * Hex (with or without `0x`) to a checked 32-byte value.
 * @example hexToBytes32('00'.repeat(32))
 */
export const hexToBytes32 = (hex: string, field?: string): Bytes32 => assertBytes32(hexToBytes(hex, field), field)

/** `0x`-prefixed lowercase hex, the full-node RPC wire form. @example bytesToPrefixedHex(id) // '0xab…' */
export const bytesToPrefixedHex = (bytes: Uint8Array): string => `0x${bytesToHex(bytes)}`

/** Concatenates byte arrays. @example concatBytes(a, b) */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let len = 0
  for (const p of parts) len += p.length
  const out = new Uint8Array(len)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/** Constant-shape byte equality. @example equalBytes(a, b) */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i]
  return diff === 0
}

/**
 * Lexicographic byte order (a shorter prefix sorts first): negative, zero or positive.
 * @example compareBytes(utf8ToBytes('a'), utf8ToBytes('b')) // < 0
 */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return a.length - b.length
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: false })

/** UTF-8 encode. @example utf8ToBytes('datastore') */
export const utf8ToBytes = (s: string): Uint8Array => encoder.encode(s)
/** UTF-8 decode (invalid sequences become U+FFFD). @example bytesToUtf8(bytes) */
export const bytesToUtf8 = (b: Uint8Array): string => decoder.decode(b)
