/**
 * Where a collateral coin is in its life (PRODUCT.md §4): Pending (its lock waits in the mempool)
 * → Active → Unlockable (a vault whose time lock has passed) → Released (spent). DIG-format coins
 * have no time lock: they are Active and withdrawable by their locker at any time.
 */
export type CollateralLifecycle = 'pending' | 'active' | 'unlockable' | 'released'

export const COLLATERAL_LIFECYCLE_LABELS: Record<CollateralLifecycle, string> = {
  pending: 'Pending',
  active: 'Active',
  unlockable: 'Unlockable',
  released: 'Released',
}

/**
 * The lifecycle of one coin. `lastBlockTimestamp` is the timestamp of the latest transaction
 * block: ASSERT_SECONDS_ABSOLUTE compares the unlock time with it, so a vault is unlockable once
 * `unlockTime <= lastBlockTimestamp`.
 *
 * @example
 * collateralLifecycle({ kind: 'vault', unlockTime: 100n, confirmed: true, spent: false, lastBlockTimestamp: 100n }) // 'unlockable'
 */
export function collateralLifecycle(args: {
  kind: 'dig' | 'vault' | 'unknown'
  unlockTime?: bigint
  confirmed: boolean
  spent: boolean
  lastBlockTimestamp: bigint
}): CollateralLifecycle {
  if (args.spent) return 'released'
  if (!args.confirmed) return 'pending'
  if (args.kind === 'vault' && args.unlockTime !== undefined && args.unlockTime <= args.lastBlockTimestamp) return 'unlockable'
  return 'active'
}

/**
 * Whether the locker may release the coin now: DIG-format coins while active, vaults once unlockable.
 *
 * @example
 * canReleaseCollateral({ kind: 'dig', lifecycle: 'active', counted: true }) // true
 */
export function canReleaseCollateral(coin: { kind: 'dig' | 'vault' | 'unknown'; lifecycle: CollateralLifecycle; counted: boolean }): boolean {
  if (!coin.counted) return false
  if (coin.kind === 'dig') return coin.lifecycle === 'active'
  if (coin.kind === 'vault') return coin.lifecycle === 'unlockable'
  return false
}
