/**
 * Why the app refuses to ask for a signature (PRODUCT.md §2 "What you sign is what you see"):
 * each error carries the offending values so the preview can show them.
 */
import { AppError } from '@/lib/chia/errors/app-error'
import { bytesToHex, type Bytes32 } from '@/lib/chia/primitives/bytes'

export class RevealMismatchError extends AppError {
  override name = 'RevealMismatchError' as const
  readonly coinId: string
  constructor({ coinId, expected, actual }: { coinId: Bytes32; expected: Bytes32; actual: Bytes32 }) {
    super('A puzzle in this transaction does not match the coin it spends, so it would fail on chain.', {
      details: `coin ${bytesToHex(coinId)}: puzzle hash ${bytesToHex(expected)}, reveal hashes to ${bytesToHex(actual)}`,
    })
    this.coinId = bytesToHex(coinId)
  }
}

export class SpendWouldFailError extends AppError {
  override name = 'SpendWouldFailError' as const
  constructor({ coinId, cause }: { coinId: Bytes32; cause: unknown }) {
    super('A coin spend in this transaction fails when run locally, so it would fail on chain.', {
      details: `coin ${bytesToHex(coinId)}: ${cause instanceof Error ? cause.message : String(cause)}`,
      cause,
    })
  }
}

export class OutflowExceedsAllowanceError extends AppError {
  override name = 'OutflowExceedsAllowanceError' as const
  readonly outflow: bigint
  readonly allowance: bigint
  constructor({ outflow, allowance }: { outflow: bigint; allowance: bigint }) {
    super('This transaction would take more XCH from your wallet than the amount shown.', {
      details: `leaves the wallet: ${outflow} mojos, agreed: ${allowance} mojos`,
    })
    this.outflow = outflow
    this.allowance = allowance
  }
}

export class FeeExceedsAllowanceError extends AppError {
  override name = 'FeeExceedsAllowanceError' as const
  constructor({ fee, allowance }: { fee: bigint; allowance: bigint }) {
    super('This transaction would pay a higher fee than the one shown.', { details: `fee ${fee} mojos, agreed ${allowance} mojos` })
  }
}

export class NegativeFeeError extends AppError {
  override name = 'NegativeFeeError' as const
  constructor({ spent, created }: { spent: bigint; created: bigint }) {
    super('This transaction creates more value than it spends, so the chain would reject it.', {
      details: `spent ${spent} mojos, created ${created} mojos`,
    })
  }
}

export class StorePredictionMismatchError extends AppError {
  override name = 'StorePredictionMismatchError' as const
  constructor({ field, expected, actual }: { field: string; expected: string; actual: string }) {
    super('Running the transaction gives a different store than the one shown.', { details: `${field}: expected ${expected}, got ${actual}` })
  }
}

export class StoreSpendMissingError extends AppError {
  override name = 'StoreSpendMissingError' as const
  constructor({ coinId }: { coinId: Bytes32 }) {
    super('The transaction does not spend the store it claims to change.', { details: `store coin ${bytesToHex(coinId)} is not spent` })
  }
}
