'use client'

/**
 * The update gate for a form: whether growing the store from `currentBytes` to `nextBytes` is
 * covered by its locked collateral, under the configured policy (PRODUCT.md §4).
 */
import { useMemo } from 'react'

import { useStoreCollateral } from '@/hooks/use-collateral'
import { usePublicEnv } from '@/hooks/use-public-env'
import { type CollateralGateResult, collateralGate } from '@/lib/chain/collateral/collateral-gate'
import { collateralPolicyFromConfig } from '@/lib/chain/collateral/collateral-policy-from-config'

export type CollateralGateState =
  | { status: 'loading' }
  /** The collateral could not be read: the form should say so and may let the user proceed. */
  | { status: 'unknown'; message: string }
  | ({ status: 'ready' } & CollateralGateResult)

/**
 * @example
 * const gate = useCollateralGate({ launcherId, currentBytes: view.current.bytes ?? 0n, nextBytes })
 * const disabled = gate.status === 'ready' && gate.blocked
 */
export function useCollateralGate({ launcherId, currentBytes, nextBytes }: { launcherId?: string; currentBytes: bigint; nextBytes: bigint }): CollateralGateState {
  const { collateral } = usePublicEnv()
  const policy = useMemo(() => collateralPolicyFromConfig(collateral), [collateral])
  const { data, error } = useStoreCollateral(launcherId)
  if (error) return { status: 'unknown', message: error.shortMessage }
  if (!data) return { status: 'loading' }
  return { status: 'ready', ...collateralGate({ currentBytes, nextBytes, locked: data.summary.locked, policy }) }
}
