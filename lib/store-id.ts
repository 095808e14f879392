/**
 * The `/s/[storeId]` route parameter: a store's launcherId as 64 hex characters, with or without
 * a `0x` prefix, in any letter case. This file is the single definition shared by the proxy
 * (which answers malformed ids with a 400 page), the route and the "Verify a store" form.
 * Decoding into bytes happens later, in lib/chia.
 */

const STORE_ID_PATTERN = /^(?:0[xX])?([0-9a-fA-F]{64})$/

/**
 * Returns the canonical form (lowercase, no `0x`) of a store id, or `undefined` when the text is
 * not one. Surrounding whitespace is ignored, because ids are usually pasted.
 *
 * @example
 * normalizeStoreId(' 0xABCD…(64 hex) ') // 'abcd…'
 * normalizeStoreId('not-hex')          // undefined
 */
export function normalizeStoreId(text: string): string | undefined {
  const match = STORE_ID_PATTERN.exec(text.trim())
  return match ? match[1].toLowerCase() : undefined
}

/** Why a piece of text is not a store id, phrased for the person who typed it. */
export function describeStoreIdProblem(text: string): string {
  const trimmed = text.trim()
  if (trimmed === '') return 'Paste a store id (its launcher id): 64 hexadecimal characters.'
  const hex = trimmed.replace(/^0x/i, '')
  if (/[^0-9a-fA-F]/.test(hex)) {
    return 'A store id contains only the characters 0–9 and a–f, optionally prefixed with 0x.'
  }
  return `A store id is 64 hexadecimal characters; this one has ${hex.length}.`
}
