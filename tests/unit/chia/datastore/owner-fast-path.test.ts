/**
 * `readDataStoreSpend` runs only the owner's puzzle for an owner spend of a delegated store,
 * relying on the delegation layer returning the owner's conditions unchanged. These tests check
 * that claim with clvm_rs on every such spend in the driver's history vectors, and that the
 * parse then runs the cheaper program (and still the full layer for delegates).
 */
import { describe, expect, it } from 'vitest'

import { type Program, atom, list, programEquals, str } from '@/lib/chia/clvm/program'
import type { ClvmRunner } from '@/lib/chia/clvm/runner'
import { programFromBytes } from '@/lib/chia/clvm/serialize'
import { readDataStoreSpend } from '@/lib/chia/datastore/data-store-from-spend'
import { knownPuzzleHash } from '@/lib/chia/layers/known-puzzle-hash'
import { delegationLayer } from '@/lib/chia/layers/delegation-layer'
import { nftStateLayer } from '@/lib/chia/layers/nft-state-layer'
import { singletonLayer } from '@/lib/chia/layers/singleton-layer'
import { equalBytes } from '@/lib/chia/primitives/bytes'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { DL_METADATA_UPDATER, DL_METADATA_UPDATER_HASH } from '@/lib/chia/puzzles/dl-metadata-updater'
import { SINGLETON_LAUNCHER_HASH } from '@/lib/chia/puzzles/singleton-launcher'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { dataStoreIn } from '@/tests/support/driver-compat'

import { type Json, driverVectors, fromJson } from './vectors'

const rs = createClvmRsRunner()

type Step = { coinSpend: CoinSpend; parentDelegates: ReturnType<typeof dataStoreIn>['delegatedPuzzles'] }
const steps: Step[] = []
for (const chain of Object.values(driverVectors.history.chains) as Json[]) {
  const s = chain.steps as Json[]
  for (let i = 1; i < s.length; i++) {
    const coinSpend = fromJson(s[i].coinSpend) as CoinSpend
    if (equalBytes(coinSpend.coin.puzzleHash, SINGLETON_LAUNCHER_HASH) || !s[i - 1].expectedNewStore) continue
    steps.push({ coinSpend, parentDelegates: dataStoreIn(fromJson(s[i - 1].expectedNewStore)).delegatedPuzzles })
  }
}

function layers(coinSpend: CoinSpend) {
  const singleton = singletonLayer.parse(programFromBytes(coinSpend.puzzleReveal))!
  const state = nftStateLayer.parse(singleton.innerPuzzle)!
  const innerSolution = nftStateLayer.parseSolution(singletonLayer.parseSolution(programFromBytes(coinSpend.solution)).innerSolution)
  const deleg = delegationLayer.parse(state.innerPuzzle)
  const solution = deleg && delegationLayer.parseSolution(innerSolution)
  const owner = !!deleg && !!solution && equalBytes(knownPuzzleHash(solution.puzzleReveal), deleg.ownerPuzzleHash)
  return { state, innerSolution, solution, owner }
}

const ownerSteps = steps.filter((s) => layers(s.coinSpend).owner)
const delegateSteps = steps.filter((s) => {
  const l = layers(s.coinSpend)
  return l.solution && !l.owner
})

describe('owner spends of the delegation layer', () => {
  it('the vectors hold owner and delegate spends of delegated stores', () => {
    expect(ownerSteps.length).toBeGreaterThanOrEqual(3)
    expect(delegateSteps.length).toBeGreaterThanOrEqual(2)
  })

  it('the full delegation layer returns exactly the owner puzzle conditions (clvm_rs)', () => {
    for (const { coinSpend } of ownerSteps) {
      const { state, innerSolution, solution } = layers(coinSpend)
      const full = rs.run(state.innerPuzzle, innerSolution)
      const direct = rs.run(solution!.puzzleReveal, solution!.puzzleSolution)
      expect(programEquals(full.value, direct.value)).toBe(true)
      expect(direct.cost).toBeLessThan(full.cost)
    }
  })

  it('the parse runs the owner puzzle for owners and the whole layer for delegates, with the same result as the layer', () => {
    const check = (step: Step, owner: boolean) => {
      const ran: Program[] = []
      const spy: ClvmRunner = { run: (p, e, c) => (ran.push(p), rs.run(p, e, c)) }
      const info = readDataStoreSpend(step.coinSpend, step.parentDelegates, spy)!
      const { state, solution } = layers(step.coinSpend)
      expect(ran.some((p) => programEquals(p, state.innerPuzzle))).toBe(!owner)
      // Owners: the owner puzzle once (its output also serves the re-hint check). Delegates may
      // run their reveal again for that check, after the full layer.
      if (owner) expect(ran.filter((p) => programEquals(p, solution!.puzzleReveal)).length).toBe(1)
      if (owner) expect(info.authority).toBe('owner')
      else expect(info.authority).not.toBe('owner')
      return info
    }
    for (const s of ownerSteps) check(s, true)
    for (const s of delegateSteps) check(s, false)
  })
})

describe('the DataLayer metadata updater (ACS_MU)', () => {
  it('returns its solution, the third argument, which the parse uses without running it (clvm_rs)', () => {
    expect(DL_METADATA_UPDATER.atom).toEqual(new Uint8Array([0x0b]))
    const solutions = [list([list([str('r'), atom(new Uint8Array(32).fill(7))]), atom(DL_METADATA_UPDATER_HASH)]), str('x'), list([])]
    for (const solution of solutions) {
      const out = rs.run(DL_METADATA_UPDATER, list([list([str('old')]), atom(DL_METADATA_UPDATER_HASH), solution])).value
      expect(programEquals(out, solution)).toBe(true)
    }
  })
})
