import { readFileSync } from 'node:fs'
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { p256 } from '@noble/curves/nist.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { describe, expect, it } from 'vitest'
import { type Program, atom, cons, int, list, NIL, quote } from '@/lib/chia/clvm/program'
import { createTsRunner, runProgram } from '@/lib/chia/clvm/run-program'
import { type ClvmRunner, ClvmRunError } from '@/lib/chia/clvm/runner'
import { programFromHex, programToHex } from '@/lib/chia/clvm/serialize'
import { bigintToAtom } from '@/lib/chia/clvm/int'
import { fastSha256 } from '@/lib/chia/clvm/operators/fast-sha256'
import { atomToInt, intToAtom, limbsForInt, smallIntToAtom } from '@/lib/chia/clvm/operators/op-utils'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'
import { sha256 } from '@noble/hashes/sha2.js'
import { CONSENSUS_FLAGS, createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'

const vector = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../vectors/${file}`, import.meta.url), 'utf8'))

const rsStrict = createClvmRsRunner()
const rsLenient = createClvmRsRunner(CONSENSUS_FLAGS)
const tsStrict = createTsRunner()
const tsLenient = createTsRunner({ strict: false })

type Outcome = { value: string; cost: bigint } | { error: string }

function outcome(runner: ClvmRunner, program: Program, env: Program, maxCost?: bigint): Outcome {
  try {
    const { value, cost } = runner.run(program, env, maxCost)
    return { value: programToHex(value), cost }
  } catch (e) {
    if (!(e instanceof ClvmRunError)) throw e
    return { error: e.shortMessage }
  }
}

/** Runs on both interpreters (mempool rules unless `lenient`) and expects identical outcomes. */
function same(program: Program, env: Program = NIL, { lenient = false, maxCost }: { lenient?: boolean; maxCost?: bigint } = {}): Outcome {
  const expected = outcome(lenient ? rsLenient : rsStrict, program, env, maxCost)
  const actual = outcome(lenient ? tsLenient : tsStrict, program, env, maxCost)
  expect(actual).toEqual(expected)
  return actual
}

// ---------------------------------------------------------------------------------------------
// A tiny assembler for readable tests: (op args…), (a . b), decimal and 0x-hex atoms, "strings".
const KEYWORDS: Record<string, number | string> = {
  q: 1, a: 2, i: 3, c: 4, f: 5, r: 6, l: 7, x: 8, '=': 9, '>s': 10, sha256: 11, substr: 12, strlen: 13, concat: 14,
  '+': 16, '-': 17, '*': 18, '/': 19, divmod: 20, '>': 21, ash: 22, lsh: 23, logand: 24, logior: 25, logxor: 26,
  lognot: 27, point_add: 29, pubkey_for_exp: 30, not: 32, any: 33, all: 34, softfork: 36, coinid: 48,
  g1_subtract: 49, g1_multiply: 50, g1_negate: 51, g2_add: 52, g2_subtract: 53, g2_multiply: 54, g2_negate: 55,
  g1_map: 56, g2_map: 57, bls_pairing_identity: 58, bls_verify: 59, modpow: 60, '%': 61,
  secp256k1_verify: '0x13d61f00', secp256r1_verify: '0x1c3a8f00',
}

function assemble(text: string): Program {
  const tokens = text.match(/\(|\)|"[^"]*"|[^\s()]+/g) ?? []
  let pos = 0
  const parse = (): Program => {
    const t = tokens[pos++]
    if (t === '(') {
      const items: Program[] = []
      let tail: Program = NIL
      while (tokens[pos] !== ')') {
        if (tokens[pos] === '.') {
          pos++
          tail = parse()
          continue
        }
        items.push(parse())
      }
      pos++
      return list(items, tail)
    }
    if (t.startsWith('"')) return atom(new TextEncoder().encode(t.slice(1, -1)))
    const k = KEYWORDS[t]
    if (typeof k === 'number') return int(k)
    const token = typeof k === 'string' ? k : t
    if (token.startsWith('0x')) return atom(hexToBytes(token.slice(2)))
    return int(BigInt(token))
  }
  return parse()
}

const asm = (text: string) => assemble(text)
/** For the slower cases (BLS pairings, deep programs) on a shared machine; not timing tests. */
const SLOW = 120_000
const hex = (b: Uint8Array) => `0x${bytesToHex(b)}`

// ---------------------------------------------------------------------------------------------

describe('runProgram: reference vectors', () => {
  function collectSpends(node: unknown, out: { puzzleReveal: string; solution: string }[]) {
    if (Array.isArray(node)) for (const n of node) collectSpends(n, out)
    else if (node !== null && typeof node === 'object') {
      const o = node as Record<string, unknown>
      const reveal = o.puzzleReveal ?? o.puzzle_reveal
      if (typeof reveal === 'string' && typeof o.solution === 'string') out.push({ puzzleReveal: reveal, solution: o.solution })
      else for (const v of Object.values(o)) collectSpends(v, out)
    }
  }

  it('runs every driver coin spend (cases[].output.coinSpends) with clvm_rs output bytes and cost', () => {
    const driver = vector('datalayer-driver-0.1.29.json')
    let count = 0
    for (const c of driver.cases) {
      for (const cs of c.output?.coinSpends ?? []) {
        const r = same(programFromHex(cs.puzzleReveal), programFromHex(cs.solution))
        expect('value' in r).toBe(true)
        count++
      }
    }
    expect(count).toBeGreaterThanOrEqual(30)
  })

  it('runs every other coin spend in the driver vectors', () => {
    const spends: { puzzleReveal: string; solution: string }[] = []
    const driver = vector('datalayer-driver-0.1.29.json')
    for (const [key, value] of Object.entries(driver)) if (key !== 'cases') collectSpends(value, spends)
    for (const s of spends) same(programFromHex(s.puzzleReveal), programFromHex(s.solution))
  })

  it('runs the DIG collateral lock and release spends', () => {
    const dig = vector('dig-collateral.json')
    const spends: { puzzleReveal: string; solution: string }[] = []
    collectSpends(dig.spends, spends)
    expect(spends.length).toBeGreaterThanOrEqual(4)
    for (const s of spends) {
      const r = same(programFromHex(s.puzzleReveal), programFromHex(s.solution))
      expect('value' in r).toBe(true)
    }
    const rest: { puzzleReveal: string; solution: string }[] = []
    for (const [key, value] of Object.entries(dig)) if (key !== 'spends') collectSpends(value, rest)
    for (const s of rest) same(programFromHex(s.puzzleReveal), programFromHex(s.solution))
  })

  it('fails with "cost exceeded" exactly one unit below the cost of a real spend', () => {
    const driver = vector('datalayer-driver-0.1.29.json')
    const cs = driver.cases.flatMap((c: { output?: { coinSpends?: unknown[] } }) => c.output?.coinSpends ?? [])[0]
    const program = programFromHex(cs.puzzleReveal)
    const env = programFromHex(cs.solution)
    const { cost } = runProgram(program, env)
    expect(runProgram(program, env, { maxCost: cost }).cost).toBe(cost)
    expect(() => runProgram(program, env, { maxCost: cost - 1n })).toThrow(/cost exceeded/)
    same(program, env, { maxCost: cost - 1n })
  })
})

describe('runProgram: known answers from clvm_rs run_program.rs tests', () => {
  const cases: [string, string, string | null, bigint, string?][] = [
    ['(/ (q . 10) (q . -3))', '()', '-4', 1047n],
    ['(/ (q . -10) (q . 3))', '()', '-4', 1047n],
    ['(/ (q . -1) (q . 2))', '()', '-1', 1047n],
    ['(= (point_add (pubkey_for_exp (q . -2)) (pubkey_for_exp (q . 5))) (pubkey_for_exp (q . 3)))', '()', '1', 6768556n],
    ['(point_add (pubkey_for_exp (q . 1)) (pubkey_for_exp (q . 2)))', '()', '0x89ece308f9d1f0131765212deca99697b112d61f9be9a5f1f3780a51335b3ff981747a0b2ca2179b96d2c0c9024e5224', 5442073n],
    ['(coinid (q . 0x1234500000000000000000000000000000000000000000000000000000000000) (q . 0x6789abcdef000000000000000000000000000000000000000000000000000000) (q . 123456789))', '()', '0x69bfe81b052bfc6bd7f3fb9167fec61793175b897c16a35827f947d5cc98e4bc', 861n],
    ['(softfork (q . 160) (q . 0) (q . (q . 42)) (q . ()))', '()', '()', 241n],
    ['1', '1', '1', 44n],
    ['(+ 2 5)', '(3 4)', '7', 856n],
    ['(a (q 2 2 (c 2 (c 5 (c 11 ())))) (c (q 2 (i (= 11 ()) (q 1 . 1) (q 18 5 (a 2 (c 2 (c 5 (c (- 11 (q . 1)) ())))))) 1) 1))', '(5033 1000)', null, 15073165n],
  ]
  for (const [prg, args, result, cost] of cases) {
    it(prg.length > 70 ? `${prg.slice(0, 70)}…` : prg, () => {
      const r = runProgram(asm(prg), asm(args))
      if (result !== null) expect(programToHex(r.value)).toBe(programToHex(asm(result)))
      expect(r.cost).toBe(cost)
      expect(() => runProgram(asm(prg), asm(args), { maxCost: cost - 1n })).toThrow(/cost exceeded/)
      same(asm(prg), asm(args))
    })
  }

  const errors: [string, string, boolean][] = [
    ['(> 3 3)', 'path into atom', true],
    ['(softfork (q . 979))', 'softfork takes exactly 4 arguments', true],
    ['(softfork (q . 919) (q . 9) (q x) (q . ()))', 'unknown softfork extension', true],
    ['(softfork (q . 919) (q . -1) (q x) (q . ()))', 'softfork requires positive int arg', true],
    ['(softfork (q . 919) (q . 0x0100000000) (q x) (q . ()))', 'softfork requires u32 arg', true],
    ['(softfork (q . 919) (q 1 2 3) (q x) (q . ()))', 'softfork requires int arg', true],
    ['(softfork (q . 1000))', 'cost exceeded', false],
    ['(softfork)', 'first of non-cons', false],
    ['(softfork (q . 0))', 'cost must be > 0', false],
    ['(softfork (q . -1))', 'softfork requires positive int arg', false],
    ['(softfork (q 1 2 3))', 'softfork requires int arg', false],
    ['(softfork (q . 159) (q . 0) (q . (q . 42)) (q . ()))', 'cost exceeded', false],
    ['(softfork (q . 161) (q . 0) (q . (q . 42)) (q . ()))', 'softfork specified cost mismatch', false],
    ['(coinid (q . 0x1234500000000000000000000000000000000000000000000000000000000000) (q . 0x6789abcdef000000000000000000000000000000000000000000000000000000) (q . 0x000123456789))', 'coinid: invalid amount (may not have redundant leading zero)', true],
  ]
  for (const [prg, message, strict] of errors) {
    it(`${strict ? 'mempool' : 'consensus'}: ${prg.slice(0, 60)} → ${message}`, () => {
      const maxCost = message === 'cost exceeded' || message.includes('mismatch') ? 1000n : undefined
      expect(() => runProgram(asm(prg), NIL, { strict, maxCost: maxCost ?? 10_000n })).toThrow(message)
      same(asm(prg), NIL, { lenient: !strict, maxCost: maxCost ?? 10_000n })
    })
  }

  it('consensus mode accepts malformed softfork calls as costed no-ops', () => {
    for (const prg of ['(softfork (q . 979))', '(softfork (q . 919) (q . 9) (q x) (q . ()))', '(softfork (q . 919) (q 1 2 3) (q x) (q . ()))']) {
      const r = runProgram(asm(prg), NIL, { strict: false })
      expect(programToHex(r.value)).toBe('80')
      expect(r.cost).toBe(1000n)
      same(asm(prg), NIL, { lenient: true })
    }
  })
})

describe('runProgram: evaluator edge cases', () => {
  const programs: [string, string][] = [
    ['()', '(1 2 3)'],
    ['0x00', '(1 2 3)'],
    ['0x0000000002', '(1 2 3)'],
    ['0x0080', '(1 2 3)'],
    ['2', '()'],
    ['5', '(1 2 3)'],
    ['11', '(1 2 3)'],
    ['(q . (1 2 3))', '()'],
    ['(q 1 2 3)', '()'],
    ['(0x01 . 7)', '()'],
    ['(0x0001 . 7)', '()'],
    ['(c 2 . 5)', '(1 2)'],
    ['(c 2 5 . 9)', '(1 2)'],
    ['(a (q . (+ 2 5)) (q . (3 4)))', '()'],
    ['(a (q . 2) (q . 9))', '()'],
    ['(a (q . 2))', '()'],
    ['(a (q . (x)) (q . ()))', '()'],
    ['((c) 2 5)', '(1 2)'],
    ['((c 1) 2 5)', '(1 2)'],
    ['(((c)) 2 5)', '(1 2)'],
    ['((q) . 7)', '()'],
    ['((a) (q . 1) (q . 2))', '()'],
    ['(x)', '()'],
    ['(x (q . 1))', '()'],
    ['(x (q . (1 2)))', '()'],
    ['(x (q . 1) (q . 2))', '()'],
    ['(0x00 (q . 1))', '()'],
    ['(0x80 (q . 1))', '()'],
    ['(15 (q . 1))', '()'],
    ['(28 (q . 1))', '()'],
    ['(62 (q . 1))', '()'],
    ['(127 (q . 1))', '()'],
    ['(0x0010 (q . 1) (q . 2))', '()'],
    ['(0x12345678 (q . 1))', '()'],
    ['(0xffff01 (q . 1))', '()'],
    ['(0xff (q . 1))', '()'],
    ['(0x3c3f)', '()'],
    ['(0x00ffff0000)', '()'],
    ['(0x0101010101 (q . 1))', '()'],
    ['(0x41 (q . 1) (q . 0x00ff) (q . 3))', '()'],
    ['(0x81 (q . 1) (q . 0x00ff) (q . 3))', '()'],
    ['(0xc1 (q . 1) (q . 0x00ff) (q . 3))', '()'],
    ['(0x41 (q . (1 2)))', '()'],
    ['(f (f (f 1)))', '(((1 2) 3) 4)'],
    ['(i 2 (q . 10) (q . 20))', '(())'],
    ['(i 2 (q . 10) (q . 20))', '(0x00)'],
    ['(i 2 (q . 10) (q . 20))', '((1))'],
  ]
  for (const [prg, env] of programs) {
    it(`${prg} with ${env}, mempool and consensus`, () => {
      same(asm(prg), asm(env))
      same(asm(prg), asm(env), { lenient: true })
    })
  }

  it('rejects unknown operators in mempool mode with "unimplemented operator"', () => {
    expect(() => runProgram(asm('(62 (q . 1))'), NIL)).toThrow('unimplemented operator')
    expect(() => runProgram(asm('(62 (q . 1))'), NIL, { strict: false })).not.toThrow()
  })

  it('runs deep programs without growing the JS stack', () => {
    // (f (f (f … 1))) nested 100,000 deep over an environment nested as deep.
    let program: Program = int(1)
    let env: Program = int(7)
    for (let i = 0; i < 100_000; i++) {
      program = list([int(5), program])
      env = cons(env, NIL)
    }
    const r = runProgram(program, env, { maxCost: 0n })
    expect(programToHex(r.value)).toBe('07')
    expect(r).toEqual(rsStrict.run(program, env, 0n))
  }, SLOW)

  it('returns an unlimited budget for maxCost 0n and stops at the budget otherwise', () => {
    const loop = asm('(a (q 2 2 (c 2 (c 5 (c 11 ())))) (c (q 2 (i (= 11 ()) (q 1 . 1) (q 18 5 (a 2 (c 2 (c 5 (c (- 11 (q . 1)) ())))))) 1) 1))')
    const r = runProgram(loop, asm('(3 300)'), { maxCost: 0n })
    expect(r.cost).toBe(rsStrict.run(loop, asm('(3 300)'), 0n).cost)
    for (const maxCost of [1n, 100n, 10_000n, r.cost - 1n, r.cost]) same(loop, asm('(3 300)'), { maxCost })
  })
})

describe('runProgram: operators', () => {
  const ints = ['()', '0x00', '1', '-1', '0x80', '0x0080', '0x00ff', '0xff00', '127', '128', '-128', '-129', '255', '256',
    '0x7fffffff', '0x80000000', '0x00000001', '0xffffffff', '0x0100000000', '0x7fffffffffffffff', '0x8000000000000000',
    '0x0123456789abcdef0123456789abcdef', '-0x0123456789abcdef0123456789abcdef', '65535', '-65535', '65536', '-65536', '3', '-3', '7',
    '0x800000000000', '0x7fffffffffff', '0xff0000000001', '0x81693ea6f460', '0x80000000000000', '0x00ffffffffffff']
  const norm = (t: string) => (t.startsWith('-0x') ? `0x${bytesToHex(hexToBytes(t.slice(3)).map((b) => 255 - b))}` : t)
  const q = (t: string) => `(q . ${norm(t)})`

  it('binary integer operators agree on edge values: + - * / divmod % > ash lsh logand logior logxor modpow', () => {
    for (const op of ['+', '-', '*', '/', 'divmod', '%', '>', '>s', '=', 'ash', 'lsh', 'logand', 'logior', 'logxor', 'concat', 'substr']) {
      for (const a of ints) for (const b of ints.slice(0, 20)) same(asm(`(${op} ${q(a)} ${q(b)})`))
    }
  }, SLOW)

  it('variadic operators agree with 0–4 arguments', () => {
    for (const op of ['+', '-', '*', 'logand', 'logior', 'logxor', 'concat', 'sha256', 'any', 'all', 'point_add', 'g1_subtract', 'g2_add', 'g2_subtract']) {
      for (let n = 0; n <= 4; n++) {
        const args = ints.slice(n, n + n).map(q).join(' ')
        same(asm(`(${op} ${args})`))
      }
    }
  })

  it('unary operators agree: lognot strlen not f r l', () => {
    for (const op of ['lognot', 'strlen', 'not', 'f', 'r', 'l', 'pubkey_for_exp']) {
      for (const a of ints) same(asm(`(${op} ${q(a)})`))
      same(asm(`(${op} (q . (1 . 2)))`))
      same(asm(`(${op})`))
      same(asm(`(${op} (q . 1) (q . 2))`))
    }
  })

  it('modpow covers signs, zero modulus and negative exponents', () => {
    const vals = ['()', '1', '-1', '2', '-2', '7', '-7', '0x0123456789', '-0x0123456789', '65537']
    for (const b of vals) for (const e of vals) for (const m of vals) same(asm(`(modpow ${q(b)} ${q(e)} ${q(m)})`))
    expect(programToHex(runProgram(asm('(modpow (q . 2) (q . 10) (q . 1000))'), NIL).value)).toBe('18')
    expect(programToHex(runProgram(asm('(modpow (q . 3) (q . 1) (q . -7))'), NIL).value)).toBe('81fc')
  })

  it('ash and lsh: shift limits and floor semantics', () => {
    for (const [a, n] of [['1', '65535'], ['1', '65536'], ['1', '-65535'], ['1', '-65536'], ['-5', '-1'], ['-1', '-100'],
      ['1', '0x80000000'], ['1', '0x0000000001'], ['0xff', '4'], ['-1', '1']]) {
      same(asm(`(ash ${q(a)} ${q(n)})`))
      same(asm(`(lsh ${q(a)} ${q(n)})`))
    }
    expect(programToHex(runProgram(asm('(ash (q . -5) (q . -1))'), NIL).value)).toBe('81fd')
    expect(programToHex(runProgram(asm('(lsh (q . -1) (q . 1))'), NIL).value)).toBe('8201fe')
  })

  it('substr with 2 and 3 arguments and every bound', () => {
    for (const s of ['"hello"', '()', '0x00']) {
      for (const i of ['()', '1', '-1', '5', '6', '0x00000001', '0x0000000001']) {
        same(asm(`(substr (q . ${s}) ${q(i)})`))
        for (const j of ['()', '2', '5', '6', '-1']) same(asm(`(substr (q . ${s}) ${q(i)} ${q(j)})`))
      }
    }
    same(asm('(substr (q . "hello"))'))
    same(asm('(substr (q . "hello") (q . 1) (q . 2) (q . 3))'))
    same(asm('(substr (q . (1 2)) (q . 1))'))
  })

  it('sha256 and coinid hash exactly like clvm_rs', () => {
    same(asm('(sha256)'))
    same(asm('(sha256 (q . 1) (q . 5))'))
    same(asm('(sha256 (q . 1) (q . 36))'))
    same(asm('(sha256 (q . "abc") (q . ()) (q . 0x00ff))'))
    same(asm('(sha256 (q . (1)))'))
    const id = '0x' + '11'.repeat(32)
    for (const amount of ['()', '0x00', '1', '0x0080', '0x00ff', '-1', '0x00ffffffffffffffff', '0x01ffffffffffffffff', '0xffffffffffffffff', '0x7fffffffffffffff', '0x000001']) {
      same(asm(`(coinid (q . ${id}) (q . ${id}) (q . ${amount}))`))
    }
    same(asm(`(coinid (q . 0x11) (q . ${id}) (q . 1))`))
    same(asm(`(coinid (q . ${id}) (q . 0x11) (q . 1))`))
    same(asm(`(coinid (q . ${id}) (q . ${id}))`))
    same(asm(`(coinid (q . (1)) (q . ${id}) (q . 1))`))
  })

  describe('BLS operators (CHIP-0011)', () => {
    const G1 = bls12_381.G1.Point
    const G2 = bls12_381.G2.Point
    const g1 = (k: bigint) => hex(G1.BASE.multiply(k).toBytes(true))
    const g2 = (k: bigint) => hex(G2.BASE.multiply(k).toBytes(true))
    const g1Inf = hex(G1.ZERO.toBytes(true))
    const g2Inf = hex(G2.ZERO.toBytes(true))
    const badG1 = [
      `0x${'00'.repeat(48)}`,
      `0xc0${'00'.repeat(46)}01`,
      `0xe0${'00'.repeat(47)}`,
      `0x${'ff'.repeat(48)}`,
      `0x9a${'00'.repeat(47)}`,
      `0x80${'00'.repeat(46)}05`,
      g1(5n).replace(/^0x../, (m) => `0x${(parseInt(m.slice(2), 16) & 0x7f).toString(16).padStart(2, '0')}`),
      '0x01',
    ]

    it('point_add, g1_subtract, g1_multiply, g1_negate, pubkey_for_exp', () => {
      same(asm(`(point_add (q . ${g1(1n)}) (q . ${g1(2n)}) (q . ${g1Inf}))`))
      same(asm(`(g1_subtract (q . ${g1(5n)}) (q . ${g1(2n)}))`))
      same(asm(`(g1_subtract (q . ${g1(5n)}))`))
      same(asm(`(g1_subtract)`))
      for (const k of ['()', '1', '-1', '0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001', '0x0073eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000002', '12345']) {
        same(asm(`(g1_multiply (q . ${g1(3n)}) (q . ${norm(k)}))`))
        same(asm(`(pubkey_for_exp (q . ${norm(k)}))`))
      }
      for (const p of [g1(7n), g1Inf, ...badG1]) {
        same(asm(`(g1_negate (q . ${p}))`))
        same(asm(`(point_add (q . ${p}))`))
        same(asm(`(g1_multiply (q . ${p}) (q . 2))`))
      }
      same(asm('(g1_negate (q . (1 2)))'))
      same(asm('(point_add (q . (1 2)))'))
    })

    it('g2_add, g2_subtract, g2_multiply, g2_negate', () => {
      same(asm(`(g2_add (q . ${g2(1n)}) (q . ${g2(2n)}) (q . ${g2Inf}))`))
      same(asm(`(g2_subtract (q . ${g2(5n)}) (q . ${g2(2n)}))`))
      same(asm(`(g2_multiply (q . ${g2(3n)}) (q . -2))`))
      for (const p of [g2(7n), g2Inf, `0x${'00'.repeat(96)}`, `0xc0${'00'.repeat(94)}01`, `0x${'ff'.repeat(96)}`, g1(1n)]) {
        same(asm(`(g2_negate (q . ${p}))`))
        same(asm(`(g2_add (q . ${p}))`))
      }
      same(asm('(g2_negate (q . (1 2)))'))
    })

    it('g1_map and g2_map with default, custom, empty and oversize DSTs', () => {
      for (const dst of [null, '"BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_"', '()', `0x${'ab'.repeat(300)}`, '"x"']) {
        same(asm(`(g1_map (q . "hello")${dst === null ? '' : ` (q . ${dst})`})`))
        same(asm(`(g2_map (q . "hello")${dst === null ? '' : ` (q . ${dst})`})`))
      }
      same(asm('(g1_map)'))
      same(asm('(g2_map (q . 1) (q . 2) (q . 3))'))
      same(asm('(g1_map (q . (1)))'))
    })

    it('bls_pairing_identity, including blst identity-point corner cases', () => {
      const P = g1(1n)
      const nP = hex(G1.BASE.negate().toBytes(true))
      const Q = g2(1n)
      const combos = [
        [], [P, Q], [P, Q, nP, Q], [g1Inf, Q], [P, g2Inf], [g1Inf, g2Inf], [P, g2Inf, P, g2Inf], [P, Q, nP, Q, g1Inf, Q],
        [P, Q, nP, Q, P, g2Inf], [P, Q, nP, Q, g1Inf, g2Inf], [g1(2n), Q, nP, g2(2n)],
        // 9 pairs: blst Miller-loops in chunks of 8, so the 9th pair is a chunk of its own.
        [P, Q, nP, Q, P, Q, nP, Q, P, Q, nP, Q, P, Q, nP, Q, P, g2Inf],
        [P, Q, nP, Q, P, Q, nP, Q, P, Q, nP, Q, P, Q, nP, g2Inf, P, g2Inf],
      ]
      for (const items of combos) same(asm(`(bls_pairing_identity ${items.map((i) => `(q . ${i})`).join(' ')})`))
      same(asm(`(bls_pairing_identity (q . ${P}))`))
      same(asm(`(bls_pairing_identity . 1)`))
      same(asm(`(bls_pairing_identity (q . ${Q}) (q . ${P}))`))
    }, SLOW)

    it('bls_verify: AugSchemeMPL aggregates, identity keys and signatures', () => {
      const sk1 = 7n
      const sk2 = 11n
      const pk1 = G1.BASE.multiply(sk1)
      const pk2 = G1.BASE.multiply(sk2)
      const dst = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_AUG_'
      const h = (pk: typeof pk1, msg: Uint8Array) => bls12_381.G2.hashToCurve(new Uint8Array([...pk.toBytes(true), ...msg]), { DST: dst })
      const m1 = new TextEncoder().encode('one')
      const m2 = new TextEncoder().encode('two')
      const sig = h(pk1, m1).multiply(sk1).add(h(pk2, m2).multiply(sk2))
      const valid = `(bls_verify (q . ${hex(sig.toBytes(true))}) (q . ${hex(pk1.toBytes(true))}) (q . "one") (q . ${hex(pk2.toBytes(true))}) (q . "two"))`
      expect(same(asm(valid))).toEqual({ value: '80', cost: runProgram(asm(valid), NIL).cost })
      same(asm(valid.replace('"two"', '"three"')))
      same(asm(`(bls_verify (q . ${g2Inf}))`))
      same(asm(`(bls_verify (q . ${g2(1n)}))`))
      same(asm(`(bls_verify (q . ${g2Inf}) (q . ${g1Inf}) (q . 1))`))
      same(asm(`(bls_verify (q . ${g2Inf}) (q . ${g1(1n)}))`))
      same(asm(`(bls_verify (q . ${g2Inf}) (q . ${g1(1n)}) (q . (1)))`))
      same(asm(`(bls_verify)`))
    }, SLOW)
  })

  describe('secp256k1_verify and secp256r1_verify', () => {
    for (const [name, curve] of [['secp256k1_verify', secp256k1], ['secp256r1_verify', p256]] as const) {
      it(`${name}: valid, high-S, wrong, malformed`, () => {
        for (const fill of [7, 8, 9, 10, 11, 12, 13, 14]) {
        const sk = new Uint8Array(32).fill(fill)
        const digest = new Uint8Array(32).fill(9)
        const pk = curve.getPublicKey(sk, true)
        const pkFull = curve.getPublicKey(sk, false)
        const sig = curve.Signature.fromBytes(curve.sign(digest, sk, { prehash: false }), 'compact')
        const n = curve.Point.Fn.ORDER
        const highS = new curve.Signature(sig.r, n - sig.s).toBytes('compact')
        const call = (k: string, d: string, s: string) => `(${name} (q . ${k}) (q . ${d}) (q . ${s}))`
        const good = call(hex(pk), hex(digest), hex(sig.toBytes('compact')))
        expect(same(asm(good))).toEqual({ value: '80', cost: runProgram(asm(good), NIL).cost })
        same(asm(call(hex(pkFull), hex(digest), hex(sig.toBytes('compact')))))
        same(asm(call(hex(pk), hex(digest), hex(highS))))
        same(asm(call(hex(pk), hex(new Uint8Array(32)), hex(sig.toBytes('compact')))))
        same(asm(call(hex(pk), hex(digest.subarray(1)), hex(sig.toBytes('compact')))))
        same(asm(call('0x00', hex(digest), hex(sig.toBytes('compact')))))
        same(asm(call(`0x05${bytesToHex(pk.subarray(1))}`, hex(digest), hex(sig.toBytes('compact')))))
        same(asm(call(`0x02${'ff'.repeat(32)}`, hex(digest), hex(sig.toBytes('compact')))))
        same(asm(call(hex(pk), hex(digest), `0x${'00'.repeat(64)}`)))
        same(asm(call(hex(pk), hex(digest), `0x${'ff'.repeat(64)}`)))
        same(asm(call(hex(pk), hex(digest), hex(sig.toBytes('compact').subarray(1)))))
        same(asm(`(${name} (q . ${hex(pk)}) (q . ${hex(digest)}))`))
        same(asm(`(${name} (q . (1)) (q . ${hex(digest)}) (q . 1))`))
        }
      })
    }
  })

  it('quote and env helpers build the same values the vectors use', () => {
    // sanity for the assembler itself
    expect(programToHex(asm('(q . (1 2))'))).toBe(programToHex(quote(list([int(1), int(2)]))))
    expect(programToHex(asm('0x00ff'))).toBe('8200ff')
  })
})

describe('fastSha256', () => {
  it('equals @noble/hashes sha256 for every length up to 300 bytes, split at every point', () => {
    const data = Uint8Array.from({ length: 300 }, (_, i) => (i * 131 + 7) & 0xff)
    for (let len = 0; len <= 300; len++) {
      const message = data.subarray(0, len)
      const expected = bytesToHex(sha256(message))
      expect(bytesToHex(fastSha256([message]))).toBe(expected)
      const cut = (len * 37) % (len + 1)
      expect(bytesToHex(fastSha256([message.subarray(0, cut), new Uint8Array(0), message.subarray(cut)]))).toBe(expected)
    }
  })

  it('handles many parts and long inputs', () => {
    const big = Uint8Array.from({ length: 1_000_003 }, (_, i) => (i * 7919) & 0xff)
    expect(bytesToHex(fastSha256([big]))).toBe(bytesToHex(sha256(big)))
    const parts = Array.from({ length: 100 }, (_, i) => big.subarray(i * 97, i * 97 + (i % 13)))
    let total = 0
    for (const p of parts) total += p.length
    const joined = new Uint8Array(total)
    let o = 0
    for (const p of parts) {
      joined.set(p, o)
      o += p.length
    }
    expect(bytesToHex(fastSha256(parts))).toBe(bytesToHex(sha256(joined)))
    expect(bytesToHex(fastSha256([new TextEncoder().encode('abc')]))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})

describe('integer codecs used by the operators', () => {
  it('intToAtom and atomToInt agree with lib/chia/clvm/int on edge and random values', () => {
    const values: bigint[] = [0n, 1n, -1n, 127n, 128n, -128n, -129n, 255n, 256n]
    for (let bits = 1; bits <= 130; bits++) {
      const p = 1n << BigInt(bits)
      values.push(p, p - 1n, p + 1n, -p, -p - 1n, -p + 1n)
    }
    let x = 0x9e3779b97f4a7c15n
    for (let i = 0; i < 300; i++) {
      x = (x * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n)
      values.push(x >> BigInt(i % 64), -(x >> BigInt((i * 7) % 64)), x * x * (i % 2 ? 1n : -1n))
    }
    for (const v of values) {
      const expected = bigintToAtom(v)
      expect(bytesToHex(intToAtom(v).atom), `${v}`).toBe(bytesToHex(expected))
      expect(atomToInt(expected)).toBe(v)
      const magnitude = v < 0n ? -v : v
      expect(limbsForInt(v)).toBe(magnitude === 0n ? 0 : Math.ceil(magnitude.toString(2).length / 8))
      if (v > -(2n ** 52n) && v < 2n ** 52n) expect(bytesToHex(smallIntToAtom(Number(v)).atom)).toBe(bytesToHex(expected))
    }
  })
})
