/**
 * The update gate (PRODUCT.md §4): an update that makes a store larger than its locked collateral
 * covers is refused with the shortfall. Updates that do not grow the store (a new root at the same
 * size, a smaller size) pass even when the store is under-collateralized, so an owner is never
 * stuck; their page still shows the unmet requirement.
 */
import { type CollateralPolicy, collateralShortfall, requiredCollateral } from '@/lib/chia/collateral/collateral-policy'

export type CollateralGateResult =
  | { blocked: false; required: bigint; locked: bigint }
  | { blocked: true; required: bigint; locked: bigint; shortfall: bigint }

/**
 * Decides whether an update from `currentBytes` to `nextBytes` may proceed with `locked` base units
 * of counted collateral.
 *
 * @example
 * collateralGate({ currentBytes: 0n, nextBytes: 25n * 1_048_576n, locked: 0n, policy }) // { blocked: true, shortfall: 2500n, … }
 */
export function collateralGate({
  currentBytes,
  nextBytes,
  locked,
  policy,
}: {
  currentBytes: bigint
  nextBytes: bigint
  locked: bigint
  policy: CollateralPolicy
}): CollateralGateResult {
  const required = requiredCollateral(nextBytes, policy)
  const shortfall = collateralShortfall(required, locked)
  if (nextBytes > currentBytes && shortfall > 0n) return { blocked: true, required, locked, shortfall }
  return { blocked: false, required, locked }
}
