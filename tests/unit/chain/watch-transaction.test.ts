import { describe, expect, it } from 'vitest'

import type { BlockchainState, ChainClient, MempoolItem } from '@/lib/chain/rpc-client'
import type { TxState } from '@/lib/chain/tx-tracker'
import { watchTransaction } from '@/lib/chain/watch-transaction'
import type { CoinRecord } from '@/lib/chia/primitives/coin-spend'

const txId = new Uint8Array(32).fill(0xaa)
const spentCoinId = new Uint8Array(32).fill(0xbb)
const expectedChildId = new Uint8Array(32).fill(0xcc)
const CONFIRM_HEIGHT = 11

type Read = 'mempool' | 'coin' | 'child' | 'peak'

/**
 * A scripted node: the bundle sits in the mempool until `landBlock()` confirms it at height 11
 * (the mempool forgets it and the coin shows as spent). `afterRead` runs after each answer is
 * computed but before it is delivered, so a test can land the block between two reads of one poll.
 * `staleCoinReads` answers that many coin reads after the block from before it, like the
 * proxy's short tip cache.
 */
function scriptedNode({ afterRead, staleCoinReads = 0, neverConfirms = false }: { afterRead?: (read: Read, poll: number, land: () => void) => void; staleCoinReads?: number; neverConfirms?: boolean }) {
  let landed = false
  let stale = staleCoinReads
  let poll = 0
  const reads: Read[] = []
  const land = () => {
    landed = true
  }
  const answer = async <T,>(read: Read, value: () => T): Promise<T> => {
    reads.push(read)
    const v = value()
    afterRead?.(read, poll, land)
    // Another tick, so the reads a poll issues together really overlap.
    await Promise.resolve()
    return v
  }
  const record = (id: Uint8Array, spentBlockIndex: number): CoinRecord => ({
    coin: { parentCoinInfo: new Uint8Array(32), puzzleHash: new Uint8Array(32), amount: 1n },
    confirmedBlockIndex: id === spentCoinId ? 5 : CONFIRM_HEIGHT,
    spentBlockIndex,
    coinbase: false,
    timestamp: 0n,
  })
  const item: MempoolItem = { spendBundleName: txId, fee: 0n, cost: 0n, additions: [], removals: [] }
  const client: Partial<ChainClient> = {
    getMempoolItemByTxId: () => answer('mempool', () => (landed || (neverConfirms && poll >= 2) ? undefined : item)),
    getCoinRecordByName: (id) =>
      id === expectedChildId
        ? answer('child', () => (landed ? record(id, 0) : undefined))
        : answer('coin', () => {
            if (landed && stale > 0) {
              stale--
              return record(id, 0)
            }
            return record(id, landed ? CONFIRM_HEIGHT : 0)
          }),
    getBlockchainState: () => answer('peak', () => ({ peak: { height: landed ? CONFIRM_HEIGHT : 10 } }) as unknown as BlockchainState),
  }
  return {
    client: client as ChainClient,
    reads,
    landed: () => landed,
    nextPoll: () => {
      poll++
    },
  }
}

async function watch(node: ReturnType<typeof scriptedNode>) {
  const states: TxState[] = []
  let t = 0
  const final = await watchTransaction(
    node.client,
    { txId, spentCoinId, expectedChildId },
    {
      now: () => t,
      sleep: async (ms) => {
        t += ms
        node.nextPoll()
      },
      intervalMs: 3_000,
      timeoutMs: 120_000,
      onState: (s) => states.push(s),
    },
    { status: 'in-mempool', txId: 'aa'.repeat(32), submittedAt: 0 },
  )
  return { final, states }
}

describe('watchTransaction against a block landing mid-poll', () => {
  it('a block between the coin read and the mempool read is a confirmation, not a drop', async () => {
    // The race of the parallel reads: the coin is answered before the block, the mempool after it.
    const node = scriptedNode({ afterRead: (read, poll, land) => poll === 1 && read === 'coin' && land() })
    const { final, states } = await watch(node)
    expect(final).toMatchObject({ status: 'confirmed', height: CONFIRM_HEIGHT })
    expect(states.map((s) => s.status)).not.toContain('failed')
  })

  it('a block between the mempool read and the coin read is a confirmation, not a drop', async () => {
    const node = scriptedNode({ afterRead: (read, poll, land) => poll === 1 && read === 'mempool' && land() })
    const { final, states } = await watch(node)
    expect(final).toMatchObject({ status: 'confirmed', height: CONFIRM_HEIGHT })
    expect(states.map((s) => s.status)).not.toContain('failed')
  })

  it('the mempool is read before the coin in each poll', async () => {
    const node = scriptedNode({ afterRead: (read, poll, land) => poll === 2 && read === 'peak' && land() })
    await watch(node)
    const firstPoll = node.reads.slice(0, node.reads.indexOf('peak') + 1)
    expect(firstPoll.indexOf('mempool')).toBeLessThan(firstPoll.indexOf('coin'))
  })

  it('a coin read served from before the block (tip cache) is looked at again before calling it dropped', async () => {
    const node = scriptedNode({ afterRead: (read, poll, land) => poll === 1 && read === 'peak' && land(), staleCoinReads: 1 })
    const { final, states } = await watch(node)
    expect(final).toMatchObject({ status: 'confirmed', height: CONFIRM_HEIGHT })
    expect(states.map((s) => s.status)).not.toContain('failed')
  })

  it('a bundle that really left the mempool unconfirmed is still reported as dropped, after one more look', async () => {
    const node = scriptedNode({ neverConfirms: true })
    const { final, states } = await watch(node)
    expect(final).toMatchObject({ status: 'failed', code: 'DROPPED' })
    expect(states.at(-1)).toMatchObject({ status: 'failed', code: 'DROPPED' })
    // Polls 0 and 1 see it in the mempool; poll 2 suspects the drop; poll 3 confirms it.
    expect(node.reads.filter((r) => r === 'mempool')).toHaveLength(4)
  })
})
