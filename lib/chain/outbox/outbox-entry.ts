/**
 * One intent in the persisted outbox (PRODUCT.md §3) and its life as a pure state machine:
 * queued → ready (built, shown decoded) → awaiting signature → signed → submitting →
 * submitted (tracked) → confirmed; with the detours the product promises: network failures
 * retried after 2 s / 4 s / 8 s then handed to the user, a store that moved on makes the entry
 * `stale` (its signed bundle is dropped: never broadcast stale), a wallet refusal keeps the
 * intent (`rejected`), 120 s without confirmation is `timed-out` (keep waiting or rebuild).
 * Entries are plain structured-clone data (bigint and Uint8Array included) for IndexedDB.
 */
import type { SpendBundle } from '@/lib/chia/primitives/coin-spend'
import type { TxState } from '@/lib/chain/tx-tracker'

import type { IntentAction } from './intent-action'

export type OutboxStatus =
  | 'queued'
  | 'ready'
  | 'awaiting-signature'
  | 'rejected'
  | 'signed'
  | 'submitting'
  | 'retry-wait'
  | 'retry-manual'
  | 'submitted'
  | 'timed-out'
  | 'stale'
  | 'failed'
  | 'confirmed'
  | 'cancelled'

export interface OutboxEntry {
  id: string
  /** Hex launcher id; for a mint it is known once the intent is built. */
  launcherId?: string
  action: IntentAction
  status: OutboxStatus
  createdAt: number
  updatedAt: number
  /** Hex id of the store coin the current build spends (detects "the store moved on"). */
  baseCoinId?: string
  /** Hex id of the store coin the build creates (tells our confirmation from someone else's). */
  expectedChildId?: string
  /** The signed bundle, kept only between signing and a successful push (retries reuse it). */
  spendBundle?: SpendBundle
  txId?: string
  tx?: TxState
  /** Failed submit attempts in the current round (network errors). */
  attempts: number
  nextAttemptAt?: number
  /** How many times the intent was rebuilt on a newer store state. */
  rebuilds: number
  error?: { code: string; message: string }
  /** Server-side intent id when the intent came from a tool (commit hook, CI). */
  toolIntentId?: string
}

export type OutboxEvent =
  | { type: 'built'; baseCoinId?: string; expectedChildId?: string; launcherId?: string; at: number }
  | { type: 'sign-requested'; at: number }
  | { type: 'sign-rejected'; code: string; message: string; at: number }
  | { type: 'signed'; spendBundle: SpendBundle; txId: string; at: number }
  | { type: 'submit-started'; at: number }
  | { type: 'submit-network-error'; message: string; at: number }
  | { type: 'tx'; tx: TxState; at: number }
  | { type: 'store-moved'; latestCoinId: string; at: number }
  | { type: 'keep-waiting'; at: number }
  | { type: 'manual-retry'; at: number }
  | { type: 'build-failed'; code: string; message: string; at: number }
  | { type: 'cancel'; at: number }

/** Automatic retries after a network failure: 2 s, 4 s, 8 s, then the user decides. */
export const RETRY_DELAYS_MS = [2_000, 4_000, 8_000] as const

/**
 * The wait before automatic retry number `failures` (1-based), or `undefined` when the retries
 * are used up and the user must retry by hand.
 *
 * @example
 * retryDelayMs(1) // 2000
 * retryDelayMs(4) // undefined
 */
export const retryDelayMs = (failures: number): number | undefined => RETRY_DELAYS_MS[failures - 1]

/** Entries that no longer hold the store's queue. @example isSettledStatus('confirmed') // true */
export const isSettledStatus = (s: OutboxStatus): boolean => s === 'confirmed' || s === 'cancelled'

/** Statuses in which the signed bundle has not reached the chain yet (safe to rebuild). */
const UNSENT: ReadonlySet<OutboxStatus> = new Set(['queued', 'ready', 'awaiting-signature', 'rejected', 'signed', 'retry-wait', 'retry-manual', 'stale'])

/** Whether nothing of this entry was broadcast yet. @example isUnsentStatus('signed') // true */
export const isUnsentStatus = (s: OutboxStatus): boolean => UNSENT.has(s)

/**
 * A new outbox entry, `queued` until it is built.
 *
 * @example
 * const entry = createOutboxEntry({ id: crypto.randomUUID(), action, launcherId, at: Date.now() })
 */
export function createOutboxEntry({ id, action, launcherId, at, toolIntentId }: { id: string; action: IntentAction; launcherId?: string; at: number; toolIntentId?: string }): OutboxEntry {
  return {
    id,
    action,
    status: 'queued',
    createdAt: at,
    updatedAt: at,
    attempts: 0,
    rebuilds: 0,
    ...(launcherId ? { launcherId } : {}),
    ...(toolIntentId ? { toolIntentId } : {}),
  }
}

function drop<K extends keyof OutboxEntry>(e: OutboxEntry, ...keys: K[]): OutboxEntry {
  const out = { ...e }
  for (const k of keys) delete out[k]
  return out
}

/**
 * Applies one event; events that make no sense in the current status leave the entry unchanged
 * (so a late poll or a double click cannot corrupt it).
 *
 * @example
 * entry = nextOutboxEntry(entry, { type: 'submit-network-error', message: 'fetch failed', at: now() })
 * entry.status // 'retry-wait', entry.nextAttemptAt === now + 2000
 */
export function nextOutboxEntry(e: OutboxEntry, ev: OutboxEvent): OutboxEntry {
  const at = ev.at
  const to = (status: OutboxStatus, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({ ...e, ...extra, status, updatedAt: at })
  if (e.status === 'cancelled' || e.status === 'confirmed') return e
  switch (ev.type) {
    case 'built': {
      if (!isUnsentStatus(e.status) && e.status !== 'failed' && e.status !== 'timed-out') return e
      // A rebuild on a newer store state (not a first build, nor a rebuild after a reload).
      const rebuilt = e.status === 'stale' || (e.baseCoinId !== undefined && ev.baseCoinId !== undefined && ev.baseCoinId !== e.baseCoinId)
      const base = drop(e, 'spendBundle', 'txId', 'tx', 'error', 'nextAttemptAt')
      return {
        ...base,
        status: 'ready',
        updatedAt: at,
        attempts: 0,
        rebuilds: e.rebuilds + (rebuilt ? 1 : 0),
        ...(ev.baseCoinId ? { baseCoinId: ev.baseCoinId } : {}),
        ...(ev.expectedChildId ? { expectedChildId: ev.expectedChildId } : {}),
        ...(ev.launcherId ? { launcherId: ev.launcherId } : {}),
      }
    }
    case 'build-failed':
      if (!isUnsentStatus(e.status) && e.status !== 'failed' && e.status !== 'timed-out') return e
      return { ...drop(e, 'spendBundle'), status: 'failed', updatedAt: at, error: { code: ev.code, message: ev.message } }
    case 'sign-requested':
      return e.status === 'ready' || e.status === 'rejected' ? to('awaiting-signature', { error: undefined }) : e
    case 'sign-rejected':
      return e.status === 'awaiting-signature' ? to('rejected', { error: { code: ev.code, message: ev.message } }) : e
    case 'signed':
      return e.status === 'awaiting-signature' ? to('signed', { spendBundle: ev.spendBundle, txId: ev.txId, error: undefined }) : e
    case 'submit-started':
      return e.status === 'signed' || e.status === 'retry-wait' || e.status === 'retry-manual' ? to('submitting', { nextAttemptAt: undefined }) : e
    case 'submit-network-error': {
      if (e.status !== 'submitting') return e
      const attempts = e.attempts + 1
      const delay = retryDelayMs(attempts)
      const error = { code: 'network', message: ev.message }
      return delay === undefined ? to('retry-manual', { attempts, error }) : to('retry-wait', { attempts, error, nextAttemptAt: at + delay })
    }
    case 'manual-retry':
      return e.status === 'retry-manual' ? to('signed', { attempts: 0, error: undefined }) : e
    case 'tx': {
      if (e.status !== 'submitting' && e.status !== 'submitted' && e.status !== 'timed-out') return e
      const tx = ev.tx
      switch (tx.status) {
        case 'confirmed':
          return drop(to('confirmed', { tx, error: undefined }), 'spendBundle')
        case 'failed':
          return drop(to('failed', { tx, error: { code: tx.code ?? 'failed', message: tx.reason } }), 'spendBundle')
        case 'timed-out':
          return to('timed-out', { tx })
        default:
          return to('submitted', { tx, error: undefined })
      }
    }
    case 'keep-waiting':
      return e.status === 'timed-out' ? to('submitted') : e
    case 'store-moved': {
      // Only what was never broadcast can be rebuilt; a submitted bundle is judged by its tracker.
      if (!isUnsentStatus(e.status) || e.status === 'queued' || e.status === 'stale') return e
      if (e.baseCoinId === ev.latestCoinId) return e
      return { ...drop(e, 'spendBundle', 'txId', 'nextAttemptAt'), status: 'stale', updatedAt: at, attempts: 0 }
    }
    case 'cancel':
      if (e.status === 'submitting' || e.status === 'submitted') return e
      return drop(to('cancelled'), 'spendBundle')
  }
}
