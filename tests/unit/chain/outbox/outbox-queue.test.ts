import { describe, expect, it } from 'vitest'

import { createOutboxEntry, nextOutboxEntry } from '@/lib/chain/outbox/outbox-entry'
import { headOfQueue, isWaitingBehind, pendingEntries } from '@/lib/chain/outbox/outbox-queue'

const entry = (id: string, launcherId: string, at: number) =>
  createOutboxEntry({ id, launcherId, at, action: { kind: 'update', rootHash: new Uint8Array(32).fill(at), fee: 0n } })

describe('outbox queue', () => {
  it('a second update on a store waits for the first to confirm; other stores are independent', () => {
    const first = entry('1', 'A', 10)
    const second = entry('2', 'A', 20)
    const other = entry('3', 'B', 30)
    let all = [second, first, other]
    expect(headOfQueue(all, 'A')?.id).toBe('1')
    expect(isWaitingBehind(second, all)).toBe(true)
    expect(isWaitingBehind(first, all)).toBe(false)
    expect(isWaitingBehind(other, all)).toBe(false)
    const confirmed = { ...first, status: 'confirmed' as const }
    all = [second, confirmed, other]
    expect(isWaitingBehind(second, all)).toBe(false)
    expect(pendingEntries(all, 'A').map((e) => e.id)).toEqual(['2'])
  })

  it('a cancelled intent releases the queue', () => {
    const first = nextOutboxEntry(entry('1', 'A', 1), { type: 'cancel', at: 2 })
    const second = entry('2', 'A', 3)
    expect(first.status).toBe('cancelled')
    expect(headOfQueue([first, second], 'A')?.id).toBe('2')
  })
})
