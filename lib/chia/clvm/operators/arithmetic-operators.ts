/**
 * Integer operators: `+ - * / divmod % > ash lsh logand logior logxor lognot modpow`.
 * Integers are signed big-endian two's complement; results are minimal. Division floors
 * (ENABLE_FIXED_DIV semantics: negative operands allowed). Semantics, error messages and costs:
 * clvm_rs 0.7.0 `src/more_ops.rs` (https://github.com/Chia-Network/clvm_rs/blob/0.7.0/src/more_ops.rs).
 */
import {
  ARITH_BASE_COST,
  ARITH_COST_PER_ARG,
  ARITH_COST_PER_BYTE,
  ASHIFT_BASE_COST,
  ASHIFT_COST_PER_BYTE,
  DIV_BASE_COST,
  DIV_COST_PER_BYTE,
  DIVMOD_BASE_COST,
  DIVMOD_COST_PER_BYTE,
  GR_BASE_COST,
  GR_COST_PER_BYTE,
  LOG_BASE_COST,
  LOG_COST_PER_ARG,
  LOG_COST_PER_BYTE,
  LOGNOT_BASE_COST,
  LOGNOT_COST_PER_BYTE,
  LSHIFT_BASE_COST,
  LSHIFT_COST_PER_BYTE,
  MALLOC_COST_PER_BYTE,
  MODPOW_BASE_COST,
  MODPOW_COST_PER_BYTE_BASE_VALUE,
  MODPOW_COST_PER_BYTE_EXPONENT,
  MODPOW_COST_PER_BYTE_MOD,
  MUL_BASE_COST,
  MUL_COST_PER_OP,
  MUL_LINEAR_COST_PER_BYTE,
  MUL_SQUARE_COST_PER_BYTE_DIVIDER,
} from '../costs'
import { atomToUnsigned } from '../int'
import { type Program, NIL } from '../program'
import {
  type Reduction,
  ONE,
  atomArg,
  atomToInt,
  atomToSmallInt,
  checkCost,
  divModFloor,
  getArgs,
  i32Arg,
  intArg,
  intToAtom,
  limbsForInt,
  raise,
  smallIntToAtom,
} from './op-utils'

const SAFE = 2 ** 52

function withMalloc(cost: number, value: Program): Reduction {
  return { cost: cost + value.atom!.length * MALLOC_COST_PER_BYTE, value }
}

/**
 * `(+ a b …)`: the sum (0 for no arguments).
 * @example opAdd(list([int(1), int(2)]), max).value // 3
 */
export function opAdd(args: Program, maxCost: number): Reduction {
  let cost = ARITH_BASE_COST
  let byteCount = 0
  let small = 0
  let big: bigint | undefined
  let next = args
  while (next.pair !== undefined) {
    const arg = next.pair[0]
    next = next.pair[1]
    cost += ARITH_COST_PER_ARG
    checkCost(cost + byteCount * ARITH_COST_PER_BYTE, maxCost)
    if (arg.atom === undefined) raise('+ requires int args', arg)
    const b = arg.atom
    byteCount += b.length
    if (big === undefined && b.length <= 6) {
      small += atomToSmallInt(b)
      if (small > SAFE || small < -SAFE) {
        big = BigInt(small)
        small = 0
      }
    } else {
      big = (big ?? BigInt(small)) + atomToInt(b)
      small = 0
    }
  }
  const value = big === undefined ? smallIntToAtom(small) : intToAtom(big)
  return withMalloc(cost + byteCount * ARITH_COST_PER_BYTE, value)
}

/**
 * `(- a b …)`: `a` minus the rest (0 for no arguments).
 * @example opSubtract(list([int(5), int(2)]), max).value // 3
 */
export function opSubtract(args: Program, maxCost: number): Reduction {
  let cost = ARITH_BASE_COST
  let byteCount = 0
  let total = 0n
  let first = true
  let next = args
  while (next.pair !== undefined) {
    const arg = next.pair[0]
    next = next.pair[1]
    cost += ARITH_COST_PER_ARG
    checkCost(cost + byteCount * ARITH_COST_PER_BYTE, maxCost)
    const b = intArg(arg, '-')
    if (first) {
      total = atomToInt(b)
      byteCount = b.length
      first = false
    } else {
      total -= atomToInt(b)
      byteCount += b.length
    }
  }
  return withMalloc(cost + byteCount * ARITH_COST_PER_BYTE, intToAtom(total))
}

/**
 * `(* a b …)`: the product (1 for no arguments).
 * @example opMultiply(list([int(6), int(7)]), max).value // 42
 */
export function opMultiply(args: Program, maxCost: number): Reduction {
  let cost = MUL_BASE_COST
  let first = true
  let total = 1n
  let l0 = 0
  let next = args
  while (next.pair !== undefined) {
    const arg = next.pair[0]
    next = next.pair[1]
    checkCost(cost, maxCost)
    const b = intArg(arg, '*')
    if (first) {
      total = atomToInt(b)
      l0 = b.length
      first = false
      continue
    }
    const l1 = b.length
    total *= atomToInt(b)
    cost += MUL_COST_PER_OP
    cost += (l0 + l1) * MUL_LINEAR_COST_PER_BYTE
    cost += Math.floor((l0 * l1) / MUL_SQUARE_COST_PER_BYTE_DIVIDER)
    l0 = limbsForInt(total)
  }
  return withMalloc(cost, intToAtom(total))
}

function twoInts(args: Program, name: string): [Uint8Array, Uint8Array] {
  const [a, b] = getArgs(args, 2, name)
  return [intArg(a, name), intArg(b, name)]
}

/**
 * `(/ a b)`: floor division (negative operands allowed, as with ENABLE_FIXED_DIV).
 * @example opDiv(list([int(-7), int(2)]), max).value // -4
 */
export function opDiv(args: Program, _maxCost: number): Reduction {
  const [a, b] = twoInts(args, '/')
  const cost = DIV_BASE_COST + (a.length + b.length) * DIV_COST_PER_BYTE
  const d = atomToInt(b)
  if (d === 0n) raise('div with 0', args)
  return withMalloc(cost, intToAtom(divModFloor(atomToInt(a), d)[0]))
}

/**
 * `(divmod a b)`: `(quotient . remainder)` with floor semantics.
 * @example opDivmod(list([int(-7), int(2)]), max).value // (-4 . 1)
 */
export function opDivmod(args: Program, _maxCost: number): Reduction {
  const [a, b] = twoInts(args, 'divmod')
  const cost = DIVMOD_BASE_COST + (a.length + b.length) * DIVMOD_COST_PER_BYTE
  const d = atomToInt(b)
  if (d === 0n) raise('divmod with 0', args)
  const [q, r] = divModFloor(atomToInt(a), d)
  const qa = intToAtom(q)
  const ra = intToAtom(r)
  return { cost: cost + (qa.atom.length + ra.atom.length) * MALLOC_COST_PER_BYTE, value: { pair: [qa, ra] } }
}

/**
 * `(% a b)`: floor modulo (CHIP-0011, opcode 61).
 * @example opMod(list([int(-7), int(2)]), max).value // 1
 */
export function opMod(args: Program, _maxCost: number): Reduction {
  const [a, b] = twoInts(args, 'mod')
  const cost = DIV_BASE_COST + (a.length + b.length) * DIV_COST_PER_BYTE
  const d = atomToInt(b)
  if (d === 0n) raise('mod with 0', args)
  return withMalloc(cost, intToAtom(divModFloor(atomToInt(a), d)[1]))
}

/**
 * `(> a b)`: signed integer comparison.
 * @example opGr(list([int(2), int(1)]), max).value // 1
 */
export function opGr(args: Program, _maxCost: number): Reduction {
  const [a, b] = twoInts(args, '>')
  const cost = GR_BASE_COST + (a.length + b.length) * GR_COST_PER_BYTE
  const gt = a.length <= 6 && b.length <= 6 ? atomToSmallInt(a) > atomToSmallInt(b) : atomToInt(a) > atomToInt(b)
  return { cost, value: gt ? ONE : NIL }
}

function shiftAmount(node: Program, name: string): number {
  const n = i32Arg(node, name)
  if (n < -65535 || n > 65535) raise('shift too large', node)
  return n
}

/**
 * `(ash a n)`: arithmetic shift left (n > 0) or right with floor (n < 0), |n| <= 65535.
 * @example opAsh(list([int(-5), int(-1)]), max).value // -3
 */
export function opAsh(args: Program, _maxCost: number): Reduction {
  const [n0, n1] = getArgs(args, 2, 'ash')
  const b = intArg(n0, 'ash')
  const shift = shiftAmount(n1, 'ash')
  const i0 = atomToInt(b)
  const v = shift > 0 ? i0 << BigInt(shift) : i0 >> BigInt(-shift)
  const cost = ASHIFT_BASE_COST + (b.length + limbsForInt(v)) * ASHIFT_COST_PER_BYTE
  return withMalloc(cost, intToAtom(v))
}

/**
 * `(lsh a n)`: logical shift of `a` read as unsigned, |n| <= 65535.
 * @example opLsh(list([int(-1), int(1)]), max).value // 0x01fe
 */
export function opLsh(args: Program, _maxCost: number): Reduction {
  const [n0, n1] = getArgs(args, 2, 'lsh')
  const b = atomArg(n0, 'lsh')
  const shift = shiftAmount(n1, 'lsh')
  const i0 = atomToUnsigned(b)
  const v = shift > 0 ? i0 << BigInt(shift) : i0 >> BigInt(-shift)
  const cost = LSHIFT_BASE_COST + (b.length + limbsForInt(v)) * LSHIFT_COST_PER_BYTE
  return withMalloc(cost, intToAtom(v))
}

function bitwise(args: Program, maxCost: number, name: string, initial: bigint, f: (a: bigint, b: bigint) => bigint): Reduction {
  let total = initial
  let argSize = 0
  let cost = LOG_BASE_COST
  let next = args
  while (next.pair !== undefined) {
    const arg = next.pair[0]
    next = next.pair[1]
    const b = intArg(arg, name)
    total = f(total, atomToInt(b))
    argSize += b.length
    cost += LOG_COST_PER_ARG
    checkCost(cost + argSize * LOG_COST_PER_BYTE, maxCost)
  }
  return withMalloc(cost + argSize * LOG_COST_PER_BYTE, intToAtom(total))
}

/**
 * `(logand a b …)`: bitwise and (-1 for no arguments).
 * @example opLogand(list([int(12), int(10)]), max).value // 8
 */
export const opLogand = (args: Program, maxCost: number): Reduction =>
  bitwise(args, maxCost, 'logand', -1n, (a, b) => a & b)

/**
 * `(logior a b …)`: bitwise or (0 for no arguments).
 * @example opLogior(list([int(12), int(10)]), max).value // 14
 */
export const opLogior = (args: Program, maxCost: number): Reduction =>
  bitwise(args, maxCost, 'logior', 0n, (a, b) => a | b)

/**
 * `(logxor a b …)`: bitwise exclusive or (0 for no arguments).
 * @example opLogxor(list([int(12), int(10)]), max).value // 6
 */
export const opLogxor = (args: Program, maxCost: number): Reduction =>
  bitwise(args, maxCost, 'logxor', 0n, (a, b) => a ^ b)

/**
 * `(lognot a)`: bitwise complement, `-a - 1`.
 * @example opLognot(list([int(0)]), max).value // -1
 */
export function opLognot(args: Program, _maxCost: number): Reduction {
  const [n] = getArgs(args, 1, 'lognot')
  const b = intArg(n, 'lognot')
  const cost = LOGNOT_BASE_COST + b.length * LOGNOT_COST_PER_BYTE
  return withMalloc(cost, intToAtom(-atomToInt(b) - 1n))
}

/**
 * `(modpow base exponent modulus)` (CHIP-0011, opcode 60): result has the sign of the modulus.
 * @example opModpow(list([int(2), int(10), int(1000)]), max).value // 24
 */
export function opModpow(args: Program, maxCost: number): Reduction {
  const [bn, en, mn] = getArgs(args, 3, 'modpow')
  let cost = MODPOW_BASE_COST
  const bb = intArg(bn, 'modpow')
  cost += bb.length * MODPOW_COST_PER_BYTE_BASE_VALUE
  const eb = intArg(en, 'modpow')
  cost += eb.length * eb.length * MODPOW_COST_PER_BYTE_EXPONENT
  checkCost(cost, maxCost)
  const mb = intArg(mn, 'modpow')
  cost += mb.length * mb.length * MODPOW_COST_PER_BYTE_MOD
  checkCost(cost, maxCost)
  const exponent = atomToInt(eb)
  if (exponent < 0n) raise('modpow with negative exponent', args)
  const modulus = atomToInt(mb)
  if (modulus === 0n) raise('modpow with 0 modulus', args)
  const m = modulus < 0n ? -modulus : modulus
  let result = powMod(divModFloor(atomToInt(bb), m)[1], exponent, m)
  // num-bigint `modpow` rounds like mod_floor: the result lies in (modulus, 0] for a negative modulus.
  if (modulus < 0n && result !== 0n) result -= m
  return withMalloc(cost, intToAtom(result))
}

function powMod(base: bigint, exponent: bigint, m: bigint): bigint {
  if (m === 1n) return 0n
  let result = 1n
  let b = base % m
  let e = exponent
  while (e > 0n) {
    if (e & 1n) result = (result * b) % m
    e >>= 1n
    if (e > 0n) b = (b * b) % m
  }
  return result
}
