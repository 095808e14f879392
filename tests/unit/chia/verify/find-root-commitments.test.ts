import { describe, expect, it } from 'vitest'
import { findRootCommitments, type RootHistoryEntry } from '@/lib/chia/verify/find-root-commitments'

const r = (n: number) => new Uint8Array(32).fill(n)
const history: RootHistoryEntry[] = [
  { generation: 0, rootHash: r(1), confirmedHeight: 10, spentHeight: 12, timestamp: 1000n },
  { generation: 1, rootHash: r(2), confirmedHeight: 12, spentHeight: 15, timestamp: 1100n },
  { generation: 2, rootHash: r(1), confirmedHeight: 15, spentHeight: 20, timestamp: 1200n },
  { generation: 3, rootHash: r(3), confirmedHeight: 20, timestamp: 1300n },
]

describe('findRootCommitments', () => {
  it('finds every commitment of a root, oldest first, with when it was replaced', () => {
    const found = findRootCommitments([...history].reverse(), r(1), { melted: false })
    expect(found.current).toBe(false)
    expect(found.commitments).toEqual([
      { generation: 0, confirmedHeight: 10, timestamp: 1000n, replacedAtHeight: 12 },
      { generation: 2, confirmedHeight: 15, timestamp: 1200n, replacedAtHeight: 20 },
    ])
  })
  it('the tip root of a live store is current', () => {
    const found = findRootCommitments(history, r(3), { melted: false })
    expect(found).toEqual({ commitments: [{ generation: 3, confirmedHeight: 20, timestamp: 1300n }], current: true })
  })
  it('a melted store has no current root', () => {
    expect(findRootCommitments(history, r(3), { melted: true }).current).toBe(false)
  })
  it('a root never committed has no commitments', () => {
    expect(findRootCommitments(history, r(9), { melted: false })).toEqual({ commitments: [], current: false })
    expect(findRootCommitments([], r(9), { melted: false })).toEqual({ commitments: [], current: false })
  })
})
