import type { ReactNode } from 'react'

import { shortHash } from '@/components/store/store-format'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import { COLLATERAL_LIFECYCLE_LABELS, type CollateralLifecycle } from '@/lib/chain/collateral/collateral-lifecycle'
import type { CollateralCoinView } from '@/lib/chain/collateral/store-collateral-view'

import { formatDig, formatUnixTime } from './dig-amount'

const LIFECYCLE_TONES: Record<CollateralLifecycle, BadgeTone> = { pending: 'info', active: 'brand', unlockable: 'warning', released: 'neutral' }

const REASONS: Record<string, string> = {
  parentMismatch: 'its parent record does not match',
  revealMismatch: 'its parent’s puzzle does not match the chain',
  parentNotCat: 'it was not created by a CAT (not DIG)',
  wrongAsset: 'it was created by another CAT, not DIG',
  parentRunFailed: 'its parent spend does not run',
  outputNotFound: 'its parent spend does not create it',
  hintMismatch: 'it is not hinted to this store',
  unknownPuzzle: 'its puzzle is neither DIG collateral nor a vault',
  nonStandardOwner: 'the locking coin was not a standard wallet (may be anyone-can-spend or stuck)',
  zeroAmount: 'its amount is zero',
  parentUnavailable: 'the node does not know its parent',
}

/** What kind of collateral a coin is, in words. */
export function collateralKindLabel(coin: Pick<CollateralCoinView, 'kind' | 'unlockTime'>): string {
  if (coin.kind === 'vault') return coin.unlockTime !== undefined ? `Time-locked until ${formatUnixTime(coin.unlockTime)}` : 'Time-locked'
  if (coin.kind === 'dig') return 'DIG format — withdrawable at any time'
  return 'Unknown'
}

/** Age of a coin from its block timestamp, relative to the latest block. */
function age(coin: CollateralCoinView, lastBlockTimestamp: bigint): string | undefined {
  if (coin.timestamp === undefined) return undefined
  const s = Number(lastBlockTimestamp - coin.timestamp)
  if (s < 120) return 'just now'
  if (s < 7200) return `${Math.round(s / 60)} min ago`
  if (s < 172_800) return `${Math.round(s / 3600)} h ago`
  return `${Math.round(s / 86_400)} days ago`
}

/**
 * Every collateral coin of a store: kind, amount, locker, age or unlock date, lifecycle, and why a
 * coin is not counted. `action` renders per-coin controls (the release button) when given.
 * Works in server and client components (no hooks).
 */
export function CollateralCoinList({
  coins,
  lastBlockTimestamp,
  action,
  emptyText = 'No collateral is locked for this store.',
}: {
  coins: readonly CollateralCoinView[]
  lastBlockTimestamp: bigint
  action?: (coin: CollateralCoinView) => ReactNode
  emptyText?: string
}) {
  if (coins.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="collateral-empty">{emptyText}</p>
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="collateral-coins">
      {coins.map((c) => (
        <li key={c.coinId} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="collateral-coin" data-coin-id={c.coinId} data-lifecycle={c.lifecycle} data-kind={c.kind}>
          <div className="min-w-0 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono font-semibold">{formatDig(c.amount)} DIG</span>
              <Badge tone={LIFECYCLE_TONES[c.lifecycle]} data-testid="collateral-lifecycle">
                {COLLATERAL_LIFECYCLE_LABELS[c.lifecycle]}
                {c.releasing ? ' · releasing' : ''}
              </Badge>
              {c.lifecycle !== 'pending' && !c.counted && <Badge tone="danger">Not counted</Badge>}
              {c.lockedByStoreOwner && <Badge tone="info">Store owner</Badge>}
            </div>
            <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="collateral-kind">
              {collateralKindLabel(c)}
            </p>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              {c.ownerAddress ? <>Locked by <span className="font-mono break-all">{c.ownerAddress}</span></> : 'Locker unknown'}
              {c.confirmedHeight !== undefined && <> · height {c.confirmedHeight}</>}
              {age(c, lastBlockTimestamp) && <> · {age(c, lastBlockTimestamp)}</>}
              {c.spentHeight !== undefined && <> · released at height {c.spentHeight}</>}
              <> · coin <span className="font-mono">{shortHash(c.coinId)}</span></>
            </p>
            {c.lifecycle !== 'pending' && !c.counted && c.reason && (
              <p className="text-xs text-red-700 dark:text-red-400">Not counted: {REASONS[c.reason] ?? c.reason}.</p>
            )}
          </div>
          {action && <div className="shrink-0">{action(c)}</div>}
        </li>
      ))}
    </ul>
  )
}
