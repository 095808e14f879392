/**
 * The life of a submitted spend bundle as a pure state machine (PRODUCT.md §3): submitted →
 * in mempool → confirmed (with depth), or failed (with the node's reason), or timed out ("still
 * pending": the caller may keep waiting or rebuild with a higher fee). The poller in
 * `watch-transaction.ts` feeds it observations; the UI renders the state.
 */

export type TxState =
  | { status: 'submitted'; txId: string; submittedAt: number }
  | { status: 'in-mempool'; txId: string; submittedAt: number }
  | { status: 'confirmed'; txId: string; submittedAt: number; height: number; depth: number }
  | { status: 'failed'; txId: string; submittedAt: number; reason: string; code?: string }
  | { status: 'timed-out'; txId: string; submittedAt: number; inMempool: boolean }

export type TxEvent =
  /** `push_tx` answered; PENDING means accepted but waiting (time lock or conflict). */
  | { type: 'pushed'; status: 'SUCCESS' | 'PENDING'; at: number }
  | { type: 'push-failed'; reason: string; code?: string; at: number }
  /**
   * What the chain says now. `spentHeight`: the watched coin's spent height (0 = unspent);
   * `childConfirmed`: whether the expected child exists (undefined when not checked).
   */
  | { type: 'observed'; inMempool: boolean; spentHeight: number; childConfirmed?: boolean; peakHeight: number; at: number }

export type TxTrackerOptions = { timeoutMs: number }

/** Reasons Chia gives in `push_tx` errors (`chia/util/errors.py`), phrased for people. */
const REASONS: Record<string, string> = {
  DOUBLE_SPEND: 'A coin in this transaction was already spent.',
  UNKNOWN_UNSPENT: 'A coin in this transaction does not exist yet or was already spent; wait for the previous update to confirm.',
  MEMPOOL_CONFLICT: 'Another pending transaction spends the same coin.',
  INVALID_FEE_LOW_FEE: 'The fee is too low for the current mempool.',
  INVALID_FEE_TOO_CLOSE_TO_ZERO: 'The mempool is full and needs a fee.',
  BAD_AGGREGATE_SIGNATURE: 'The signature does not match the transaction.',
  WRONG_PUZZLE_HASH: 'The transaction does not match the coin it spends.',
}

/** A clear message for a Chia error code, or the node's own text. @example txFailureReason('DOUBLE_SPEND', '…') */
export const txFailureReason = (code: string | undefined, fallback: string): string =>
  (code && REASONS[code]) || fallback

/**
 * The initial state right after signing and sending.
 *
 * @example
 * let state = initialTxState(txId, Date.now())
 */
export const initialTxState = (txId: string, submittedAt: number): TxState => ({ status: 'submitted', txId, submittedAt })

/** Whether the state is final (no more polling needed). @example isTxSettled(state) */
export const isTxSettled = (s: TxState): boolean => s.status === 'confirmed' || s.status === 'failed'

/**
 * Applies one event. Confirmed states keep updating their depth; failures are final.
 *
 * @example
 * state = nextTxState(state, { type: 'observed', inMempool: true, spentHeight: 0, peakHeight: 10, at: Date.now() }, { timeoutMs: 120_000 })
 */
export function nextTxState(state: TxState, event: TxEvent, { timeoutMs }: TxTrackerOptions): TxState {
  const base = { txId: state.txId, submittedAt: state.submittedAt }
  if (state.status === 'failed') return state
  switch (event.type) {
    case 'pushed':
      if (state.status !== 'submitted') return state
      return { ...base, status: 'in-mempool' }
    case 'push-failed':
      if (state.status === 'confirmed') return state
      return { ...base, status: 'failed', reason: txFailureReason(event.code, event.reason), code: event.code }
    case 'observed': {
      if (event.spentHeight > 0) {
        if (event.childConfirmed === false) {
          return { ...base, status: 'failed', reason: 'The coin was spent by a different transaction (the store moved on).', code: 'REPLACED' }
        }
        return { ...base, status: 'confirmed', height: event.spentHeight, depth: Math.max(1, event.peakHeight - event.spentHeight + 1) }
      }
      if (state.status === 'confirmed') {
        // The block that confirmed it was reorged away: back to waiting.
        return { ...base, status: event.inMempool ? 'in-mempool' : 'submitted' }
      }
      if (event.at - state.submittedAt >= timeoutMs) return { ...base, status: 'timed-out', inMempool: event.inMempool }
      if (event.inMempool) return { ...base, status: 'in-mempool' }
      if (state.status === 'in-mempool' || state.status === 'timed-out') {
        // Left the mempool without being confirmed: evicted or replaced.
        return { ...base, status: 'failed', reason: 'The transaction left the mempool without confirming; rebuild it (maybe with a higher fee).', code: 'DROPPED' }
      }
      return state
    }
  }
}
