import { describe, expect, it } from 'vitest'

import { initialTxState, isTxSettled, nextTxState, type TxState } from '@/lib/chain/tx-tracker'

const o = { timeoutMs: 120_000 }
const seen = (over: Partial<{ inMempool: boolean; spentHeight: number; childConfirmed: boolean; peakHeight: number; at: number }> = {}) => ({
  type: 'observed' as const,
  inMempool: false,
  spentHeight: 0,
  peakHeight: 100,
  at: 1_000,
  ...over,
})

describe('tx tracker state machine', () => {
  const start = initialTxState('ab', 0)

  it('submitted → in mempool → confirmed with depth growing', () => {
    let s: TxState = nextTxState(start, { type: 'pushed', status: 'SUCCESS', at: 1 }, o)
    expect(s.status).toBe('in-mempool')
    s = nextTxState(s, seen({ inMempool: true }), o)
    expect(s.status).toBe('in-mempool')
    s = nextTxState(s, seen({ spentHeight: 100, peakHeight: 100, childConfirmed: true }), o)
    expect(s).toMatchObject({ status: 'confirmed', height: 100, depth: 1 })
    expect(isTxSettled(s)).toBe(true)
    s = nextTxState(s, seen({ spentHeight: 100, peakHeight: 105 }), o)
    expect(s).toMatchObject({ status: 'confirmed', depth: 6 })
  })

  it('push failures become failed with a readable reason and the code', () => {
    const s = nextTxState(start, { type: 'push-failed', reason: 'Failed to include transaction, error DOUBLE_SPEND', code: 'DOUBLE_SPEND', at: 1 }, o)
    expect(s).toMatchObject({ status: 'failed', code: 'DOUBLE_SPEND', reason: 'A coin in this transaction was already spent.' })
    expect(nextTxState(s, seen({ spentHeight: 5 }), o)).toBe(s) // failure is final
  })

  it('unknown codes keep the node text', () => {
    const s = nextTxState(start, { type: 'push-failed', reason: 'error ASSERT_HEIGHT_ABSOLUTE_FAILED', code: 'ASSERT_HEIGHT_ABSOLUTE_FAILED', at: 1 }, o)
    expect(s).toMatchObject({ status: 'failed', reason: 'error ASSERT_HEIGHT_ABSOLUTE_FAILED' })
  })

  it('a spend by someone else is a failure, not a confirmation', () => {
    const s = nextTxState(start, seen({ spentHeight: 50, childConfirmed: false }), o)
    expect(s).toMatchObject({ status: 'failed', code: 'REPLACED' })
  })

  it('leaving the mempool without confirming is reported as dropped', () => {
    const inPool = nextTxState(start, seen({ inMempool: true }), o)
    expect(nextTxState(inPool, seen({ inMempool: false }), o)).toMatchObject({ status: 'failed', code: 'DROPPED' })
    // Never seen in the mempool yet (propagation): still just submitted.
    expect(nextTxState(start, seen({ inMempool: false }), o).status).toBe('submitted')
  })

  it('times out as "still pending" after timeoutMs', () => {
    const s = nextTxState(start, seen({ inMempool: true, at: 120_000 }), o)
    expect(s).toMatchObject({ status: 'timed-out', inMempool: true })
    expect(isTxSettled(s)).toBe(false)
  })

  it('a reorg that removes the confirming block goes back to waiting', () => {
    const confirmed = nextTxState(start, seen({ spentHeight: 99 }), o)
    expect(nextTxState(confirmed, seen({ inMempool: true }), o).status).toBe('in-mempool')
  })
})
