import { AppError } from '../errors/app-error'

/** The selected coins hold less than the spend needs. */
export class InsufficientFundsError extends AppError {
  override name = 'InsufficientFundsError' as const
  readonly needed: bigint
  readonly available: bigint
  constructor({ needed, available, unit }: { needed: bigint; available: bigint; unit: 'mojos' | 'CAT base units' }) {
    super('Selected coins do not cover the amount.', { details: `need ${needed} ${unit}, have ${available} ${unit}` })
    this.needed = needed
    this.available = available
  }
}
