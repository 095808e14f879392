import type { Metadata } from 'next'

import { PlaceholderPage } from '@/components/layout/placeholder-page'
import { Card } from '@/components/ui/card'
import { publicEnv } from '@/lib/env'

export const metadata: Metadata = { title: 'Collateral calculator' }

const MIB = 1024n * 1024n

const formatBytes = (bytes: bigint) =>
  bytes % MIB === 0n ? `${(bytes / MIB).toLocaleString('en-US')} MiB` : `${bytes.toLocaleString('en-US')} bytes`

export default function CollateralPage() {
  const { collateral } = publicEnv()
  return (
    <PlaceholderPage
      title="Collateral calculator"
      summary="How much $DIG a store of a given size must lock, under the policy this deployment is configured with."
      planned={[
        'Enter a size, or drop files, and see the DIG required',
        'Compare with the DIG your wallet holds and what a store already has locked',
        'A link to buy the shortfall, and a one-click lock',
      ]}
    >
      <Card>
        <h2 className="text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          Current policy
        </h2>
        <dl className="mt-4 space-y-3 text-zinc-700 dark:text-zinc-300" data-testid="collateral-policy">
          <div className="flex justify-between gap-4">
            <dt>Rate</dt>
            <dd className="font-mono">
              {collateral.rateDig} DIG per {formatBytes(collateral.unitBytes)} (or part of one)
            </dd>
          </div>
          {collateral.multiplier !== undefined && collateral.multiplierThresholdBytes !== undefined && (
            <div className="flex justify-between gap-4">
              <dt>Large stores</dt>
              <dd className="font-mono">
                ×{collateral.multiplier} above {formatBytes(collateral.multiplierThresholdBytes)}
              </dd>
            </div>
          )}
        </dl>
      </Card>
    </PlaceholderPage>
  )
}
