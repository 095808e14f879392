/**
 * Follows a submitted outbox entry to confirmation. Like `watchTransaction`, but tolerant of the
 * race every poller of a fast chain meets: the block that confirms the bundle can land between
 * the coin-record read and the mempool read, so "gone from the mempool, coin unspent" is only
 * believed when seen on two polls at least `dropGraceMs` apart (and the mempool is asked first).
 * Clock and sleep are injected; each poll is `observeTransaction`, and the tracker state machine
 * is lib/chain's `nextTxState`.
 */
import { hexToBytes32 } from '@/lib/chia/primitives/bytes'
import type { ChainClient } from '@/lib/chain/rpc-client'
import { nextTxState, type TxState } from '@/lib/chain/tx-tracker'
import { observeTransaction, type WatchTarget } from '@/lib/chain/watch-transaction'

const stateKey = (s: TxState) => JSON.stringify(Object.entries(s).sort(([a], [b]) => a.localeCompare(b)))

export interface TrackDeps {
  client: Pick<ChainClient, 'getCoinRecordByName' | 'getMempoolItemByTxId' | 'getBlockchainState'>
  now(): number
  sleep(ms: number): Promise<void>
  onState(state: TxState): void | Promise<void>
  intervalMs?: number
  timeoutMs?: number
  dropGraceMs?: number
  signal?: AbortSignal
}

export interface TrackTarget {
  /** Hex ids (no prefix). */
  txId: string
  spentCoinId: string
  expectedChildId?: string
}

/**
 * Polls until confirmed, failed, timed out or aborted; returns the last state.
 *
 * @example
 * const final = await trackOutboxEntry({ txId, spentCoinId, expectedChildId }, initial, { client, now: Date.now, sleep, onState })
 */
export async function trackOutboxEntry(target: TrackTarget, initial: TxState, deps: TrackDeps): Promise<TxState> {
  const { client, now, sleep, intervalMs = 2_000, timeoutMs = 120_000, dropGraceMs = 8_000 } = deps
  const watched: WatchTarget = {
    txId: hexToBytes32(target.txId),
    spentCoinId: hexToBytes32(target.spentCoinId),
    ...(target.expectedChildId ? { expectedChildId: hexToBytes32(target.expectedChildId) } : {}),
  }
  let state = initial
  let absentSince: number | undefined
  for (;;) {
    if (deps.signal?.aborted) return state
    const observed = await observeTransaction(client, watched, now)
    const { inMempool, spentHeight, at } = observed
    let observedInMempool = inMempool
    if (!inMempool && spentHeight === 0) {
      absentSince ??= at
      // Not yet believed: report it as still pending.
      if (at - absentSince < dropGraceMs) observedInMempool = state.status === 'in-mempool' || state.status === 'timed-out'
    } else absentSince = undefined
    const next = nextTxState(state, { ...observed, inMempool: observedInMempool }, { timeoutMs })
    if (stateKey(next) !== stateKey(state)) await deps.onState(next)
    state = next
    if (state.status === 'failed' || state.status === 'timed-out' || state.status === 'confirmed') return state
    await sleep(intervalMs)
  }
}
