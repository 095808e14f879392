/**
 * Per-store sync status (PRODUCT.md §3): In sync · Pending update · Syncing · Failed (reason) ·
 * Conflicted · Unknown — derived, never stored, from what the chain says now and what the outbox
 * wants, each with the one action that resolves it.
 */
import { bytesToHex } from '@/lib/chia/primitives/bytes'

import { isSettledStatus, type OutboxEntry } from './outbox-entry'
import { pendingEntries } from './outbox-queue'

export type SyncStatusKind = 'in-sync' | 'pending' | 'syncing' | 'failed' | 'conflicted' | 'unknown'

export type SyncAction = 'review' | 'retry' | 'rebuild' | 'keep-waiting' | 'reload' | 'none'

export interface SyncStatus {
  kind: SyncStatusKind
  label: string
  /** One sentence for the user: what is going on. */
  detail: string
  action: SyncAction
  /** The outbox entry the action applies to. */
  entryId?: string
}

export type ChainSnapshot =
  | { kind: 'unknown'; reason?: string }
  | { kind: 'loading' }
  | { kind: 'ok'; tipCoinId: string; rootHash: string; melted: boolean; pendingOnChain: boolean }

export const SYNC_STATUS_LABELS: Record<SyncStatusKind, string> = {
  'in-sync': 'In sync',
  pending: 'Pending update',
  syncing: 'Syncing',
  failed: 'Failed',
  conflicted: 'Conflicted',
  unknown: 'Unknown',
}

const status = (kind: SyncStatusKind, detail: string, action: SyncAction, entryId?: string): SyncStatus => ({
  kind,
  label: SYNC_STATUS_LABELS[kind],
  detail,
  action,
  ...(entryId ? { entryId } : {}),
})

const desiredRoot = (e: OutboxEntry): string | undefined =>
  (e.action.kind === 'update' || e.action.kind === 'mint') && e.action.rootHash ? `0x${bytesToHex(e.action.rootHash)}` : undefined

/**
 * The status of one store.
 *
 * @example
 * storeSyncStatus({ kind: 'ok', tipCoinId, rootHash, melted: false, pendingOnChain: false }, entriesOfStore, 0).label // 'In sync'
 */
export function storeSyncStatus(chain: ChainSnapshot, entries: readonly OutboxEntry[], toolIntents = 0, launcherId?: string): SyncStatus {
  const mine = launcherId ? pendingEntries(entries, launcherId) : entries.filter((e) => !isSettledStatus(e.status))
  const head = mine[0]
  if (chain.kind === 'loading') return status('unknown', 'Reading the store from the chain…', 'none')
  if (chain.kind === 'unknown') return status('unknown', chain.reason ?? 'The chain could not be reached.', 'reload')
  if (head) {
    switch (head.status) {
      case 'failed':
        return status('failed', head.error?.message ?? 'The last transaction failed.', 'rebuild', head.id)
      case 'stale': {
        const want = desiredRoot(head)
        if (want && want.toLowerCase() === chain.rootHash.toLowerCase()) {
          return status('in-sync', 'The chain already has the root you wanted; this intent can be dismissed.', 'none', head.id)
        }
        return status('conflicted', 'Someone else changed the store since your update was built. Review it on the latest state.', 'rebuild', head.id)
      }
      case 'submitting':
      case 'submitted':
        return status('syncing', 'Your transaction is on its way; Chia transaction blocks come about once a minute.', 'none', head.id)
      case 'retry-wait':
        return status('syncing', 'The network failed; retrying automatically.', 'none', head.id)
      case 'retry-manual':
        return status('pending', 'Sending failed three times; retry when the network is back.', 'retry', head.id)
      case 'timed-out':
        return status('pending', 'Not confirmed after 2 minutes. Keep waiting, or rebuild with a higher fee.', 'keep-waiting', head.id)
      default:
        return status('pending', mine.length > 1 ? `${mine.length} updates wait for your signature, one at a time.` : 'An update waits for your signature.', 'review', head.id)
    }
  }
  if (toolIntents > 0) return status('pending', `${toolIntents} update${toolIntents > 1 ? 's' : ''} from your tools wait${toolIntents > 1 ? '' : 's'} for your signature.`, 'review')
  if (chain.melted) return status('in-sync', 'This store was melted.', 'none')
  if (chain.pendingOnChain) return status('syncing', 'A transaction for this store is in the mempool.', 'none')
  return status('in-sync', 'The chain matches your last update.', 'none')
}
