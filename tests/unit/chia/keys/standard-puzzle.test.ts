import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { atom, int, list } from '@/lib/chia/clvm/program'
import { programFromHex, programToHex } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { standardPuzzle, standardPuzzleHash, standardSolution } from '@/lib/chia/keys/standard-puzzle'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'

const vectors = JSON.parse(
  readFileSync(new URL('../../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8'),
)

describe('standard puzzle', () => {
  it('puzzle hash of every vector synthetic key equals the driver syntheticKeyToPuzzleHash', () => {
    for (const k of Object.values(vectors.keys) as Record<string, string>[]) {
      const pk = hexToBytes(k.syntheticPublicKey)
      expect(bytesToHex(standardPuzzleHash(pk))).toBe(k.puzzleHash)
      expect(bytesToHex(treeHash(standardPuzzle(pk)))).toBe(k.puzzleHash)
    }
  })

  it('builds the exact puzzle reveal and solution of a driver spend', () => {
    const mint = vectors.cases.find((c: { name: string }) => c.name === 'mint_vanilla_minimal')
    const p2 = mint.output.coinSpends[1]
    const pk = hexToBytes(vectors.keys.owner.syntheticPublicKey)
    expect(programToHex(standardPuzzle(pk))).toBe(p2.puzzleReveal)
    // (() (q . conditions) ()): rebuild the solution from its own conditions.
    const solution = programFromHex(p2.solution)
    const conditions = (solution.pair![1].pair![0].pair![1])
    expect(programToHex(standardSolution(conditions))).toBe(p2.solution)
  })

  it('runs to AGG_SIG_ME(pk, sha256tree((q . conditions))) followed by the conditions', () => {
    const pk = hexToBytes(vectors.keys.owner.syntheticPublicKey)
    const conditions = list([list([int(51), atom(new Uint8Array(32).fill(9)), int(1000)])])
    const { value } = createClvmRsRunner().run(standardPuzzle(pk), standardSolution(conditions))
    const out = programToHex(value)
    const delegated = treeHash(programFromHex(`ff01${programToHex(conditions)}`))
    expect(out).toBe(`ffff32ffb0${bytesToHex(pk)}ffa0${bytesToHex(delegated)}80ff${programToHex(conditions).slice(2)}`)
  })
})
