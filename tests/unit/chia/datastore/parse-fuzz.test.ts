/**
 * dataStoreFromSpend on corrupted chain data never crashes with an untyped error: seeded byte
 * mutations of every history spend either parse, are "not a store" (`undefined`), or throw an
 * AppError subclass (decode, run, shape, memo, metadata or puzzle-hash errors).
 */
import { describe, expect, it } from 'vitest'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { readDataStoreSpend } from '@/lib/chia/datastore/data-store-from-spend'
import { AppError } from '@/lib/chia/errors/app-error'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { dataStoreIn } from '@/tests/support/driver-compat'
import { driverVectors, fromJson, type Json } from './vectors'

const runner = createClvmRsRunner()

describe('parser robustness', () => {
  it('600 mutated store spends give a result or a typed AppError', () => {
    let seed = 12345
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed % n
    }
    const pool: { cs: CoinSpend; parent: Json[] }[] = []
    for (const chain of Object.values(driverVectors.history.chains) as Json[]) {
      let parent: Json[] = []
      for (const step of chain.steps) {
        pool.push({ cs: fromJson(step.coinSpend), parent })
        if (step.expectedNewStore) parent = dataStoreIn(fromJson(step.expectedNewStore)).delegatedPuzzles
      }
    }
    const outcomes = { parsed: 0, notAStore: 0, typedError: 0 }
    for (let i = 0; i < 600; i++) {
      const { cs, parent } = pool[rand(pool.length)]
      const field = rand(2) === 0 ? 'solution' : 'puzzleReveal'
      const bytes = Uint8Array.from(cs[field])
      for (let k = 0; k <= rand(3); k++) bytes[rand(bytes.length)] = rand(256)
      const mutated = { ...cs, [field]: bytes }
      try {
        const info = readDataStoreSpend(mutated, parent, runner)
        if (info) outcomes.parsed++
        else outcomes.notAStore++
      } catch (e) {
        expect(e, `mutation ${i} threw ${String(e)}`).toBeInstanceOf(AppError)
        outcomes.typedError++
      }
    }
    expect(outcomes.typedError).toBeGreaterThan(100)
    expect(outcomes.parsed + outcomes.notAStore).toBeGreaterThan(0)
  })
})
