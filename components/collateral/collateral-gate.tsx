'use client'

import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { useCollateralGate } from '@/hooks/use-collateral-gate'
import { usePublicEnv } from '@/hooks/use-public-env'

import { AddressQrCode } from './address-qr-code'
import { formatDig } from './dig-amount'
import { StoreCollateralPanel } from './store-collateral-panel'

/**
 * Blocks an update that would make the store larger than its locked collateral covers: shows the
 * shortfall, the owner's address with a QR code (to receive DIG), the exchange link, and
 * "Lock the shortfall now" (the lock form, preset to the shortfall). Renders nothing when the
 * update is covered. The update form disables its submit while `useCollateralGate(...)` says blocked.
 *
 * @example
 * <CollateralGate launcherId={id} currentBytes={view.current.bytes ?? 0n} nextBytes={nextBytes} ownerAddress={view.current.ownerAddress} />
 */
export function CollateralGate({
  launcherId,
  currentBytes,
  nextBytes,
  ownerAddress,
}: {
  launcherId: string
  currentBytes: bigint
  nextBytes: bigint
  ownerAddress: string
}) {
  const { exchangeUrl } = usePublicEnv()
  const gate = useCollateralGate({ launcherId, currentBytes, nextBytes })
  const [locking, setLocking] = useState(false)
  if (gate.status === 'loading') return <p className="text-sm text-zinc-500" data-testid="collateral-gate-loading">Checking collateral…</p>
  if (gate.status === 'unknown') {
    return (
      <p className="text-sm text-amber-700 dark:text-amber-400" data-testid="collateral-gate-unknown">
        The store’s collateral could not be checked ({gate.message}).
      </p>
    )
  }
  if (!gate.blocked) return <div data-testid="collateral-gate-open" hidden />
  return (
    <div className="space-y-4 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40" role="alert" data-testid="collateral-gate" data-shortfall={gate.shortfall.toString()}>
      <div>
        <p className="font-semibold">This update needs more $DIG collateral.</p>
        <p>
          A store of {nextBytes.toLocaleString('en-US')} bytes requires <span className="font-mono">{formatDig(gate.required)} DIG</span>; <span className="font-mono">{formatDig(gate.locked)} DIG</span> is locked.
          Shortfall: <strong className="font-mono" data-testid="collateral-gate-shortfall">{formatDig(gate.shortfall)} DIG</strong>.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <AddressQrCode address={ownerAddress} />
        <div className="min-w-0 flex-1 space-y-2">
          <p>
            Send DIG to the owner’s address:
            <br />
            <span className="font-mono break-all" data-testid="collateral-gate-address">{ownerAddress}</span>
          </p>
          <p>
            <a className="text-brand-700 underline dark:text-brand-300" href={exchangeUrl} target="_blank" rel="noreferrer" data-testid="collateral-gate-exchange">
              Get DIG on an exchange
            </a>
          </p>
          {!locking && (
            <Button onClick={() => setLocking(true)} data-testid="collateral-gate-lock">
              Lock the shortfall now
            </Button>
          )}
        </div>
      </div>
      {locking && <StoreCollateralPanel launcherId={launcherId} openLock defaultLockAmount={gate.shortfall} />}
    </div>
  )
}
