import { describe, expect, it } from 'vitest'

import { createOutboxEntry, type OutboxEntry } from '@/lib/chain/outbox/outbox-entry'
import { storeSyncStatus, type ChainSnapshot } from '@/lib/chain/outbox/store-sync-status'

const root = (n: number) => new Uint8Array(32).fill(n)
const rootHex = (n: number) => `0x${n.toString(16).padStart(2, '0').repeat(32)}`
const chain = (over: Partial<Extract<ChainSnapshot, { kind: 'ok' }>> = {}): ChainSnapshot => ({
  kind: 'ok',
  tipCoinId: 'c1',
  rootHash: rootHex(1),
  melted: false,
  pendingOnChain: false,
  ...over,
})
const withStatus = (status: OutboxEntry['status'], extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  ...createOutboxEntry({ id: 'e', launcherId: 'L', at: 0, action: { kind: 'update', rootHash: root(2), fee: 0n } }),
  status,
  ...extra,
})

describe('storeSyncStatus', () => {
  it('covers every status with its action', () => {
    expect(storeSyncStatus(chain(), [], 0, 'L')).toMatchObject({ kind: 'in-sync', label: 'In sync', action: 'none' })
    expect(storeSyncStatus(chain(), [withStatus('ready')], 0, 'L')).toMatchObject({ kind: 'pending', label: 'Pending update', action: 'review', entryId: 'e' })
    expect(storeSyncStatus(chain(), [withStatus('submitted')], 0, 'L')).toMatchObject({ kind: 'syncing', label: 'Syncing' })
    expect(storeSyncStatus(chain(), [withStatus('retry-wait')], 0, 'L').kind).toBe('syncing')
    expect(storeSyncStatus(chain(), [withStatus('retry-manual')], 0, 'L')).toMatchObject({ kind: 'pending', action: 'retry' })
    expect(storeSyncStatus(chain(), [withStatus('timed-out')], 0, 'L')).toMatchObject({ kind: 'pending', action: 'keep-waiting' })
    expect(storeSyncStatus(chain(), [withStatus('failed', { error: { code: 'DOUBLE_SPEND', message: 'already spent' } })], 0, 'L')).toMatchObject({
      kind: 'failed',
      detail: 'already spent',
      action: 'rebuild',
    })
    expect(storeSyncStatus({ kind: 'unknown', reason: 'proxy down' }, [], 0, 'L')).toMatchObject({ kind: 'unknown', detail: 'proxy down', action: 'reload' })
  })

  it('stale with a different desired root is Conflicted; with the same root it is already in sync', () => {
    expect(storeSyncStatus(chain({ rootHash: rootHex(9) }), [withStatus('stale')], 0, 'L')).toMatchObject({ kind: 'conflicted', action: 'rebuild' })
    expect(storeSyncStatus(chain({ rootHash: rootHex(2) }), [withStatus('stale')], 0, 'L').kind).toBe('in-sync')
  })

  it('tool intents and mempool activity without an outbox entry', () => {
    expect(storeSyncStatus(chain(), [], 2, 'L')).toMatchObject({ kind: 'pending', detail: '2 updates from your tools wait for your signature.' })
    expect(storeSyncStatus(chain({ pendingOnChain: true }), [], 0, 'L').kind).toBe('syncing')
    // Entries of other stores and settled entries do not count.
    expect(storeSyncStatus(chain(), [withStatus('ready', { launcherId: 'M' }), withStatus('confirmed')], 0, 'L').kind).toBe('in-sync')
  })
})
