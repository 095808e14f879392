import { describe, expect, it } from 'vitest'
import { createTsRunner } from '@/lib/chia/clvm/run-program'
import { bytesToHex, type Bytes32 } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import type { CoinRecord, CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { loadStoreEvidence, type StoreEvidenceSource } from '@/lib/chia/verify/load-store-evidence'
import { verifyStoreHistory } from '@/lib/chia/verify/verify-store-history'
import { chainEvidence } from './evidence'

/** A node over the evidence of chain D: records by id, spends by (id, spent height). */
function fakeNode(tamper?: (r: CoinRecord) => CoinRecord) {
  const e = chainEvidence('D')
  const records = new Map<string, CoinRecord>()
  const spends = new Map<string, CoinSpend>()
  records.set(bytesToHex(e.launcherId), e.launcherRecord!)
  spends.set(`${bytesToHex(e.launcherId)}@${e.launcherRecord!.spentBlockIndex}`, e.launcherSpend!)
  for (const g of e.generations) {
    records.set(bytesToHex(g.coinId), tamper ? tamper(structuredClone(g.record!)) : g.record!)
    if (g.coinSpend) spends.set(`${bytesToHex(g.coinId)}@${g.record!.spentBlockIndex}`, g.coinSpend)
  }
  const calls: string[] = []
  const source: StoreEvidenceSource = {
    async getCoinRecordByName(id: Bytes32) {
      calls.push('by_name')
      return records.get(bytesToHex(id))
    },
    async getCoinRecordsByNames(ids: Bytes32[]) {
      calls.push(`by_names:${ids.length}`)
      return ids.map((id) => records.get(bytesToHex(id))).filter((r): r is CoinRecord => r !== undefined)
    },
    async getPuzzleAndSolution(id: Bytes32, height: number) {
      calls.push('spend')
      const s = spends.get(`${bytesToHex(id)}@${height}`)
      if (!s) throw new Error(`no spend of ${bytesToHex(id)} at ${height}`)
      return s
    },
  }
  return { e, source, calls }
}

describe('loadStoreEvidence', () => {
  it('fetches records in batches and every spend, and the evidence verifies', async () => {
    const { e, source, calls } = fakeNode()
    const progress: number[] = []
    const evidence = await loadStoreEvidence(source, e.launcherId, e.generations, { batchSize: 4, onProgress: (d) => progress.push(d) })
    expect(calls.filter((c) => c.startsWith('by_names'))).toEqual(['by_names:4', 'by_names:4', 'by_names:2'])
    expect(calls.filter((c) => c === 'by_name')).toHaveLength(1) // the launcher
    expect(calls.filter((c) => c === 'spend')).toHaveLength(11) // launcher + 10 spent coins (melted chain)
    expect(progress.at(-1)).toBe(1 + 3 + 11)
    expect(verifyStoreHistory(evidence, createTsRunner()).passed).toBe(true)
  })

  it('a record that does not hash to its id is fetched on its own and attributed to its generation', async () => {
    const target = bytesToHex(chainEvidence('D').generations[3].coinId)
    const { e, source, calls } = fakeNode((r) => (bytesToHex(coinId(r.coin)) === target ? { ...r, coin: { ...r.coin, amount: 5n } } : r))
    const evidence = await loadStoreEvidence(source, e.launcherId, e.generations)
    expect(calls.filter((c) => c === 'by_name')).toHaveLength(2)
    expect(evidence.generations[3].record?.coin.amount).toBe(5n)
    const failed = verifyStoreHistory(evidence, createTsRunner()).checks.filter((c) => !c.pass).map((c) => c.id)
    expect(failed).toEqual(['generation-3-parent', 'generation-3-puzzle-hash', 'generation-3-spend'])
  })

  it('failed requests leave evidence missing and are reported, not thrown', async () => {
    const { e, source } = fakeNode()
    const errors: string[] = []
    const failing: StoreEvidenceSource = {
      ...source,
      getPuzzleAndSolution: async (id, height) => {
        if (bytesToHex(id) === bytesToHex(e.generations[5].coinId)) throw new Error('upstream down')
        return source.getPuzzleAndSolution(id, height)
      },
    }
    const evidence = await loadStoreEvidence(failing, e.launcherId, e.generations, { onError: (what) => errors.push(what) })
    expect(errors).toEqual([`spend of ${bytesToHex(e.generations[5].coinId)}`])
    expect(evidence.generations[5].coinSpend).toBeUndefined()
    const failed = verifyStoreHistory(evidence, createTsRunner()).checks.filter((c) => !c.pass).map((c) => c.id)
    // Without generation 5's spend, generation 6 cannot be re-derived, nor (its delegates being
    // unknown) generation 7; generation 8 is re-derived again from generation 7's spend.
    expect(failed).toEqual(['generation-5-spend', 'generation-6-puzzle-hash', 'generation-6-root', 'generation-7-puzzle-hash', 'generation-7-root'])
  })
})
