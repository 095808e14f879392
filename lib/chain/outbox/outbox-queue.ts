/**
 * One store advances one generation per confirmation, so its intents run one at a time, oldest
 * first: the head of a store's queue is the only entry that may be built, signed or submitted.
 */
import { isSettledStatus, type OutboxEntry } from './outbox-entry'

/**
 * The entry that currently holds `launcherId`'s queue, if any.
 * @example headOfQueue(entries, launcherId)?.id
 */
export function headOfQueue(entries: readonly OutboxEntry[], launcherId: string): OutboxEntry | undefined {
  return pendingEntries(entries, launcherId)[0]
}

/**
 * Whether `entry` must wait for an earlier intent on the same store to confirm.
 * @example isWaitingBehind(second, entries) // true until the first confirms
 */
export function isWaitingBehind(entry: OutboxEntry, entries: readonly OutboxEntry[]): boolean {
  if (!entry.launcherId || isSettledStatus(entry.status)) return false
  const head = headOfQueue(entries, entry.launcherId)
  return head !== undefined && head.id !== entry.id
}

/**
 * The unsettled entries of a store, oldest first (ties by id, so the first is `headOfQueue`).
 * @example pendingEntries(entries, launcherId).length
 */
export function pendingEntries(entries: readonly OutboxEntry[], launcherId: string): OutboxEntry[] {
  return entries
    .filter((e) => e.launcherId === launcherId && !isSettledStatus(e.status))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}
