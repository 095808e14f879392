/** XCH display helpers: amounts are bigint mojos everywhere else (1 XCH = 10^12 mojos). */

export const MOJOS_PER_XCH = 1_000_000_000_000n

/** `0.000100 XCH` (trailing zeros trimmed to 6 decimals minimum). @example formatXch(100_000n) */
export function formatXch(mojos: bigint): string {
  const neg = mojos < 0n
  const m = neg ? -mojos : mojos
  const whole = m / MOJOS_PER_XCH
  const frac = (m % MOJOS_PER_XCH).toString().padStart(12, '0').replace(/0+$/, '')
  return `${neg ? '−' : ''}${whole}.${frac.padEnd(6, '0')} XCH`
}

/** `100,000 mojos` */
export const formatMojos = (mojos: bigint): string => `${mojos.toLocaleString('en-US')} ${mojos === 1n ? 'mojo' : 'mojos'}`

/**
 * Parses an XCH amount typed by a person (`0.0001`, `.5`, `1`); `undefined` when malformed or
 * with more than 12 decimals.
 */
export function parseXch(text: string): bigint | undefined {
  const t = text.trim()
  const m = /^(\d*)(?:\.(\d{0,12}))?$/.exec(t)
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return undefined
  return BigInt(m[1] || '0') * MOJOS_PER_XCH + BigInt((m[2] ?? '').padEnd(12, '0') || '0')
}
