/** Display helpers for store views: short hashes, sizes, heights and times. Pure, server and client. */

/** `0x1234abcd…cdef` from a 0x-prefixed hex string. */
export const shortHash = (hex: string, head = 8, tail = 6): string => {
  const h = hex.replace(/^0x/, '')
  return h.length <= head + tail ? `0x${h}` : `0x${h.slice(0, head)}…${h.slice(-tail)}`
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'] as const

/** `1,234 bytes` / `4.2 MB` (decimal units, as storage is sold). */
export function formatBytes(bytes: bigint): string {
  if (bytes < 1000n) return `${bytes.toString()} ${bytes === 1n ? 'byte' : 'bytes'}`
  let unit = 0
  let value = Number(bytes)
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }
  return `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${UNITS[unit]}`
}

/** `1,234,567` */
export const formatHeight = (height: number): string => height.toLocaleString('en-US')

/** UTC time of a block timestamp (seconds), e.g. `2026-11-22 00:12 UTC`. */
export function formatTimestamp(seconds: bigint | number): string {
  const ms = Number(seconds) * 1000
  if (!Number.isFinite(ms) || ms <= 0) return '—'
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

export const AUTHORITY_LABELS: Record<string, string> = {
  mint: 'Mint',
  owner: 'Owner',
  admin: 'Admin',
  writer: 'Writer',
  oracle: 'Oracle',
  unknown: 'Unknown delegate',
}
