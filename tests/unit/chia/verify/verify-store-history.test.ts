import { describe, expect, it } from 'vitest'
import { createTsRunner } from '@/lib/chia/clvm/run-program'
import { hexToBytes } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import { verifyStoreHistory, type StoreEvidence } from '@/lib/chia/verify/verify-store-history'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { chainEvidence, driverVectors, evidenceFromSpends, hex, spendIn } from './evidence'

const runner = createTsRunner()
const failed = (e: StoreEvidence) => verifyStoreHistory(e, runner).checks.filter((c) => !c.pass).map((c) => c.id)
const clone = (e: StoreEvidence): StoreEvidence => structuredClone(e)

describe('verifyStoreHistory on the driver history chains', () => {
  for (const name of ['D', 'V', 'M', 'U', 'A']) {
    it(`chain ${name}: every check passes, one set per generation, roots re-derived`, () => {
      const evidence = chainEvidence(name)
      const chain = driverVectors.history.chains[name]
      const result = verifyStoreHistory(evidence, runner)
      expect(result.checks.filter((c) => !c.pass)).toEqual([])
      expect(result.passed).toBe(true)
      expect(result.melted).toBe(chain.meltedAtEnd)
      const n = evidence.generations.length
      const spent = evidence.generations.filter((g) => g.record!.spentBlockIndex > 0).length
      // 3 launcher checks, parent + puzzle hash + root per generation, spend per spent coin, tip.
      expect(result.checks).toHaveLength(3 + 3 * n + spent + 1)
      expect(result.generations.map((g) => hex(g.metadata!.rootHash))).toEqual(chain.rootHashHistory)
      expect(result.generations[0].authority).toBe('mint')
      const tip = result.checks.at(-1)!
      expect(tip.id).toBe('tip')
      expect(tip.label).toBe(chain.meltedAtEnd ? 'The melt is real' : 'Current tip is unspent')
    })
  }

  it('clvm_rs and the pure-TS runner give the same verdicts', () => {
    const e = chainEvidence('D')
    const a = verifyStoreHistory(e, runner).checks
    const b = verifyStoreHistory(e, createClvmRsRunner()).checks
    expect(b).toEqual(a)
  })

  it('the delegated chain names who signed each generation', () => {
    const result = verifyStoreHistory(chainEvidence('D'), runner)
    expect(result.generations.map((g) => g.authority)).toEqual(['mint', 'owner', 'admin', 'writer', 'oracle', 'admin', 'owner', 'owner', 'owner', 'owner'])
    expect(result.generations[0].delegatedPuzzles!.map((d) => d.type).sort()).toEqual(['admin', 'oracle', 'writer'])
  })
})

describe('tampered evidence fails exactly the affected checks', () => {
  it('one altered coin record (puzzle hash) fails only that generation’s record checks', () => {
    const e = clone(chainEvidence('D'))
    e.generations[2].record!.coin.puzzleHash = new Uint8Array(32).fill(7)
    expect(failed(e)).toEqual(['generation-2-parent', 'generation-2-puzzle-hash', 'generation-2-spend'])
  })

  it('an altered amount fails the record and re-derivation checks of that generation', () => {
    const e = clone(chainEvidence('V'))
    e.generations[1].record!.coin.amount = 3n
    expect(failed(e)).toEqual(['generation-1-parent', 'generation-1-puzzle-hash', 'generation-1-spend'])
  })

  it('a wrong root hash on the page fails only the root check', () => {
    const e = clone(chainEvidence('D'))
    e.generations[4].rootHash = new Uint8Array(32).fill(1)
    expect(failed(e)).toEqual(['generation-4-root'])
  })

  it('a broken parent link is reported on the child', () => {
    const e = clone(chainEvidence('V'))
    // Claim generation 1 is a different coin: the record is that coin's, so its own id matches.
    e.generations[1].coinId = e.generations[2].coinId
    e.generations[1].record = structuredClone(e.generations[2].record)
    expect(failed(e)).toContain('generation-1-parent')
  })

  it('a launcher record that is not the launcher fails the launcher checks', () => {
    const e = clone(chainEvidence('U'))
    e.launcherRecord!.coin.puzzleHash = new Uint8Array(32)
    expect(failed(e)).toEqual(['launcher-coin-id', 'launcher-puzzle-hash'])
  })

  it('an unknown launcher and a missing launcher spend are failures, not crashes', () => {
    const e = clone(chainEvidence('U'))
    delete e.launcherRecord
    delete e.launcherSpend
    // Without the launcher spend the eve's delegates are unknown, so the writer's spend that made
    // generation 1 cannot be re-derived either.
    expect(failed(e)).toEqual([
      'launcher-coin-id',
      'launcher-puzzle-hash',
      'launcher-spend',
      'generation-0-puzzle-hash',
      'generation-0-root',
      'generation-1-puzzle-hash',
      'generation-1-root',
    ])
  })

  it('a spend of another coin is caught, and the next generation cannot be re-derived from it', () => {
    const e = clone(chainEvidence('V'))
    e.generations[2].coinSpend = e.generations[1].coinSpend
    // Generation 3's delegates come from that spend, so the admin spend that made generation 4
    // cannot be re-derived either.
    expect(failed(e)).toEqual(['generation-2-spend', 'generation-3-puzzle-hash', 'generation-3-root', 'generation-4-puzzle-hash', 'generation-4-root'])
  })

  it('a tip that the node says is spent with a child means the page is behind', () => {
    const e = clone(chainEvidence('V'))
    e.generations.pop()
    e.generations.pop()
    const result = verifyStoreHistory(e, runner)
    const tip = result.checks.at(-1)!
    expect(tip).toMatchObject({ id: 'tip', pass: false })
    expect(tip.details).toMatch(/newer generation/)
    expect(result.passed).toBe(false)
  })

  it('a coin the node does not know fails its checks and the tip', () => {
    const e = clone(chainEvidence('U'))
    delete e.generations[1].record
    expect(failed(e)).toEqual(['generation-1-parent', 'generation-1-puzzle-hash', 'tip'])
  })

  it('no generations at all is a failed tip', () => {
    const e = clone(chainEvidence('U'))
    e.generations = []
    expect(failed(e)).toEqual(['tip'])
  })
})

describe('Chia reference-wallet stores', () => {
  it('a launcher in the `(root inner_ph)` format verifies, with root-only metadata', () => {
    const compat = driverVectors.compatChiaReferenceWallet
    const launcher = spendIn(compat.chiaWalletLauncherSpend.coinSpend)
    const expected = compat.chiaWalletLauncherSpend.expectedStore
    const eve = { parentCoinInfo: hexToBytes(expected.coin.parentCoinInfo), puzzleHash: hexToBytes(expected.coin.puzzleHash), amount: BigInt(expected.coin.amount) }
    const evidence = evidenceFromSpends([launcher], eve, [hexToBytes(expected.metadata.rootHash)])
    const result = verifyStoreHistory(evidence, runner)
    expect(result.checks.filter((c) => !c.pass)).toEqual([])
    expect(result.generations[0].metadata!.label).toBeUndefined()
    expect(hex(result.generations[0].ownerPuzzleHash!)).toBe(expected.ownerPuzzleHash)
    expect(hex(coinId(eve))).toBe(hex(evidence.generations[0].coinId))
  })
})
