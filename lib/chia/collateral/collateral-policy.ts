/**
 * This project's collateral requirement (PRODUCT.md §4; not a DIG network rule — DIG has none that
 * is current, dig-collateral.md §4):
 * `required = ceil(bytes / unitBytes) × rate`, plus an optional multiplier on the units above a
 * size threshold. Default 0.1 DIG (100 base units) per MiB. Pure bigint maths, rounding up.
 */
import { AppError } from '../errors/app-error'

export interface CollateralPolicy {
  /** Base units required per unit of size (100n = 0.1 DIG with 3 decimals). */
  rate: bigint
  /** Size unit in bytes; the store size is rounded up to whole units. */
  unitBytes: bigint
  /** Optional surcharge: units above `thresholdBytes` cost `rate × multiplierBps / 10000`. */
  aboveThreshold?: { thresholdBytes: bigint; multiplierBps: bigint }
}

/** 0.1 DIG per started MiB. */
export const DEFAULT_COLLATERAL_POLICY: CollateralPolicy = { rate: 100n, unitBytes: 1_048_576n }

export class InvalidCollateralPolicyError extends AppError {
  override name = 'InvalidCollateralPolicyError' as const
  constructor({ reason }: { reason: string }) {
    super('Collateral policy settings are invalid.', { details: reason })
  }
}

export class InvalidStoreSizeError extends AppError {
  override name = 'InvalidStoreSizeError' as const
  constructor({ bytes }: { bytes: bigint }) {
    super('Store size must not be negative.', { details: `got ${bytes} bytes` })
  }
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b

/**
 * Checks a policy (e.g. parsed from configuration) and returns it.
 * @example assertCollateralPolicy({ rate: 100n, unitBytes: 1_048_576n })
 */
export function assertCollateralPolicy(policy: CollateralPolicy): CollateralPolicy {
  if (policy.unitBytes <= 0n) throw new InvalidCollateralPolicyError({ reason: `unitBytes ${policy.unitBytes} must be positive` })
  if (policy.rate < 0n) throw new InvalidCollateralPolicyError({ reason: `rate ${policy.rate} must not be negative` })
  const t = policy.aboveThreshold
  if (t && (t.thresholdBytes < 0n || t.multiplierBps < 0n)) {
    throw new InvalidCollateralPolicyError({ reason: 'threshold and multiplier must not be negative' })
  }
  return policy
}

/**
 * Base units of collateral a store of `bytes` requires.
 * @example requiredCollateral(25n * 1_048_576n) // 2500n (2.5 DIG)
 */
export function requiredCollateral(bytes: bigint, policy: CollateralPolicy = DEFAULT_COLLATERAL_POLICY): bigint {
  assertCollateralPolicy(policy)
  if (bytes < 0n) throw new InvalidStoreSizeError({ bytes })
  const units = ceilDiv(bytes, policy.unitBytes)
  const t = policy.aboveThreshold
  if (!t) return units * policy.rate
  // Units wholly at or below the threshold pay the base rate; the rest pay the multiplied rate.
  const baseUnits = units < t.thresholdBytes / policy.unitBytes ? units : t.thresholdBytes / policy.unitBytes
  const extraUnits = units - baseUnits
  return baseUnits * policy.rate + ceilDiv(extraUnits * policy.rate * t.multiplierBps, 10_000n)
}

/**
 * How much more must be locked: `max(0, required − locked)`.
 * @example collateralShortfall(2500n, 1000n) // 1500n
 */
export const collateralShortfall = (required: bigint, locked: bigint): bigint => (locked >= required ? 0n : required - locked)
