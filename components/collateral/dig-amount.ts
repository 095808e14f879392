/**
 * DIG amounts for people: base units (1 DIG = 1,000) ↔ "2.5 DIG". Display only; everything else
 * stays in bigint base units.
 */
import { AppError } from '@/lib/chia/errors/app-error'

export class InvalidDigAmountError extends AppError {
  override name = 'InvalidDigAmountError' as const
  constructor({ input }: { input: string }) {
    super('Enter a DIG amount such as 2.5 (at most 3 decimals).', { details: `got "${input}"` })
  }
}

/** `2500n` → `"2.5"`. */
export function formatDig(baseUnits: bigint): string {
  const negative = baseUnits < 0n
  const abs = negative ? -baseUnits : baseUnits
  const whole = (abs / 1000n).toLocaleString('en-US')
  const fraction = (abs % 1000n).toString().padStart(3, '0').replace(/0+$/, '')
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`
}

/** `"2.5"` → `2500n`; throws {@link InvalidDigAmountError}. */
export function parseDig(input: string): bigint {
  const s = input.trim().replace(/,/g, '')
  const m = /^(\d+)(?:\.(\d{1,3}))?$/.exec(s)
  if (!m) throw new InvalidDigAmountError({ input })
  return BigInt(m[1]) * 1000n + BigInt((m[2] ?? '').padEnd(3, '0'))
}

/** `bigint` unix seconds → a readable UTC date and time. */
export function formatUnixTime(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')
}
