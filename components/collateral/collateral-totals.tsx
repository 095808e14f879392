'use client'

import { useCollateralTotals } from '@/hooks/use-collateral-totals'

import { formatDig } from './dig-amount'

/** Dashboard tiles: DIG locked / required over the user's stores. */
export function CollateralTotals({ launcherIds }: { launcherIds: readonly string[] }) {
  const { data, error } = useCollateralTotals(launcherIds)
  if (error) return <p className="text-sm text-red-700 dark:text-red-400">Collateral totals could not be loaded.</p>
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="collateral-totals">
      <Tile label="DIG locked" value={data ? `${formatDig(data.locked)} DIG` : '…'} testId="totals-locked" />
      <Tile label="DIG required" value={data ? `${formatDig(data.required)} DIG` : '…'} testId="totals-required" />
      <Tile label="Shortfall" value={data ? `${formatDig(data.shortfall)} DIG` : '…'} testId="totals-shortfall" />
      <Tile label="Stores short" value={data ? `${data.storesShort} of ${data.stores}` : '…'} testId="totals-short" />
      {data && data.failed > 0 && <p className="col-span-full text-xs text-amber-700">{data.failed} stores could not be read and are not included.</p>}
    </dl>
  )
}

function Tile({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <dt className="text-xs text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 font-mono text-lg font-semibold" data-testid={testId}>
        {value}
      </dd>
    </div>
  )
}
