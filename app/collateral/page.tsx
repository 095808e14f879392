import type { Metadata } from 'next'

import { CollateralCalculator } from '@/components/collateral/collateral-calculator'
import { StoreCollateralLookup } from '@/components/collateral/store-collateral-lookup'
import { PageHeading } from '@/components/layout/page-heading'
import { Card } from '@/components/ui/card'
import { publicEnv } from '@/lib/env'

export const metadata: Metadata = { title: 'Collateral calculator' }

const MIB = 1024n * 1024n

const formatBytes = (bytes: bigint) =>
  bytes % MIB === 0n ? `${(bytes / MIB).toLocaleString('en-US')} MiB` : `${bytes.toLocaleString('en-US')} bytes`

type Props = { searchParams: Promise<{ store?: string | string[] }> }

export default async function CollateralPage({ searchParams }: Props) {
  const { collateral } = publicEnv()
  const { store } = await searchParams
  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-12 sm:px-6 sm:py-16">
      <PageHeading title="Collateral">
        How much $DIG a store of a given size must lock under this deployment’s policy, and the collateral any store has locked.
      </PageHeading>
      <div className="grid gap-6 lg:grid-cols-[1fr_1fr]">
        <Card>
          <h2 className="mb-4 text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Calculator</h2>
          <CollateralCalculator />
        </Card>
        <Card>
          <h2 className="text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Current policy</h2>
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
                  ×{collateral.multiplier} on the part above {formatBytes(collateral.multiplierThresholdBytes)}
                </dd>
              </div>
            )}
          </dl>
          <p className="mt-4 text-xs text-zinc-500 dark:text-zinc-400">
            This is this deployment’s policy, not a DIG Network rule: DIG’s own requirements have changed over time. Collateral is DIG locked under a
            store’s hint; DIG-format coins can be withdrawn by whoever locked them at any time, time-locked vaults not before their date.
          </p>
        </Card>
      </div>
      <StoreCollateralLookup initialStoreId={typeof store === 'string' ? store : undefined} />
    </div>
  )
}
