'use client'

import { useState } from 'react'

import { CollateralGate } from './collateral-gate'

const MIB = 1_048_576n

/**
 * "Will this update fit?": the owner enters the size the store will grow to and sees the update
 * gate exactly as the update form will show it.
 */
export function CollateralGateCheck({ launcherId, currentBytes, ownerAddress }: { launcherId: string; currentBytes: bigint; ownerAddress: string }) {
  const [mib, setMib] = useState('')
  const nextBytes = /^\d+$/.test(mib.trim()) ? BigInt(mib.trim()) * MIB : undefined
  return (
    <div className="space-y-3 text-sm" data-testid="collateral-gate-check">
      <label className="flex flex-wrap items-center gap-2">
        <span className="text-zinc-600 dark:text-zinc-400">Check an update: the store will grow to</span>
        <input
          className="w-24 rounded-lg border border-zinc-300 bg-white px-2 py-1 font-mono dark:border-zinc-700 dark:bg-zinc-900"
          inputMode="numeric"
          value={mib}
          onChange={(e) => setMib(e.target.value)}
          aria-label="New size in MiB"
          data-testid="collateral-gate-check-size"
        />
        <span>MiB</span>
      </label>
      {nextBytes !== undefined && <CollateralGate launcherId={launcherId} currentBytes={currentBytes} nextBytes={nextBytes} ownerAddress={ownerAddress} />}
    </div>
  )
}
