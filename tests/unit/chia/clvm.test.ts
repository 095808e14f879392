import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bigintToAtom, atomToBigint } from '@/lib/chia/clvm/int'
import { atom, cons, int, list, NIL, programEquals } from '@/lib/chia/clvm/program'
import { programFromHex, programToHex, serializedLength, programToBytes } from '@/lib/chia/clvm/serialize'
import { curryTreeHash, treeHash } from '@/lib/chia/clvm/tree-hash'
import { curry, uncurry } from '@/lib/chia/clvm/curry'
import { disassemble } from '@/lib/chia/clvm/disassemble'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'

const puzzles = JSON.parse(readFileSync(new URL('../../vectors/puzzles.json', import.meta.url), 'utf8'))
const vectors = JSON.parse(
  readFileSync(new URL('../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8'),
)

describe('CLVM integers', () => {
  const cases: [bigint, string][] = [
    [0n, ''], [1n, '01'], [127n, '7f'], [128n, '0080'], [255n, '00ff'], [1000n, '03e8'],
    [-1n, 'ff'], [-24n, 'e8'], [-13n, 'f3'], [-113n, '8f'], [-128n, '80'], [-129n, 'ff7f'],
    [(1n << 64n) - 1n, '00ffffffffffffffff'],
  ]
  it.each(cases)('%s ↔ %s', (n, hex) => {
    expect(bytesToHex(bigintToAtom(n))).toBe(hex)
    expect(atomToBigint(hexToBytes(hex))).toBe(n)
  })
})

describe('serialization', () => {
  it('round-trips every puzzle in puzzles.json and recomputes its tree hash', () => {
    for (const p of puzzles.puzzles) {
      const prog = programFromHex(p.hex)
      expect(programToHex(prog)).toBe(p.hex)
      expect(serializedLength(prog)).toBe(p.hex.length / 2)
      expect(bytesToHex(treeHash(prog)), p.name).toBe(p.treeHash)
    }
  })

  it('round-trips every coin spend in the driver vectors', () => {
    let n = 0
    for (const c of vectors.cases) {
      for (const cs of c.output?.coinSpends ?? []) {
        expect(programToHex(programFromHex(cs.puzzleReveal))).toBe(cs.puzzleReveal)
        expect(programToHex(programFromHex(cs.solution))).toBe(cs.solution)
        n++
      }
    }
    expect(n).toBeGreaterThan(30)
  })

  it('encodes atoms of every length class', () => {
    for (const len of [0, 1, 63, 64, 0x1fff, 0x2000, 0xfffff, 0x100000]) {
      const a = atom(new Uint8Array(len).fill(0xaa))
      const bytes = programToBytes(a)
      expect(serializedLength(a)).toBe(bytes.length)
      expect(programEquals(programFromHex(bytesToHex(bytes)), a)).toBe(true)
    }
    expect(programToHex(atom(new Uint8Array([0x00])))).toBe('00')
    expect(programToHex(atom(new Uint8Array([0x80])))).toBe('8180')
  })

  it('reads back-references', () => {
    // (x . x) with x = 0x0102…: serialized with backref path 2 ("first of stack") — clvm_rs style.
    const x = atom(hexToBytes('aabbccdd'))
    // stack after parsing left: (x . ()); backref 0x02 → first → x
    const prog = programFromHex('ff84aabbccddfe02')
    expect(programEquals(prog, cons(x, x))).toBe(true)
  })

  it('rejects malformed input', () => {
    expect(() => programFromHex('ff01')).toThrow(/Malformed/)
    expect(() => programFromHex('8401')).toThrow(/Malformed/)
    expect(() => programFromHex('0101')).toThrow(/trailing/)
    expect(() => programFromHex('zz')).toThrow(/hex/)
  })
})

describe('curry', () => {
  it('matches curryTreeHash and uncurries', () => {
    const std = puzzles.puzzles.find((p: { name: string }) => p.name.startsWith('p2_delegated'))
    const mod = programFromHex(std.hex)
    const pk = hexToBytes(vectors.keys.owner.syntheticPublicKey)
    const curried = curry(mod, [atom(pk)])
    expect(bytesToHex(treeHash(curried))).toBe(vectors.keys.owner.puzzleHash)
    expect(bytesToHex(curryTreeHash(treeHash(mod), [treeHash(atom(pk))]))).toBe(vectors.keys.owner.puzzleHash)
    const u = uncurry(curried)!
    expect(programEquals(u.mod, mod)).toBe(true)
    expect(u.args).toHaveLength(1)
    expect(uncurry(list([int(1)]))).toBeUndefined()
  })
})

describe('coin ids', () => {
  it('matches the driver', () => {
    for (const v of vectors.coinIds) {
      const id = coinId({
        parentCoinInfo: hexToBytes(v.coin.parentCoinInfo),
        puzzleHash: hexToBytes(v.coin.puzzleHash),
        amount: BigInt(v.coin.amount),
      })
      expect(bytesToHex(id)).toBe(v.coinId)
    }
  })
})

describe('disassemble', () => {
  it('renders ints, strings, hex and improper lists', () => {
    expect(disassemble(list([int(51), atom(hexToBytes('00'.repeat(32))), int(1)]))).toBe(`(51 0x${'00'.repeat(32)} 1)`)
    expect(disassemble(cons(int(1), int(2)))).toBe('(1 . 2)')
    expect(disassemble(NIL)).toBe('()')
  })
})
