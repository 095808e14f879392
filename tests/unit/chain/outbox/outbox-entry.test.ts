import { describe, expect, it } from 'vitest'

import { createOutboxEntry, nextOutboxEntry, retryDelayMs, type OutboxEntry, type OutboxEvent } from '@/lib/chain/outbox/outbox-entry'
import type { SpendBundle } from '@/lib/chia/primitives/coin-spend'

const bundle: SpendBundle = { coinSpends: [], aggregatedSignature: new Uint8Array(96) }
const fresh = () => createOutboxEntry({ id: 'a', action: { kind: 'update', rootHash: new Uint8Array(32).fill(1), fee: 0n }, launcherId: 'l1', at: 0 })
const run = (e: OutboxEntry, ...events: OutboxEvent[]) => events.reduce(nextOutboxEntry, e)

const signedEntry = () =>
  run(fresh(), { type: 'built', baseCoinId: 'c1', expectedChildId: 'c2', at: 1 }, { type: 'sign-requested', at: 2 }, { type: 'signed', spendBundle: bundle, txId: 't1', at: 3 })

describe('outbox entry state machine', () => {
  it('walks the happy path and drops the bundle once confirmed', () => {
    let e = signedEntry()
    expect(e.status).toBe('signed')
    expect(e.spendBundle).toBe(bundle)
    e = run(e, { type: 'submit-started', at: 4 }, { type: 'tx', tx: { status: 'in-mempool', txId: 't1', submittedAt: 4 }, at: 5 })
    expect(e.status).toBe('submitted')
    e = nextOutboxEntry(e, { type: 'tx', tx: { status: 'confirmed', txId: 't1', submittedAt: 4, height: 10, depth: 1 }, at: 60 })
    expect(e.status).toBe('confirmed')
    expect(e.spendBundle).toBeUndefined()
    expect(e.updatedAt).toBe(60)
    // Settled entries ignore late events.
    expect(nextOutboxEntry(e, { type: 'cancel', at: 70 })).toBe(e)
  })

  it('retries network failures after 2 s, 4 s, 8 s, then asks for a manual retry', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([2_000, 4_000, 8_000, undefined])
    let e = signedEntry()
    const waits: (number | undefined)[] = []
    let at = 100
    for (let i = 0; i < 4; i++) {
      e = run(e, { type: 'submit-started', at }, { type: 'submit-network-error', message: 'offline', at })
      waits.push(e.nextAttemptAt === undefined ? undefined : e.nextAttemptAt - at)
      at += 10_000
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, undefined])
    expect(e.status).toBe('retry-manual')
    expect(e.attempts).toBe(4)
    expect(e.spendBundle).toBe(bundle)
    e = nextOutboxEntry(e, { type: 'manual-retry', at })
    expect(e.status).toBe('signed')
    expect(e.attempts).toBe(0)
  })

  it('a store that moved on makes an unsent entry stale and forgets its signature', () => {
    const e = nextOutboxEntry(signedEntry(), { type: 'store-moved', latestCoinId: 'c9', at: 10 })
    expect(e.status).toBe('stale')
    expect(e.spendBundle).toBeUndefined()
    expect(e.txId).toBeUndefined()
    // Same tip: nothing to do.
    expect(nextOutboxEntry(signedEntry(), { type: 'store-moved', latestCoinId: 'c1', at: 10 }).status).toBe('signed')
    // Rebuilt on the new tip: ready again, counted as a rebuild.
    const r = nextOutboxEntry(e, { type: 'built', baseCoinId: 'c9', at: 11 })
    expect(r.status).toBe('ready')
    expect(r.baseCoinId).toBe('c9')
    expect(r.rebuilds).toBe(1)
  })

  it('never marks a submitted entry stale; its tracker decides', () => {
    const e = run(signedEntry(), { type: 'submit-started', at: 4 }, { type: 'tx', tx: { status: 'in-mempool', txId: 't1', submittedAt: 4 }, at: 5 })
    expect(nextOutboxEntry(e, { type: 'store-moved', latestCoinId: 'c9', at: 6 })).toBe(e)
    expect(nextOutboxEntry(e, { type: 'cancel', at: 6 })).toBe(e)
  })

  it('a wallet refusal keeps the intent and lets the user sign again', () => {
    let e = run(fresh(), { type: 'built', baseCoinId: 'c1', at: 1 }, { type: 'sign-requested', at: 2 }, { type: 'sign-rejected', code: 'walletRejected', message: 'You declined.', at: 3 })
    expect(e.status).toBe('rejected')
    expect(e.error?.code).toBe('walletRejected')
    expect(e.action.kind).toBe('update')
    e = nextOutboxEntry(e, { type: 'sign-requested', at: 4 })
    expect(e.status).toBe('awaiting-signature')
    expect(e.error).toBeUndefined()
  })

  it('timed out: keep waiting goes back to tracking, or rebuild (higher fee) is allowed', () => {
    const sub = run(signedEntry(), { type: 'submit-started', at: 4 }, { type: 'tx', tx: { status: 'in-mempool', txId: 't1', submittedAt: 4 }, at: 5 })
    const timed = nextOutboxEntry(sub, { type: 'tx', tx: { status: 'timed-out', txId: 't1', submittedAt: 4, inMempool: true }, at: 125_000 })
    expect(timed.status).toBe('timed-out')
    expect(nextOutboxEntry(timed, { type: 'keep-waiting', at: 125_001 }).status).toBe('submitted')
    expect(nextOutboxEntry(timed, { type: 'built', baseCoinId: 'c1', at: 125_001 }).status).toBe('ready')
  })

  it('events out of order are ignored', () => {
    const e = fresh()
    expect(nextOutboxEntry(e, { type: 'signed', spendBundle: bundle, txId: 'x', at: 1 })).toBe(e)
    expect(nextOutboxEntry(e, { type: 'submit-started', at: 1 })).toBe(e)
    expect(nextOutboxEntry(e, { type: 'manual-retry', at: 1 })).toBe(e)
  })

  it('the node refusing the bundle is a failure with its reason', () => {
    const e = run(signedEntry(), { type: 'submit-started', at: 4 }, {
      type: 'tx',
      tx: { status: 'failed', txId: 't1', submittedAt: 4, reason: 'A coin in this transaction was already spent.', code: 'DOUBLE_SPEND' },
      at: 5,
    })
    expect(e.status).toBe('failed')
    expect(e.error).toEqual({ code: 'DOUBLE_SPEND', message: 'A coin in this transaction was already spent.' })
  })
})
