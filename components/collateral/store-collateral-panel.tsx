'use client'

import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { useStoreCollateral } from '@/hooks/use-collateral'
import { useCollateralAction } from '@/hooks/use-collateral-action'
import { useCollateralWalletPuzzleHashes } from '@/hooks/use-collateral-balance'
import { usePublicEnv } from '@/hooks/use-public-env'
import { useWallet } from '@/hooks/use-wallet'
import { canReleaseCollateral } from '@/lib/chain/collateral/collateral-lifecycle'
import type { CollateralCoinView } from '@/lib/chain/collateral/store-collateral-view'

import { CollateralActionPanel } from './collateral-action-panel'
import { CollateralCoinList } from './collateral-coin-list'
import { CollateralGateCheck } from './collateral-gate-check'
import { CollateralSummary } from './collateral-summary'
import { DigBalance } from './dig-balance'
import { formatUnixTime } from './dig-amount'
import { LockCollateralForm } from './lock-collateral-form'

/**
 * A store's collateral for its owner (or anyone who wants to back it): totals against the
 * requirement, every coin with its lifecycle, release buttons for the coins this wallet locked,
 * the wallet's DIG balance and the lock form. `launcherId` is hex (with or without 0x).
 */
export function StoreCollateralPanel({
  launcherId,
  openLock = false,
  defaultLockAmount,
  showGateCheck = false,
}: {
  launcherId: string
  openLock?: boolean
  /** Offer "check an update" (the gate) under the totals. */
  showGateCheck?: boolean
  /** Preset lock amount (base units); default: the store's current shortfall. */
  defaultLockAmount?: bigint
}) {
  const env = usePublicEnv()
  const { wallet } = useWallet()
  const action = useCollateralAction(launcherId)
  const active = action.state.status !== 'idle'
  // Poll fast while an action runs, slowly while a vault waits for its unlock time (chain time).
  const { data, error, isLoading } = useStoreCollateral(launcherId, (latest) =>
    active ? 3_000 : latest?.coins.some((c) => c.kind === 'vault' && c.lifecycle === 'active') ? 30_000 : 0,
  )
  const { data: mine } = useCollateralWalletPuzzleHashes()
  const [lockOpen, setLockOpen] = useState(openLock)
  const [releaseFee, setReleaseFee] = useState('0')
  const releaseFeeMojos = /^\d+$/.test(releaseFee.trim()) ? BigInt(releaseFee.trim()) : undefined
  const busy = action.state.status === 'building' || action.state.status === 'signing' || action.state.status === 'submitting'

  const releaseButton = (coin: CollateralCoinView) => {
    if (!wallet || !mine || !coin.ownerPuzzleHash || !mine.has(coin.ownerPuzzleHash) || !data) return null
    if (coin.lifecycle === 'released' || coin.lifecycle === 'pending' || !coin.counted) return null
    if (coin.releasing) return <span className="text-xs text-zinc-500">Release pending…</span>
    const allowed = canReleaseCollateral(coin)
    return (
      <Button
        size="sm"
        variant="secondary"
        disabled={!allowed || busy || releaseFeeMojos === undefined}
        data-testid="collateral-release"
        onClick={() => void action.prepareRelease(coin, { fee: releaseFeeMojos ?? 0n, lastBlockTimestamp: data.lastBlockTimestamp })}
      >
        {allowed ? 'Release to my wallet' : `Unlocks ${coin.unlockTime !== undefined ? formatUnixTime(coin.unlockTime) : 'later'}`}
      </Button>
    )
  }

  return (
    <Card className="space-y-5" data-testid="store-collateral">
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Collateral ($DIG)</h2>
        {data && wallet && !lockOpen && (
          <Button size="sm" onClick={() => setLockOpen(true)} data-testid="collateral-open-lock">
            Lock DIG
          </Button>
        )}
      </div>
      {isLoading && <p className="text-sm text-zinc-600 dark:text-zinc-400">Reading collateral from the chain…</p>}
      {error && (
        <p className="text-sm text-red-700 dark:text-red-400" role="alert">
          The collateral could not be read: {error.shortMessage} (this is a source error, not “no collateral”).
        </p>
      )}
      {data && (
        <>
          <CollateralSummary summary={data.summary} bytes={data.bytes} />
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{data.countingPolicy}</p>
          <CollateralCoinList coins={data.coins} lastBlockTimestamp={data.lastBlockTimestamp} action={releaseButton} />
          {wallet && mine && data.coins.some((c) => c.counted && c.lifecycle !== 'released' && c.ownerPuzzleHash && mine.has(c.ownerPuzzleHash)) && (
            <label className="flex items-center gap-2 text-sm">
              <span className="text-zinc-600 dark:text-zinc-400">Release fee (XCH mojos)</span>
              <input
                className="w-32 rounded-lg border border-zinc-300 bg-white px-2 py-1 font-mono dark:border-zinc-700 dark:bg-zinc-900"
                inputMode="numeric"
                value={releaseFee}
                onChange={(e) => setReleaseFee(e.target.value)}
                data-testid="release-fee"
              />
              {releaseFeeMojos !== undefined && releaseFeeMojos > env.feeWarnMojos && <span className="text-amber-700">above {env.feeWarnMojos.toString()} mojos</span>}
            </label>
          )}
          {showGateCheck && data.storeOwnerAddress && <CollateralGateCheck launcherId={launcherId} currentBytes={data.bytes} ownerAddress={data.storeOwnerAddress} />}
          {data.truncated && <p className="text-xs text-zinc-500">Showing the largest {data.coins.length} of {data.candidateCount} coins under this store’s hint.</p>}
        </>
      )}
      <DigBalance refreshMs={active ? 3_000 : 0} />
      {lockOpen && data && wallet && action.state.status === 'idle' && (
        <LockCollateralForm
          key={(defaultLockAmount ?? data.summary.shortfall).toString()}
          defaultAmount={defaultLockAmount ?? data.summary.shortfall}
          chainTime={data.lastBlockTimestamp}
          feeWarnMojos={env.feeWarnMojos}
          busy={busy}
          onSubmit={(request) => void action.prepareLock(request)}
        />
      )}
      <CollateralActionPanel state={action.state} network={env.network} onConfirm={() => void action.confirm()} onReset={action.reset} />
    </Card>
  )
}
