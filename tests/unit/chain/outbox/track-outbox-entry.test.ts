import { describe, expect, it } from 'vitest'

import { trackOutboxEntry } from '@/lib/chain/outbox/track-outbox-entry'
import type { TxState } from '@/lib/chain/tx-tracker'
import type { CoinRecord } from '@/lib/chia/primitives/coin-spend'

const TX = 'aa'.repeat(32)
const COIN = 'bb'.repeat(32)
const CHILD = 'cc'.repeat(32)

type Tick = { mempool: boolean; spentHeight: number; child?: boolean; peak: number }

/** A fake chain that follows a script, one entry per poll; the clock advances 2 s per sleep. */
function fake(script: Tick[]) {
  let t = 0
  let poll = 0
  const cur = () => script[Math.min(poll, script.length - 1)]
  const record = (spentBlockIndex: number) => ({ spentBlockIndex }) as CoinRecord
  const states: TxState[] = []
  return {
    states,
    deps: {
      client: {
        getMempoolItemByTxId: async () => (cur().mempool ? ({} as never) : undefined),
        getCoinRecordByName: async (id: Uint8Array) => (id[0] === 0xcc ? (cur().child ? record(0) : undefined) : record(cur().spentHeight)),
        getBlockchainState: async () => ({ peak: { height: cur().peak } }) as never,
      },
      now: () => t,
      sleep: async (ms: number) => {
        t += ms
        poll++
      },
      onState: (s: TxState) => void states.push(s),
      intervalMs: 2_000,
      timeoutMs: 120_000,
      dropGraceMs: 8_000,
    },
  }
}

const start: TxState = { status: 'in-mempool', txId: TX, submittedAt: 0 }

describe('trackOutboxEntry', () => {
  it('does not call a bundle dropped when one poll misses it between mempool and block', async () => {
    const f = fake([
      { mempool: true, spentHeight: 0, peak: 5 },
      { mempool: false, spentHeight: 0, peak: 5 }, // the race: block not visible yet
      { mempool: false, spentHeight: 6, child: true, peak: 6 },
    ])
    const final = await trackOutboxEntry({ txId: TX, spentCoinId: COIN, expectedChildId: CHILD }, start, f.deps)
    expect(final).toMatchObject({ status: 'confirmed', height: 6, depth: 1 })
    expect(f.states.map((s) => s.status)).toEqual(['confirmed'])
  })

  it('reports a drop once it persists past the grace period', async () => {
    const f = fake([{ mempool: true, spentHeight: 0, peak: 5 }, { mempool: false, spentHeight: 0, peak: 5 }])
    const final = await trackOutboxEntry({ txId: TX, spentCoinId: COIN }, start, f.deps)
    expect(final.status).toBe('failed')
    expect(final.status === 'failed' && final.code).toBe('DROPPED')
  })

  it('a spend by someone else is a failure, and 120 s in the mempool is a timeout', async () => {
    const replaced = fake([{ mempool: false, spentHeight: 7, child: false, peak: 7 }])
    expect((await trackOutboxEntry({ txId: TX, spentCoinId: COIN, expectedChildId: CHILD }, start, replaced.deps)).status).toBe('failed')
    const slow = fake([{ mempool: true, spentHeight: 0, peak: 5 }])
    const final = await trackOutboxEntry({ txId: TX, spentCoinId: COIN }, start, slow.deps)
    expect(final).toMatchObject({ status: 'timed-out', inMempool: true })
  })
})
