'use client'

import { useEffect, useRef } from 'react'

import { Button } from '@/components/ui/button'
import type { UseOutbox } from '@/hooks/use-outbox'
import { INTENT_KIND_LABELS } from '@/lib/chain/outbox/intent-action'
import { isWaitingBehind } from '@/lib/chain/outbox/outbox-queue'
import type { NetworkName } from '@/lib/chia/primitives/network'

import { PreviewPanel } from './preview-panel'
import { TxTracker } from './tx-tracker'
import { XchFundingNotice } from './xch-funding-notice'

const Notice = ({ tone, children, testId }: { tone: 'info' | 'warning' | 'danger'; children: React.ReactNode; testId?: string }) => (
  <div
    role={tone === 'danger' ? 'alert' : 'status'}
    data-testid={testId}
    className={
      tone === 'danger'
        ? 'rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200'
        : tone === 'warning'
          ? 'rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200'
          : 'rounded-lg border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-200'
    }
  >
    {children}
  </div>
)

/** How long a confirmed card stays before it dismisses itself (long enough to read; Done is still there). */
export const CONFIRMED_DISMISS_MS = 8_000

/**
 * One action on its way through the pipeline: build → decoded preview → sign → submit → track.
 * Every state offers the action that moves it on (sign, retry, keep waiting, rebuild, dismiss).
 */
export function ActionPipeline({ entryId, outbox, network, feeWarnMojos, canSign }: { entryId: string; outbox: UseOutbox; network: NetworkName; feeWarnMojos: bigint; canSign: boolean }) {
  const entry = outbox.entries.find((e) => e.id === entryId)
  const confirmed = entry?.status === 'confirmed'
  // `outbox` is a new object on every render; keep the timer from restarting with it.
  const dismiss = useRef(outbox.dismiss)
  useEffect(() => {
    dismiss.current = outbox.dismiss
  })
  useEffect(() => {
    if (!confirmed) return
    const t = setTimeout(() => void dismiss.current(entryId), CONFIRMED_DISMISS_MS)
    return () => clearTimeout(t)
  }, [confirmed, entryId])
  if (!entry) return null
  const prepared = outbox.prepared(entryId)
  const behind = isWaitingBehind(entry, outbox.entries)
  const s = entry.status
  const showPreview = prepared && (s === 'ready' || s === 'rejected' || s === 'awaiting-signature')
  const bumpFee = entry.action.fee === 0n ? 1_000_000n : entry.action.fee * 2n

  return (
    <section className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800" data-testid="action-pipeline" data-entry-id={entry.id} data-status={s}>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">{INTENT_KIND_LABELS[entry.action.kind]}</h3>
        {entry.rebuilds > 0 && s === 'ready' && <span className="text-xs text-zinc-500">rebuilt {entry.rebuilds}×</span>}
      </header>

      {behind && <Notice tone="info" testId="pipeline-queued">Waiting for the previous update of this store to confirm. A store moves one step per block, so this one is built right after.</Notice>}
      {!behind && (s === 'queued' || s === 'stale' || ((s === 'ready' || s === 'rejected') && !prepared)) && (
        <Notice tone={s === 'stale' ? 'warning' : 'info'} testId="pipeline-building">
          {s === 'stale' || entry.rebuilds > 0 ? 'The store moved on since this was built. Rebuilding it on the latest state…' : 'Building the transaction and running it locally…'}
        </Notice>
      )}
      {s === 'ready' && entry.rebuilds > 0 && prepared && (
        <Notice tone="warning" testId="pipeline-rebuilt">
          The store changed on chain, so this action was rebuilt on its latest state. Nothing was sent. Review it again before signing.
        </Notice>
      )}
      {s === 'rejected' && <Notice tone="danger" testId="pipeline-rejected">Not signed: {entry.error?.message}. Your changes are kept; sign again when ready.</Notice>}
      {s === 'failed' && (
        <Notice tone="danger" testId="pipeline-failed">
          {entry.error?.message ?? 'The action failed.'}
        </Notice>
      )}
      {s === 'failed' && entry.error?.code === 'NotEnoughXchError' && <XchFundingNotice force onFunded={() => outbox.rebuild(entry.id)} />}

      {showPreview && <PreviewPanel prepared={prepared} network={network} feeWarnMojos={feeWarnMojos} />}
      {s !== 'queued' && s !== 'stale' && s !== 'ready' && s !== 'rejected' && s !== 'failed' && s !== 'cancelled' && <TxTracker entry={entry} />}

      <div className="flex flex-wrap gap-2">
        {(s === 'ready' || s === 'rejected') && prepared && (
          <Button onClick={() => void outbox.sign(entry.id)} disabled={!canSign} data-testid="pipeline-sign">
            {s === 'rejected' ? 'Sign again' : 'Sign with wallet'}
          </Button>
        )}
        {s === 'retry-manual' && (
          <Button onClick={() => void outbox.retry(entry.id)} data-testid="pipeline-retry">
            Retry now
          </Button>
        )}
        {s === 'timed-out' && (
          <>
            <Button onClick={() => void outbox.keepWaiting(entry.id)} data-testid="pipeline-keep-waiting">
              Keep waiting
            </Button>
            <Button variant="secondary" onClick={() => void outbox.rebuild(entry.id, bumpFee)} data-testid="pipeline-bump-fee">
              Rebuild with a higher fee
            </Button>
          </>
        )}
        {s === 'failed' && (
          <Button onClick={() => void outbox.rebuild(entry.id)} data-testid="pipeline-rebuild">
            Rebuild on the latest state
          </Button>
        )}
        {(s === 'queued' || s === 'ready' || s === 'rejected' || s === 'failed' || s === 'stale' || s === 'retry-manual' || s === 'timed-out') && (
          <Button variant="ghost" onClick={() => void outbox.cancel(entry.id)} data-testid="pipeline-cancel">
            Discard
          </Button>
        )}
        {(s === 'confirmed' || s === 'cancelled') && (
          <Button variant="secondary" onClick={() => void outbox.dismiss(entry.id)} data-testid="pipeline-dismiss">
            Done
          </Button>
        )}
        {s === 'confirmed' && <span className="self-center text-xs text-zinc-500">Closes by itself in a few seconds.</span>}
      </div>
      {!canSign && (s === 'ready' || s === 'rejected') && <p className="text-xs text-zinc-500">Connect the wallet that holds the key to sign.</p>}
    </section>
  )
}
