'use client'

import { useEffect, useState } from 'react'

import type { OutboxEntry } from '@/lib/chain/outbox/outbox-entry'

type Step = { key: string; label: string }

const STEPS: Step[] = [
  { key: 'built', label: 'Built' },
  { key: 'signature', label: 'Awaiting signature' },
  { key: 'submitted', label: 'Submitted' },
  { key: 'mempool', label: 'In mempool' },
  { key: 'confirmed', label: 'Confirmed' },
]

function reached(entry: OutboxEntry): number {
  switch (entry.status) {
    case 'queued':
    case 'stale':
      return -1
    case 'ready':
    case 'rejected':
      return 0
    case 'awaiting-signature':
      return 1
    case 'signed':
    case 'submitting':
    case 'retry-wait':
    case 'retry-manual':
      return 2
    case 'submitted':
    case 'timed-out':
      return entry.tx?.status === 'in-mempool' || entry.tx?.status === 'timed-out' ? 3 : 2
    case 'confirmed':
      return 4
    default:
      return entry.tx ? 3 : 1
  }
}

function useNow(active: boolean) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const t = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(t)
  }, [active])
  return now
}

/** The live progress of one action, from build to confirmation, with honest timing copy. */
export function TxTracker({ entry }: { entry: OutboxEntry }) {
  const at = reached(entry)
  const waiting = entry.status === 'submitted' || entry.status === 'submitting' || entry.status === 'retry-wait'
  const now = useNow(waiting)
  const since = entry.tx?.submittedAt ?? entry.updatedAt
  const seconds = Math.max(0, Math.round((now - since) / 1000))
  const failed = entry.status === 'failed'
  return (
    <div className="space-y-3" data-testid="tx-tracker" data-status={entry.status}>
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-2 text-xs">
        {STEPS.map((s, i) => {
          const done = i <= at
          const current = i === at + 1 && !failed && entry.status !== 'confirmed'
          return (
            <li key={s.key} className="flex items-center gap-2" data-testid={`tracker-step-${s.key}`} data-done={done}>
              <span
                className={
                  done
                    ? 'flex size-5 items-center justify-center rounded-full bg-brand-600 text-[10px] text-white dark:bg-brand-400 dark:text-brand-950'
                    : current
                      ? 'flex size-5 animate-pulse items-center justify-center rounded-full border-2 border-brand-500'
                      : 'flex size-5 items-center justify-center rounded-full border border-zinc-300 dark:border-zinc-700'
                }
                aria-hidden="true"
              >
                {done ? '✓' : ''}
              </span>
              <span className={done ? 'font-medium text-zinc-900 dark:text-zinc-100' : 'text-zinc-500'}>
                {s.label}
                {s.key === 'confirmed' && entry.tx?.status === 'confirmed' ? ` · height ${entry.tx.height.toLocaleString('en-US')}, depth ${entry.tx.depth}` : ''}
              </span>
              {i < STEPS.length - 1 && <span className="hidden h-px w-6 bg-zinc-300 sm:block dark:bg-zinc-700" aria-hidden="true" />}
            </li>
          )
        })}
      </ol>
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="tracker-copy">
        {entry.status === 'confirmed'
          ? 'Confirmed on chain. The store page shows the new state.'
          : entry.status === 'submitted'
            ? `In the mempool for ${seconds} s. Chia makes a transaction block about every 52 seconds, so confirmation usually takes one to two minutes; we give up waiting after 2 minutes and let you decide.`
            : entry.status === 'retry-wait'
              ? `The network failed (${entry.error?.message ?? 'no answer'}). Retrying in ${Math.max(0, Math.round(((entry.nextAttemptAt ?? now) - now) / 1000))} s (attempt ${entry.attempts} of 3).`
              : entry.status === 'retry-manual'
                ? `Sending failed after 3 automatic retries: ${entry.error?.message ?? 'no answer'}. Your signed transaction is kept; retry when you are back online.`
                : entry.status === 'timed-out'
                  ? 'Still pending after 2 minutes. It may confirm in a later block; keep waiting, or rebuild it with a higher fee.'
                  : entry.status === 'awaiting-signature'
                    ? 'Waiting for your wallet. Check it for a signing request.'
                    : entry.status === 'submitting'
                      ? 'Sending to the network…'
                      : failed
                        ? `Failed: ${entry.error?.message ?? 'unknown reason'}`
                        : ''}
      </p>
    </div>
  )
}
