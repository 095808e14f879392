import { describe, expect, it } from 'vitest'

import { RpcHttpError } from '@/lib/chain/http-rpc-call'
import { createOutboxEntry, nextOutboxEntry, type OutboxEntry } from '@/lib/chain/outbox/outbox-entry'
import { createMemoryOutboxStore } from '@/lib/chain/outbox/outbox-store'
import { isNetworkFailure, submitOutboxEntry } from '@/lib/chain/outbox/submit-outbox-entry'
import type { TxState } from '@/lib/chain/tx-tracker'
import type { SpendBundle } from '@/lib/chia/primitives/coin-spend'

const bundle: SpendBundle = { coinSpends: [], aggregatedSignature: new Uint8Array(96) }

function signed(): OutboxEntry {
  let e = createOutboxEntry({ id: 'x', launcherId: 'L', at: 0, action: { kind: 'update', rootHash: new Uint8Array(32), fee: 0n } })
  e = nextOutboxEntry(e, { type: 'built', baseCoinId: 'tip1', at: 0 })
  e = nextOutboxEntry(e, { type: 'sign-requested', at: 0 })
  return nextOutboxEntry(e, { type: 'signed', spendBundle: bundle, txId: 'tx', at: 0 })
}

/** A fake clock whose sleep advances time instantly and records each wait. */
function clock() {
  let t = 1_000
  const sleeps: number[] = []
  return { now: () => t, sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)), sleeps }
}

const inMempool = (): TxState => ({ status: 'in-mempool', txId: 'tx', submittedAt: 0 })

describe('submitOutboxEntry', () => {
  it('retries network failures after 2, 4, 8 s and succeeds on the 4th attempt, saving each step', async () => {
    const c = clock()
    const store = createMemoryOutboxStore()
    const saved: string[] = []
    let calls = 0
    const result = await submitOutboxEntry(signed(), {
      save: async (e) => (saved.push(e.status), store.put(e)),
      push: async () => {
        calls++
        if (calls < 4) throw new TypeError('fetch failed')
        return inMempool()
      },
      currentTipCoinId: async () => 'tip1',
      ...c,
    })
    expect(result.status).toBe('submitted')
    expect(calls).toBe(4)
    expect(c.sleeps).toEqual([2_000, 4_000, 8_000])
    expect(saved.filter((s) => s === 'retry-wait')).toHaveLength(3)
    expect((await store.get('x'))?.status).toBe('submitted')
  })

  it('after 3 automatic retries the entry waits for a manual retry, keeping its signature', async () => {
    const c = clock()
    let calls = 0
    const result = await submitOutboxEntry(signed(), {
      save: async () => {},
      push: async () => {
        calls++
        throw new RpcHttpError({ url: '/api/node/push_tx', status: 503, message: 'upstream down' })
      },
      currentTipCoinId: async () => 'tip1',
      ...c,
    })
    expect(calls).toBe(4)
    expect(result.status).toBe('retry-manual')
    expect(result.spendBundle).toBe(bundle)
    expect(result.error?.message).toBe('upstream down')
    // The manual retry goes straight to the network again.
    const again = await submitOutboxEntry(result, { save: async () => {}, push: async () => inMempool(), currentTipCoinId: async () => 'tip1', ...c })
    expect(again.status).toBe('submitted')
  })

  it('never broadcasts when the store moved on: the entry becomes stale', async () => {
    let pushed = false
    const result = await submitOutboxEntry(signed(), {
      save: async () => {},
      push: async () => {
        pushed = true
        return inMempool()
      },
      currentTipCoinId: async () => 'tip2',
      ...clock(),
    })
    expect(pushed).toBe(false)
    expect(result.status).toBe('stale')
    expect(result.spendBundle).toBeUndefined()
  })

  it('checks the tip again before a retry: a store that moved during the backoff is not re-sent', async () => {
    let tip = 'tip1'
    let calls = 0
    const result = await submitOutboxEntry(signed(), {
      save: async () => {},
      push: async () => {
        calls++
        tip = 'tip2' // someone else's update lands while we wait
        throw new TypeError('fetch failed')
      },
      currentTipCoinId: async () => tip,
      ...clock(),
    })
    expect(calls).toBe(1)
    expect(result.status).toBe('stale')
  })

  it('the node refusing is final; a non-network error is a failure, not a retry', async () => {
    const failed: TxState = { status: 'failed', txId: 'tx', submittedAt: 0, reason: 'fee too low', code: 'INVALID_FEE_LOW_FEE' }
    const r1 = await submitOutboxEntry(signed(), { save: async () => {}, push: async () => failed, currentTipCoinId: async () => 'tip1', ...clock() })
    expect(r1.status).toBe('failed')
    expect(r1.error?.code).toBe('INVALID_FEE_LOW_FEE')
    expect(isNetworkFailure(new RpcHttpError({ url: 'x', status: 400, message: 'bad' }))).toBe(false)
    expect(isNetworkFailure(new RpcHttpError({ url: 'x', status: 502, message: 'bad gateway' }))).toBe(true)
  })
})
