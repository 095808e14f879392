/**
 * The configured collateral policy (lib/env-client `CollateralPolicy`: COLLATERAL_RATE_DIG_PER_UNIT,
 * COLLATERAL_UNIT_BYTES, COLLATERAL_MULTIPLIER, COLLATERAL_MULTIPLIER_THRESHOLD_BYTES) as the policy
 * lib/chia's pure `requiredCollateral` takes. The multiplier applies to the units above the
 * threshold (a marginal surcharge, so crossing the threshold never makes a store's requirement jump).
 */
import { type CollateralPolicy, assertCollateralPolicy } from '@/lib/chia/collateral/collateral-policy'
import type { CollateralPolicy as ConfiguredCollateralPolicy } from '@/lib/env-client'

/**
 * Converts the configured policy; the multiplier becomes basis points (1.5 → 15,000).
 *
 * @example
 * collateralPolicyFromConfig({ ratePerUnit: 100n, rateDig: '0.1', unitBytes: 1_048_576n })
 * // { rate: 100n, unitBytes: 1_048_576n }
 */
export function collateralPolicyFromConfig(config: ConfiguredCollateralPolicy): CollateralPolicy {
  const policy: CollateralPolicy = { rate: config.ratePerUnit, unitBytes: config.unitBytes }
  if (config.multiplier !== undefined && config.multiplierThresholdBytes !== undefined) {
    policy.aboveThreshold = {
      thresholdBytes: config.multiplierThresholdBytes,
      multiplierBps: BigInt(Math.round(config.multiplier * 10_000)),
    }
  }
  return assertCollateralPolicy(policy)
}
