/**
 * Byte-string operators: `>s sha256 substr strlen concat` and CHIP-0011 `coinid` (opcode 48).
 * Semantics, error messages and costs: clvm_rs 0.7.0 `src/more_ops.rs`
 * (https://github.com/Chia-Network/clvm_rs/blob/0.7.0/src/more_ops.rs).
 */
import {
  CONCAT_BASE_COST,
  CONCAT_COST_PER_ARG,
  CONCAT_COST_PER_BYTE,
  COINID_COST,
  GRS_BASE_COST,
  GRS_COST_PER_BYTE,
  MALLOC_COST_PER_BYTE,
  SHA256_BASE_COST,
  SHA256_COST_PER_ARG,
  SHA256_COST_PER_BYTE,
  STRLEN_BASE_COST,
  STRLEN_COST_PER_BYTE,
} from '../costs'
import { compareBytes } from '../../primitives/bytes'
import { type Program, NIL } from '../program'
import { fastSha256 } from './fast-sha256'
import { type Reduction, ONE, atomArg, checkCost, getArgs, getVarargs, i32Arg, raise, smallIntToAtom } from './op-utils'

/**
 * `(>s a b)`: lexicographic byte comparison.
 * @example opGrBytes(list([str('b'), str('a')]), max).value // 1
 */
export function opGrBytes(args: Program, _maxCost: number): Reduction {
  const [n0, n1] = getArgs(args, 2, '>s')
  const a = atomArg(n0, '>s')
  const b = atomArg(n1, '>s')
  const cost = GRS_BASE_COST + (a.length + b.length) * GRS_COST_PER_BYTE
  return { cost, value: compareBytes(a, b) > 0 ? ONE : NIL }
}

/**
 * `(sha256 a b …)`: SHA-256 of the concatenated atoms.
 * @example opSha256(list([str('abc')]), max).value // ba7816bf…
 */
export function opSha256(args: Program, maxCost: number): Reduction {
  let cost = SHA256_BASE_COST
  let byteCount = 0
  const parts: Uint8Array[] = []
  let next = args
  while (next.pair !== undefined) {
    const arg = next.pair[0]
    next = next.pair[1]
    cost += SHA256_COST_PER_ARG
    checkCost(cost + byteCount * SHA256_COST_PER_BYTE, maxCost)
    const blob = atomArg(arg, 'sha256')
    byteCount += blob.length
    parts.push(blob)
  }
  cost += byteCount * SHA256_COST_PER_BYTE
  return { cost: cost + 32 * MALLOC_COST_PER_BYTE, value: { atom: fastSha256(parts) } }
}

/**
 * `(substr a start [end])`: bytes `start..end` of `a` (cost 1, no copy).
 * @example opSubstr(list([str('hello'), int(1), int(3)]), max).value // 'el'
 */
export function opSubstr(args: Program, _maxCost: number): Reduction {
  const items = getVarargs(args, 3, 'substr')
  if (items.length < 2) raise('substr takes exactly 2 or 3 arguments', args)
  const a0 = items[0]
  if (a0.atom === undefined) raise('substr requires an atom', a0)
  const size = a0.atom.length
  const start = i32Arg(items[1], 'substr')
  const end = items.length === 3 ? i32Arg(items[2], 'substr') : size
  if (end < 0 || start < 0 || end > size || end < start) raise('invalid indices for substr', args)
  const bytes = a0.atom.subarray(start, end)
  return { cost: 1, value: bytes.length === 0 ? NIL : { atom: bytes } }
}

/**
 * `(strlen a)`: the length of an atom.
 * @example opStrlen(list([str('hello')]), max).value // 5
 */
export function opStrlen(args: Program, _maxCost: number): Reduction {
  const [n] = getArgs(args, 1, 'strlen')
  if (n.atom === undefined) raise('strlen requires an atom', n)
  const size = n.atom.length
  const value = smallIntToAtom(size)
  return { cost: STRLEN_BASE_COST + size * STRLEN_COST_PER_BYTE + value.atom.length * MALLOC_COST_PER_BYTE, value }
}

/**
 * `(concat a b …)`: the concatenated atoms.
 * @example opConcat(list([str('ab'), str('c')]), max).value // 'abc'
 */
export function opConcat(args: Program, maxCost: number): Reduction {
  let cost = CONCAT_BASE_COST
  let total = 0
  const parts: Uint8Array[] = []
  let next = args
  while (next.pair !== undefined) {
    const arg = next.pair[0]
    next = next.pair[1]
    cost += CONCAT_COST_PER_ARG
    checkCost(cost + total * CONCAT_COST_PER_BYTE, maxCost)
    if (arg.atom === undefined) raise('concat on list', arg)
    total += arg.atom.length
    parts.push(arg.atom)
  }
  cost += total * CONCAT_COST_PER_BYTE + total * MALLOC_COST_PER_BYTE
  checkCost(cost, maxCost)
  if (total === 0) return { cost, value: NIL }
  if (parts.length === 1) return { cost, value: { atom: parts[0] } }
  const out = new Uint8Array(total)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return { cost, value: { atom: out } }
}

/**
 * `(coinid parent puzzle_hash amount)` (CHIP-0011): `sha256(parent ‖ puzzle_hash ‖ amount)` after
 * checking 32-byte ids and a canonical, non-negative amount of at most 8 bytes of value.
 * @example opCoinid(list([atom(parent), atom(ph), int(1)]), max).value // coin id
 */
export function opCoinid(args: Program, _maxCost: number): Reduction {
  const [pn, phn, an] = getArgs(args, 3, 'coinid')
  const parent = atomArg(pn, 'coinid')
  if (parent.length !== 32) raise('coinid: invalid parent coin id (must be 32 bytes)', args)
  const puzzleHash = atomArg(phn, 'coinid')
  if (puzzleHash.length !== 32) raise('coinid: invalid puzzle hash (must be 32 bytes)', args)
  const amount = atomArg(an, 'coinid')
  if (amount.length > 0) {
    // clvm_rs's message really lacks the closing parenthesis.
    if (amount[0] & 0x80) raise('coinid: invalid amount (may not be negative', args)
    if ((amount.length === 1 && amount[0] === 0) || (amount.length > 1 && amount[0] === 0 && (amount[1] & 0x80) === 0)) {
      raise('coinid: invalid amount (may not have redundant leading zero)', args)
    }
    if (amount.length > 9 || (amount.length === 9 && amount[0] !== 0)) {
      raise('coinid: invalid amount (may not exceed max coin amount)', args)
    }
  }
  return { cost: COINID_COST + 32 * MALLOC_COST_PER_BYTE, value: { atom: fastSha256([parent, puzzleHash, amount]) } }
}
