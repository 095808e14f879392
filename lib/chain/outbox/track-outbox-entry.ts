/**
 * Follows a submitted outbox entry to confirmation. Like `watchTransaction`, but tolerant of the
 * race every poller of a fast chain meets: the block that confirms the bundle can land between
 * the coin-record read and the mempool read, so "gone from the mempool, coin unspent" is only
 * believed when seen on two polls at least `dropGraceMs` apart (and the mempool is asked first).
 * Clock and sleep are injected; the tracker state machine is lib/chain's `nextTxState`.
 */
import { hexToBytes32 } from '@/lib/chia/primitives/bytes'
import type { ChainClient } from '@/lib/chain/rpc-client'
import { nextTxState, type TxState } from '@/lib/chain/tx-tracker'

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
  let state = initial
  let absentSince: number | undefined
  for (;;) {
    if (deps.signal?.aborted) return state
    // Mempool first: if the bundle left it because a block confirmed it, the coin read that
    // follows sees the spend.
    const inMempool = (await client.getMempoolItemByTxId(hexToBytes32(target.txId))) !== undefined
    const [record, chainState] = await Promise.all([client.getCoinRecordByName(hexToBytes32(target.spentCoinId)), client.getBlockchainState()])
    const spentHeight = record?.spentBlockIndex ?? 0
    const childConfirmed =
      spentHeight > 0 && target.expectedChildId ? (await client.getCoinRecordByName(hexToBytes32(target.expectedChildId))) !== undefined : undefined
    const at = now()
    let observedInMempool = inMempool
    if (!inMempool && spentHeight === 0) {
      absentSince ??= at
      // Not yet believed: report it as still pending.
      if (at - absentSince < dropGraceMs) observedInMempool = state.status === 'in-mempool' || state.status === 'timed-out'
    } else absentSince = undefined
    const next = nextTxState(state, { type: 'observed', inMempool: observedInMempool, spentHeight, childConfirmed, peakHeight: chainState.peak?.height ?? 0, at }, { timeoutMs })
    if (stateKey(next) !== stateKey(state)) await deps.onState(next)
    state = next
    if (state.status === 'failed' || state.status === 'timed-out' || state.status === 'confirmed') return state
    await sleep(intervalMs)
  }
}
