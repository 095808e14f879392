/**
 * A store's collateral totals against this project's requirement (PRODUCT.md §4). Counting
 * policy, stated on every page that shows it: every valid, unspent coin under the store's hint
 * counts, whoever locked it (DIG's own tools count only the single largest coin); coins locked by
 * the store's owner are totalled separately so a page can highlight them. Pending locks are shown
 * but not counted until confirmed.
 */
import { type CollateralPolicy, collateralShortfall, requiredCollateral } from '@/lib/chia/collateral/collateral-policy'
import { type Bytes32, equalBytes } from '@/lib/chia/primitives/bytes'

import type { CollateralLifecycle } from './collateral-lifecycle'

export interface CollateralSummary {
  /** Counted and confirmed, not yet released (Active + Unlockable). */
  locked: bigint
  lockedDig: bigint
  lockedVault: bigint
  /** Of `locked`, what the store's owner locked. */
  lockedByOwner: bigint
  /** Locks waiting in the mempool (not counted yet). */
  pending: bigint
  required: bigint
  shortfall: bigint
  met: boolean
  countedCoins: number
  notCountedCoins: number
}

/** The fields of a coin the summary needs. */
export interface SummarizedCoin {
  kind: 'dig' | 'vault' | 'unknown'
  amount: bigint
  counted: boolean
  lifecycle: CollateralLifecycle
  ownerPuzzleHash?: Bytes32
}

/**
 * Totals and requirement of a store of `bytes` (0 when the store states no size).
 *
 * @example
 * summarizeStoreCollateral(coins, { bytes: 25n * 1_048_576n, policy }) // { required: 2500n, locked: 2500n, met: true, … }
 */
export function summarizeStoreCollateral(
  coins: readonly SummarizedCoin[],
  { bytes, policy, ownerPuzzleHash }: { bytes: bigint; policy: CollateralPolicy; ownerPuzzleHash?: Bytes32 },
): CollateralSummary {
  let lockedDig = 0n
  let lockedVault = 0n
  let lockedByOwner = 0n
  let pending = 0n
  let countedCoins = 0
  let notCountedCoins = 0
  for (const c of coins) {
    if (c.lifecycle === 'pending') {
      pending += c.amount
      continue
    }
    if (c.lifecycle === 'released') continue
    if (!c.counted) {
      notCountedCoins++
      continue
    }
    countedCoins++
    if (c.kind === 'vault') lockedVault += c.amount
    else lockedDig += c.amount
    if (ownerPuzzleHash && c.ownerPuzzleHash && equalBytes(c.ownerPuzzleHash, ownerPuzzleHash)) lockedByOwner += c.amount
  }
  const locked = lockedDig + lockedVault
  const required = requiredCollateral(bytes, policy)
  const shortfall = collateralShortfall(required, locked)
  return { locked, lockedDig, lockedVault, lockedByOwner, pending, required, shortfall, met: shortfall === 0n, countedCoins, notCountedCoins }
}
