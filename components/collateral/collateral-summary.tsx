import { Badge } from '@/components/ui/badge'
import type { CollateralSummary as Summary } from '@/lib/chain/collateral/summarize-store-collateral'

import { formatDig } from './dig-amount'

/** Locked vs required for one store, and whether the requirement is met. Server or client. */
export function CollateralSummary({ summary, bytes }: { summary: Summary; bytes?: bigint }) {
  return (
    <div className="space-y-3" data-testid="collateral-summary" data-met={summary.met ? 'true' : 'false'}>
      <div className="flex flex-wrap items-center gap-2">
        {summary.met ? (
          <Badge tone="brand" data-testid="collateral-met">Requirement met</Badge>
        ) : (
          <Badge tone="warning" data-testid="collateral-unmet">Requirement not met</Badge>
        )}
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Locked</dt>
          <dd className="font-mono" data-testid="collateral-locked">{formatDig(summary.locked)} DIG</dd>
        </div>
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Required</dt>
          <dd className="font-mono" data-testid="collateral-required">{formatDig(summary.required)} DIG</dd>
        </div>
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Shortfall</dt>
          <dd className="font-mono" data-testid="collateral-shortfall">{formatDig(summary.shortfall)} DIG</dd>
        </div>
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Pending</dt>
          <dd className="font-mono">{formatDig(summary.pending)} DIG</dd>
        </div>
      </dl>
      {bytes !== undefined && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          For a store of {bytes.toLocaleString('en-US')} bytes. DIG-format {formatDig(summary.lockedDig)} · time-locked {formatDig(summary.lockedVault)} · by the owner{' '}
          {formatDig(summary.lockedByOwner)} DIG.
        </p>
      )}
    </div>
  )
}
