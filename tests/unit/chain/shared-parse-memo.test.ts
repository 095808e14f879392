import { describe, expect, it } from 'vitest'

import { createMemoryCache } from '@/lib/chain/memory-cache'
import { createSharedParseMemo, decodeSpendOutcome, encodeSpendOutcome } from '@/lib/chain/shared-parse-memo'
import type { StoreSpendOutcome } from '@/lib/chain/store-sync'

const b = (n: number) => new Uint8Array(32).fill(n)
const child: StoreSpendOutcome = {
  kind: 'child',
  authority: 'writer',
  state: {
    coin: { parentCoinInfo: b(1), puzzleHash: b(2), amount: 1n },
    rootHash: b(3),
    label: 'ünïcode label',
    bytes: 2n ** 64n - 1n,
    ownerPuzzleHash: b(4),
    delegatedPuzzles: [
      { type: 'admin', innerPuzzleHash: b(5) },
      { type: 'writer', innerPuzzleHash: b(6) },
      { type: 'oracle', oraclePuzzleHash: b(7), oracleFee: 0n },
    ],
  },
}

describe('shared parse memo', () => {
  it('encodes and decodes outcomes exactly (bigints, optional fields, delegates, melts)', () => {
    expect(decodeSpendOutcome(encodeSpendOutcome(child))).toEqual(child)
    const small = { ...child, state: { ...child.state, bytes: 5n, label: undefined, description: '' } } as StoreSpendOutcome
    const back = decodeSpendOutcome(encodeSpendOutcome(small))
    expect(back).toEqual({ ...small, state: { ...(small as { state: object }).state, label: undefined } })
    expect((back as { state: { bytes: unknown } }).state.bytes).toBe(5n)
    expect(decodeSpendOutcome(encodeSpendOutcome({ kind: 'melt', authority: 'owner' }))).toEqual({ kind: 'melt', authority: 'owner' })
  })

  it('shares outcomes between memos through the cache and ignores corrupt entries', async () => {
    const cache = createMemoryCache({ now: () => 0 })
    const a = createSharedParseMemo(cache)
    a.share!('k1', child)
    await cache.set('outcome:k2', '{not json')
    const fresh = createSharedParseMemo(cache)
    await fresh.preload!(['k1', 'k2', 'k3'])
    expect(fresh.get('k1')).toEqual(child)
    expect(fresh.has('k2')).toBe(false)
    expect(fresh.has('k3')).toBe(false)
  })

  it('is bounded', () => {
    const m = createSharedParseMemo(createMemoryCache({ now: () => 0 }), { maxEntries: 2 })
    m.set('a', child)
    m.set('b', child)
    m.set('c', child)
    expect(m.size).toBe(1)
  })
})
