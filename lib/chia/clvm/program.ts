/**
 * The CLVM value model: a program is an atom (bytes) or a pair of programs.
 * Values are immutable plain objects so they cross worker and module boundaries freely.
 * Spec: https://chialisp.com/clvm (serialization in ./serialize.ts, hashing in ./tree-hash.ts).
 */
import { AppError } from '../errors/app-error'
import { bytesToHex, utf8ToBytes } from '../primitives/bytes'
import { bigintToAtom, atomToBigint } from './int'

export interface Atom {
  readonly atom: Uint8Array
  readonly pair?: undefined
}
export interface Pair {
  readonly atom?: undefined
  readonly pair: readonly [Program, Program]
}
export type Program = Atom | Pair

export class ClvmShapeError extends AppError {
  override name = 'ClvmShapeError' as const
  constructor(expected: string, actual: Program) {
    super(`Expected ${expected} in CLVM value.`, { details: `got ${describe(actual)}` })
  }
}

function describe(p: Program): string {
  if (p.atom) return `atom 0x${bytesToHex(p.atom.slice(0, 40))}${p.atom.length > 40 ? '…' : ''}`
  return 'pair'
}

/** The empty atom `()`, CLVM's nil and false. @example isNil(NIL) // true */
export const NIL: Atom = Object.freeze({ atom: new Uint8Array(0) }) as Atom

/** An atom holding `bytes`. @example atom(new Uint8Array([1])) */
export const atom = (bytes: Uint8Array): Atom => (bytes.length === 0 ? NIL : { atom: bytes })

/** A pair `(first . rest)`. @example cons(atom(a), NIL) */
export const cons = (first: Program, rest: Program): Pair => ({ pair: [first, rest] })

/** A proper list `(a b c)` ending in nil. @example list([int(51n), atom(ph), int(1n)]) */
export function list(items: readonly Program[], tail: Program = NIL): Program {
  let out = tail
  for (let i = items.length - 1; i >= 0; i--) out = cons(items[i], out)
  return out
}

/** A CLVM integer atom (minimal two's complement). @example int(1000n).atom // 03e8 */
export const int = (value: bigint | number): Atom => atom(bigintToAtom(BigInt(value)))

/** A UTF-8 string atom. @example str('l') */
export const str = (s: string): Atom => atom(utf8ToBytes(s))

/** `(q . value)`: a program that returns `value`. @example quote(conditions) */
export const quote = (value: Program): Pair => cons(int(1), value)

/** True for atoms. @example isAtom(NIL) // true */
export const isAtom = (p: Program): p is Atom => p.atom !== undefined
/** True for pairs. @example isPair(cons(NIL, NIL)) // true */
export const isPair = (p: Program): p is Pair => p.pair !== undefined
/** True for the empty atom. @example isNil(NIL) // true */
export const isNil = (p: Program): boolean => p.atom !== undefined && p.atom.length === 0

/** The bytes of an atom; throws {@link ClvmShapeError} on a pair. @example toAtom(int(1)) */
export function toAtom(p: Program): Uint8Array {
  if (p.atom === undefined) throw new ClvmShapeError('an atom', p)
  return p.atom
}

/** The atom as a signed CLVM integer. @example toBigint(int(-24)) // -24n */
export const toBigint = (p: Program): bigint => atomToBigint(toAtom(p))

/** `first` of a pair. @example first(cons(a, b)) === a */
export function first(p: Program): Program {
  if (p.pair === undefined) throw new ClvmShapeError('a pair', p)
  return p.pair[0]
}

/** `rest` of a pair. @example rest(cons(a, b)) === b */
export function rest(p: Program): Program {
  if (p.pair === undefined) throw new ClvmShapeError('a pair', p)
  return p.pair[1]
}

/** Items of a list up to its terminating atom (which is ignored, like CLVM `l` walks). @example toList(list([a, b])) */
export function toList(p: Program): Program[] {
  const out: Program[] = []
  let cur = p
  while (cur.pair !== undefined) {
    out.push(cur.pair[0])
    cur = cur.pair[1]
  }
  return out
}

/** Structural equality. @example programEquals(int(1), int(1)) // true */
export function programEquals(a: Program, b: Program): boolean {
  const stack: [Program, Program][] = [[a, b]]
  while (stack.length > 0) {
    const [x, y] = stack.pop()!
    if (x === y) continue
    if (x.atom !== undefined || y.atom !== undefined) {
      if (x.atom === undefined || y.atom === undefined) return false
      if (x.atom.length !== y.atom.length) return false
      for (let i = 0; i < x.atom.length; i++) if (x.atom[i] !== y.atom[i]) return false
      continue
    }
    stack.push([x.pair![0], y.pair![0]], [x.pair![1], y.pair![1]])
  }
  return true
}
