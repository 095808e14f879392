/**
 * Differential fuzzing: seeded random CLVM programs over every operator, run by the TypeScript
 * interpreter and by clvm_rs (clvm_wasm 0.7.0). Both must fail with the same message, or succeed
 * with the same output bytes and the same cost, in mempool and in consensus mode, and at the cost
 * limit boundary.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { type Program, atom, cons, int, list, NIL, quote } from '@/lib/chia/clvm/program'
import { runProgram } from '@/lib/chia/clvm/run-program'
import { ClvmRunError } from '@/lib/chia/clvm/runner'
import { programFromHex, programToBytes, programToHex } from '@/lib/chia/clvm/serialize'
import { CONSENSUS_FLAGS, MEMPOOL_FLAGS, runSerialized } from '@/lib/devnet/clvm-rs-runner'
import { bytesToHex } from '@/lib/chia/primitives/bytes'

/** mulberry32: a tiny deterministic PRNG so every run generates the same programs. */
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const G1 = bls12_381.G1.Point
const G2 = bls12_381.G2.Point
const G1_POINTS = [G1.BASE, G1.BASE.double(), G1.BASE.negate(), G1.ZERO, G1.BASE.multiply(12345n)].map((p) => p.toBytes(true))
const G2_POINTS = [G2.BASE, G2.BASE.double(), G2.ZERO].map((p) => p.toBytes(true))

const EDGE_ATOMS: number[][] = [
  [], [0], [1], [2], [5], [0x7f], [0x80], [0xff], [0, 0x80], [0, 0xff], [0xff, 0xff], [0xff, 0x7f], [1, 0], [0, 0, 1],
  [0x80, 0, 0, 0], [0x7f, 0xff, 0xff, 0xff], [0xff, 0xff, 0xff, 0xff], [0, 0xff, 0xff, 0xff, 0xff], [1, 0, 0, 0, 0],
  [0xff, 0xfe], [0x00, 0x00], [0x10], [0x20], [0x24], [0x40], [0xc0], [0xff, 0xff, 0xff], [0x0f, 0xff, 0xff],
]

type Kind = 'any' | 'int' | 'small' | 'bytes' | 'g1' | 'g2' | 'hash' | 'amount' | 'shift'

// [opcode atom, min args, max args, argument kinds (last repeats)] — weights by repetition.
const OPS: [number[], number, number, Kind[]][] = [
  [[2], 2, 2, ['any']], [[3], 3, 3, ['any']], [[3], 3, 3, ['any']], [[4], 2, 2, ['any']], [[4], 2, 2, ['any']],
  [[5], 1, 1, ['any']], [[6], 1, 1, ['any']], [[7], 1, 1, ['any']], [[8], 0, 2, ['any']], [[9], 2, 2, ['small']],
  [[10], 2, 2, ['bytes']], [[11], 0, 3, ['bytes']], [[11], 2, 2, ['small']], [[12], 2, 3, ['bytes', 'small']],
  [[13], 1, 1, ['bytes']], [[14], 0, 3, ['bytes']], [[16], 0, 4, ['int']], [[16], 0, 4, ['small']], [[17], 0, 4, ['int']],
  [[18], 0, 4, ['int']], [[19], 2, 2, ['int']], [[20], 2, 2, ['int']], [[21], 2, 2, ['int']], [[22], 2, 2, ['int', 'shift']],
  [[23], 2, 2, ['bytes', 'shift']], [[24], 0, 3, ['int']], [[25], 0, 3, ['int']], [[26], 0, 3, ['int']], [[27], 1, 1, ['int']],
  [[29], 0, 3, ['g1']], [[30], 1, 1, ['int']], [[32], 1, 1, ['any']], [[33], 0, 3, ['any']], [[34], 0, 3, ['any']],
  [[36], 1, 4, ['any']], [[48], 3, 3, ['hash', 'hash', 'amount']], [[48], 3, 3, ['hash', 'hash', 'amount']],
  [[49], 0, 3, ['g1']], [[50], 2, 2, ['g1', 'int']], [[51], 1, 1, ['g1']], [[52], 0, 2, ['g2']], [[53], 0, 2, ['g2']],
  [[54], 2, 2, ['g2', 'small']], [[55], 1, 1, ['g2']], [[56], 1, 2, ['bytes']], [[57], 1, 2, ['bytes']],
  [[58], 0, 4, ['g1', 'g2']], [[59], 1, 3, ['g2', 'g1', 'bytes']], [[60], 3, 3, ['int', 'small', 'int']], [[61], 2, 2, ['int']],
  [[0], 0, 2, ['any']], [[15], 0, 2, ['any']], [[28], 0, 2, ['any']], [[35], 0, 2, ['any']], [[62], 0, 2, ['any']],
  [[0x80], 0, 2, ['any']], [[0, 0x10], 0, 2, ['int']], [[0xff, 0xff], 0, 1, ['any']], [[0x7f, 0x41], 0, 3, ['bytes']],
  [[0x01, 0x81], 0, 3, ['int']], [[0x02, 0xc3], 0, 3, ['bytes']], [[0x13, 0xd6, 0x1f, 0x00], 3, 3, ['bytes']],
  [[0x1c, 0x3a, 0x8f, 0x00], 3, 3, ['bytes']], [[0x00, 0x00, 0x00, 0x05], 0, 1, ['any']],
]
// BLS operators are slow in JS; keep them rare so the suite stays fast.
const EXPENSIVE = new Set([29, 30, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59])

class Generator {
  constructor(readonly rand: () => number) {}
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]
  }
  chance(p: number): boolean {
    return this.rand() < p
  }
  bytes(n: number): Uint8Array {
    return Uint8Array.from({ length: n }, () => Math.floor(this.rand() * 256))
  }
  atomOf(kind: Kind): Uint8Array {
    switch (kind) {
      case 'small':
        return Uint8Array.from(this.pick(EDGE_ATOMS.slice(0, 12)))
      case 'shift':
        return this.pick([[], [1], [8], [0xff], [0x7f], [0x00, 0xff], [0xff, 0x00], [0x7f, 0xff], [0x00, 0xff, 0xff], [0x01, 0x00, 0x00], [0x80, 0x01]].map((b) => Uint8Array.from(b)))
      case 'g1':
        return this.chance(0.85) ? this.pick(G1_POINTS) : this.chance(0.5) ? this.bytes(48) : this.pick(G2_POINTS)
      case 'g2':
        return this.chance(0.85) ? this.pick(G2_POINTS) : this.chance(0.5) ? this.bytes(96) : this.pick(G1_POINTS)
      case 'hash':
        return this.chance(0.9) ? this.bytes(32) : this.bytes(Math.floor(this.rand() * 40))
      case 'amount':
        return this.chance(0.3) ? Uint8Array.from(this.pick(EDGE_ATOMS)) : this.bytes(Math.floor(this.rand() * 10))
      case 'int':
      case 'bytes':
      case 'any': {
        const r = this.rand()
        if (r < 0.45) return Uint8Array.from(this.pick(EDGE_ATOMS))
        if (r < 0.8) return this.bytes(1 + Math.floor(this.rand() * 8))
        if (r < 0.95) return this.bytes(9 + Math.floor(this.rand() * 40))
        return this.bytes(this.pick([32, 48, 96, 100, 255, 600]))
      }
    }
  }
  /** A random value (tree) for quoting or as an environment. */
  value(depth: number): Program {
    if (depth <= 0 || this.chance(0.55)) return atom(this.atomOf('any'))
    return cons(this.value(depth - 1), this.value(depth - 1))
  }
  envPath(): Program {
    const r = this.rand()
    if (r < 0.7) return int(1 + Math.floor(this.rand() * 31))
    if (r < 0.8) return NIL
    if (r < 0.9) return atom(Uint8Array.of(0, 1 + Math.floor(this.rand() * 7)))
    return atom(this.bytes(1 + Math.floor(this.rand() * 3)))
  }
  expression(depth: number, kind: Kind = 'any'): Program {
    if (depth <= 0 || this.chance(0.3)) {
      const r = this.rand()
      if (r < 0.65 || kind !== 'any') return quote(this.chance(0.9) || kind !== 'any' ? atom(this.atomOf(kind)) : this.value(2))
      return this.envPath()
    }
    const special = this.rand()
    if (special < 0.06) return list([int(2), quote(this.expression(depth - 1)), this.chance(0.5) ? int(1) : quote(this.value(3))])
    if (special < 0.08) return this.softfork(depth)
    if (special < 0.09) return cons(list([atom(Uint8Array.from(this.pick(OPS)[0]))]), this.value(2))
    let op = this.pick(OPS)
    if (EXPENSIVE.has(op[0][0]) && op[0].length === 1 && this.chance(0.7)) op = this.pick(OPS)
    const [code, min, max, kinds] = op
    const n = this.chance(0.85) ? min + Math.floor(this.rand() * (max - min + 1)) : Math.floor(this.rand() * 5)
    const args: Program[] = []
    for (let i = 0; i < n; i++) {
      const k = kinds[Math.min(i, kinds.length - 1)]
      args.push(k !== 'any' && this.chance(0.6) ? quote(atom(this.atomOf(k))) : this.expression(depth - 1, this.chance(0.5) ? k : 'any'))
    }
    const tail = this.chance(0.02) ? atom(this.atomOf('any')) : NIL
    return list([atom(Uint8Array.from(code)), ...args], tail)
  }
  softfork(depth: number): Program {
    const program = this.expression(depth - 1)
    const env = this.value(2)
    let cost: bigint
    try {
      cost = 140n + runSerialized(programToBytes(program), programToBytes(env), 100_000_000n, MEMPOOL_FLAGS).cost
    } catch {
      cost = BigInt(1 + Math.floor(this.rand() * 5000))
    }
    const r = this.rand()
    if (r < 0.15) cost += 1n
    else if (r < 0.25) cost -= 1n
    const extension = this.chance(0.9) ? NIL : atom(this.atomOf('small'))
    return list([int(36), quote(int(cost)), quote(extension), quote(program), quote(env)])
  }
}

type Outcome = { value: string; cost: bigint } | { error: string }

function rsOutcome(program: Program, env: Program, maxCost: bigint, flags: number): Outcome {
  try {
    const { output, cost } = runSerialized(programToBytes(program), programToBytes(env), maxCost, flags)
    return { value: bytesToHex(output), cost }
  } catch (e) {
    if (!(e instanceof ClvmRunError)) throw e
    return { error: e.shortMessage }
  }
}

function tsOutcome(program: Program, env: Program, maxCost: bigint, strict: boolean): Outcome {
  try {
    const { value, cost } = runProgram(program, env, { maxCost, strict })
    return { value: programToHex(value), cost }
  } catch (e) {
    if (!(e instanceof ClvmRunError)) throw e
    return { error: e.shortMessage }
  }
}

function check(label: string, program: Program, env: Program, maxCost: bigint, strict: boolean): Outcome {
  const expected = rsOutcome(program, env, maxCost, strict ? MEMPOOL_FLAGS : CONSENSUS_FLAGS)
  const actual = tsOutcome(program, env, maxCost, strict)
  if (JSON.stringify(actual, (_, v) => (typeof v === 'bigint' ? v.toString() : v)) !== JSON.stringify(expected, (_, v) => (typeof v === 'bigint' ? v.toString() : v))) {
    expect({ label, program: programToHex(program), env: programToHex(env), maxCost, strict, actual }).toEqual({
      label, program: programToHex(program), env: programToHex(env), maxCost, strict, actual: expected,
    })
  }
  return actual
}

/** Generous: the machine running CI may be shared and slow; these are not timing tests. */
const TIMEOUT = 180_000

const PROGRAMS_PER_SEED = 1000
// CLVM_FUZZ_SEEDS=<n> runs a longer campaign locally (seeds 1..n); CI runs three.
const SEEDS = Array.from({ length: Number(process.env.CLVM_FUZZ_SEEDS ?? 3) }, (_, i) => i + 1)

describe('runProgram vs clvm_rs on random programs', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: ${PROGRAMS_PER_SEED} programs agree in mempool and consensus mode and at the cost limit`, () => {
      const g = new Generator(prng(seed))
      const stats = { ok: 0, failed: 0, costLimited: 0 }
      for (let i = 0; i < PROGRAMS_PER_SEED; i++) {
        const program = g.expression(1 + Math.floor(g.rand() * 5))
        const env = g.value(4)
        const maxCost = g.chance(0.1) ? BigInt(Math.floor(g.rand() * 3000)) : 100_000_000n
        const label = `seed ${seed} #${i}`
        const strict = check(label, program, env, maxCost, true)
        check(label, program, env, maxCost, false)
        if ('cost' in strict) {
          stats.ok++
          if (strict.cost > 0n) {
            const below = check(`${label} at cost-1`, program, env, strict.cost - 1n, true)
            expect(below).toEqual({ error: 'CLVM program failed: cost exceeded' })
            // A budget that runs out somewhere in the middle: in an operator's own cost checks, in
            // an argument, or in the evaluator. Both runners must stop at the same point.
            check(`${label} mid-run`, program, env, BigInt(Math.floor(g.rand() * Number(strict.cost))), true)
            stats.costLimited++
          }
        } else stats.failed++
      }
      // The generator must exercise both outcomes substantially.
      expect(stats.ok).toBeGreaterThan(PROGRAMS_PER_SEED / 5)
      expect(stats.failed).toBeGreaterThan(PROGRAMS_PER_SEED / 10)
    }, TIMEOUT)
  }
})

describe('runProgram vs clvm_rs, operator by operator', () => {
  it('every operator succeeds on some typed arguments and agrees on all of them', () => {
    const g = new Generator(prng(42))
    const successes = new Map<string, { strict: number; lenient: number }>()
    for (const [code, min, max, kinds] of OPS) {
      const key = bytesToHex(Uint8Array.from(code))
      const tally = successes.get(key) ?? { strict: 0, lenient: 0 }
      successes.set(key, tally)
      const rounds = EXPENSIVE.has(code[0]) && code.length === 1 ? 12 : 60
      for (let i = 0; i < rounds; i++) {
        const n = g.chance(0.9) ? min + Math.floor(g.rand() * (max - min + 1)) : Math.floor(g.rand() * 5)
        const args: Program[] = []
        for (let j = 0; j < n; j++) {
          const k = kinds[Math.min(j, kinds.length - 1)]
          if (k === 'any' && g.chance(0.5)) args.push(quote(g.value(3)))
          else args.push(g.chance(0.85) ? quote(atom(g.atomOf(k))) : g.expression(2, k))
        }
        const program = code.length === 1 && code[0] === 36 ? g.softfork(3) : list([atom(Uint8Array.from(code)), ...args])
        const env = g.value(3)
        if ('cost' in check(`op ${key} #${i}`, program, env, 100_000_000n, true)) tally.strict++
        if ('cost' in check(`op ${key} #${i}`, program, env, 100_000_000n, false)) tally.lenient++
      }
    }
    const known = [2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 29, 30, 32, 33, 34, 36,
      48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61] // bls_verify successes: run-program.test.ts
    for (const op of known) expect(successes.get(bytesToHex(Uint8Array.of(op)))?.strict, `opcode ${op}`).toBeGreaterThan(0)
    // Unknown opcodes never run in mempool mode, but cost and return nil in consensus mode.
    for (const op of ['0f', '3e', '7f41', '0181', '02c3', '00000005']) {
      expect(successes.get(op)?.strict, `opcode ${op}`).toBe(0)
      expect(successes.get(op)?.lenient, `opcode ${op}`).toBeGreaterThan(0)
    }
  }, TIMEOUT)
})

/** Rebuilds `root` with the `target`-th node (pre-order) replaced by `replacement`. */
function replaceNode(root: Program, target: number, replacement: Program): Program {
  let index = 0
  // Iterative pre-order rebuild: frames hold a node and, once visited, its rebuilt children.
  type Frame = { node: Program; stage: 0 | 1 | 2; first?: Program }
  const stack: Frame[] = [{ node: root, stage: 0 }]
  const results: Program[] = []
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]
    if (frame.stage === 0) {
      if (index++ === target) {
        stack.pop()
        results.push(replacement)
        continue
      }
      if (frame.node.pair === undefined) {
        stack.pop()
        results.push(frame.node)
        continue
      }
      frame.stage = 1
      stack.push({ node: frame.node.pair[0], stage: 0 })
    } else if (frame.stage === 1) {
      frame.first = results.pop()
      frame.stage = 2
      stack.push({ node: frame.node.pair![1], stage: 0 })
    } else {
      const rest = results.pop()!
      stack.pop()
      results.push(frame.first === frame.node.pair![0] && rest === frame.node.pair![1] ? frame.node : cons(frame.first!, rest))
    }
  }
  return results[0]
}

function countNodes(root: Program): number {
  let n = 0
  const stack = [root]
  while (stack.length > 0) {
    const p = stack.pop()!
    n++
    if (p.pair !== undefined) stack.push(p.pair[0], p.pair[1])
  }
  return n
}

describe('runProgram vs clvm_rs on mutated DataLayer spends', () => {
  it('agrees on 600 random mutations of real puzzle reveals and solutions', () => {
    const driver = JSON.parse(readFileSync(new URL('../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8'))
    const spends: { puzzle: Program; solution: Program }[] = driver.cases.flatMap(
      (c: { output?: { coinSpends?: { puzzleReveal: string; solution: string }[] } }) =>
        (c.output?.coinSpends ?? []).map((cs) => ({ puzzle: programFromHex(cs.puzzleReveal), solution: programFromHex(cs.solution) })),
    )
    const g = new Generator(prng(7))
    const outcomes = { ok: 0, failed: 0 }
    for (let i = 0; i < 600; i++) {
      const { puzzle, solution } = g.pick(spends)
      const mutatePuzzle = g.chance(0.4)
      const base = mutatePuzzle ? puzzle : solution
      const replacement = g.chance(0.7) ? atom(g.atomOf('any')) : g.value(3)
      const mutated = replaceNode(base, Math.floor(g.rand() * countNodes(base)), replacement)
      const [p, e] = mutatePuzzle ? [mutated, solution] : [puzzle, mutated]
      const r = check(`mutation #${i}`, p, e, 100_000_000n, true)
      if ('cost' in r) outcomes.ok++
      else outcomes.failed++
      if (g.chance(0.2)) check(`mutation #${i} consensus`, p, e, 100_000_000n, false)
    }
    expect(outcomes.ok).toBeGreaterThan(30)
    expect(outcomes.failed).toBeGreaterThan(100)
  }, TIMEOUT)
})
