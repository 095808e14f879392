/**
 * Sends a signed outbox entry (PRODUCT.md §3): before every attempt the store's tip is checked —
 * if it moved, the entry becomes `stale` and nothing is broadcast; a network failure is retried
 * after 2 s, 4 s and 8 s, then left for a manual retry; the node's own refusal (double spend, low
 * fee…) is final for this build. Every step is saved before the next one starts, so a reload
 * resumes where it stopped. Clock and sleep are injected.
 */
import { RpcHttpError } from '@/lib/chain/http-rpc-call'
import type { TxState } from '@/lib/chain/tx-tracker'
import type { SpendBundle } from '@/lib/chia/primitives/coin-spend'
import { AppError } from '@/lib/chia/errors/app-error'

import { nextOutboxEntry, type OutboxEntry, type OutboxEvent } from './outbox-entry'

export interface SubmitDeps {
  save(entry: OutboxEntry): Promise<void>
  /** `push_tx` through the proxy: resolves with the first tracker state, throws on transport failure. */
  push(spendBundle: SpendBundle): Promise<TxState>
  /** The store's unspent tip coin id (hex, no prefix), or `undefined` for a mint / a melted store. */
  currentTipCoinId(): Promise<string | undefined>
  now(): number
  sleep(ms: number): Promise<void>
  onChange?(entry: OutboxEntry): void
}

/**
 * Whether an error means "the request may not have arrived" (retry) rather than "the node said no".
 * @example isNetworkFailure(new TypeError('fetch failed')) // true
 */
export function isNetworkFailure(e: unknown): boolean {
  if (e instanceof RpcHttpError) return e.status >= 500 || e.status === 429 || e.status === 408
  if (e instanceof AppError) return false
  return e instanceof TypeError || (e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError'))
}

const messageOf = (e: unknown) => (e instanceof AppError ? e.shortMessage : e instanceof Error ? e.message : 'The request failed.')

/**
 * Runs the submit phase of `entry` (status `signed`, `retry-wait` or `retry-manual`) until it is
 * submitted, failed, stale or waiting for a manual retry; returns the saved entry.
 *
 * @example
 * entry = await submitOutboxEntry(entry, { save, push: (b) => submitSpendBundle(client, b, Date.now).then((r) => r.state), currentTipCoinId, now: Date.now, sleep })
 */
export async function submitOutboxEntry(start: OutboxEntry, deps: SubmitDeps): Promise<OutboxEntry> {
  let entry = start
  const apply = async (ev: OutboxEvent) => {
    const next = nextOutboxEntry(entry, ev)
    if (next !== entry) {
      entry = next
      await deps.save(entry)
      deps.onChange?.(entry)
    }
  }
  if (entry.status === 'retry-manual') await apply({ type: 'manual-retry', at: deps.now() })
  for (;;) {
    if (entry.status === 'retry-wait') {
      const wait = (entry.nextAttemptAt ?? 0) - deps.now()
      if (wait > 0) await deps.sleep(wait)
    } else if (entry.status !== 'signed') {
      return entry
    }
    if (!entry.spendBundle) return entry
    let tip: string | undefined
    try {
      tip = await deps.currentTipCoinId()
    } catch (e) {
      if (!isNetworkFailure(e)) throw e
      await apply({ type: 'submit-started', at: deps.now() })
      await apply({ type: 'submit-network-error', message: messageOf(e), at: deps.now() })
      continue
    }
    if (entry.baseCoinId && tip !== entry.baseCoinId) {
      await apply({ type: 'store-moved', latestCoinId: tip ?? 'melted', at: deps.now() })
      return entry
    }
    const bundle = entry.spendBundle
    await apply({ type: 'submit-started', at: deps.now() })
    try {
      const tx = await deps.push(bundle)
      await apply({ type: 'tx', tx, at: deps.now() })
      return entry
    } catch (e) {
      if (!isNetworkFailure(e)) {
        await apply({ type: 'tx', tx: { status: 'failed', txId: entry.txId ?? '', submittedAt: deps.now(), reason: messageOf(e), code: 'SUBMIT_ERROR' }, at: deps.now() })
        return entry
      }
      await apply({ type: 'submit-network-error', message: messageOf(e), at: deps.now() })
      if ((entry.status as OutboxEntry['status']) === 'retry-manual') return entry
    }
  }
}
