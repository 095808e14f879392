'use client'

import { Badge } from '@/components/ui/badge'
import { useStoreCollateral } from '@/hooks/use-collateral'

import { formatDig } from './dig-amount'

/** One store's collateral in a list row: "locked / required DIG", toned by whether it is met. */
export function CollateralBadge({ launcherId }: { launcherId: string }) {
  const { data, error } = useStoreCollateral(launcherId)
  if (error) return <Badge tone="neutral" title={error.shortMessage}>collateral: ?</Badge>
  if (!data) return <Badge tone="neutral">collateral: …</Badge>
  const { locked, required, met } = data.summary
  return (
    <Badge tone={met ? 'brand' : 'warning'} data-testid="collateral-badge" data-met={met ? 'true' : 'false'} title={met ? 'Collateral requirement met' : `Short by ${formatDig(data.summary.shortfall)} DIG`}>
      {formatDig(locked)} / {formatDig(required)} DIG
    </Badge>
  )
}
