/**
 * Shared helpers for CLVM operators: argument parsing, integer encodings and error raising, with
 * the exact error messages and checks of clvm_rs 0.7.0 `src/op_utils.rs`, `src/allocator.rs` and
 * `src/number.rs` (https://github.com/Chia-Network/clvm_rs/tree/0.7.0/src).
 */
import { bytesToHex } from '../../primitives/bytes'
import { atomToUnsigned } from '../int'
import { type Atom, type Program, NIL } from '../program'
import { ClvmRunError } from '../runner'
import { programToBytes } from '../serialize'

/** What an operator returns: its cost and its value. */
export interface Reduction {
  cost: number
  value: Program
}

/**
 * A CLVM operator: takes its (already evaluated) argument list and the remaining cost budget.
 * @example const { cost, value } = opCons(list([a, b]), 1e9)
 */
export type Operator = (args: Program, maxCost: number) => Reduction

/** The atom `1`, CLVM's canonical true. @example ONE.atom // Uint8Array [1] */
export const ONE: Atom = Object.freeze({ atom: Uint8Array.of(1) }) as Atom

const DETAIL_LIMIT = 256

/**
 * Throws a {@link ClvmRunError} with clvm_rs's message, naming the offending node in `details`.
 * @example raise('path into atom', env)
 */
export function raise(message: string, node?: Program): never {
  let details: string | undefined
  if (node !== undefined) {
    const hex = bytesToHex(programToBytes(node))
    details = `node ${hex.length > DETAIL_LIMIT ? `${hex.slice(0, DETAIL_LIMIT)}…` : hex}`
  }
  throw new ClvmRunError(message, { details })
}

/**
 * Throws "cost exceeded" when `cost` is over `maxCost` (clvm_rs `check_cost`).
 * @example checkCost(cost, maxCost)
 */
export function checkCost(cost: number, maxCost: number): void {
  if (cost > maxCost) raise('cost exceeded')
}

/**
 * Exactly `n` arguments or "<name> takes exactly n argument(s)" (clvm_rs `get_args`).
 * @example const [a, b] = getArgs(args, 2, 'c')
 */
export function getArgs(args: Program, n: number, name: string): Program[] {
  const out: Program[] = []
  let next = args
  while (next.pair !== undefined) {
    if (out.length === n) argCountError(args, n, name)
    out.push(next.pair[0])
    next = next.pair[1]
  }
  if (out.length !== n) argCountError(args, n, name)
  return out
}

/**
 * Exactly one argument (allocation-free {@link getArgs} for hot operators).
 * @example const n = args1(args, 'f')
 */
export function args1(args: Program, name: string): Program {
  const p = args.pair
  if (p === undefined || p[1].pair !== undefined) argCountError(args, 1, name)
  return p[0]
}

/**
 * Exactly two arguments.
 * @example const [a, b] = args2(args, 'c')
 */
export function args2(args: Program, name: string): [Program, Program] {
  const p = args.pair
  const q = p?.[1].pair
  if (q === undefined || q[1].pair !== undefined) argCountError(args, 2, name)
  return [p![0], q[0]]
}

/**
 * Exactly three arguments.
 * @example const [c, t, e] = args3(args, 'i')
 */
export function args3(args: Program, name: string): [Program, Program, Program] {
  const p = args.pair
  const q = p?.[1].pair
  const r = q?.[1].pair
  if (r === undefined || r[1].pair !== undefined) argCountError(args, 3, name)
  return [p![0], q![0], r[0]]
}

function argCountError(args: Program, n: number, name: string): never {
  raise(`${name} takes exactly ${n} argument${n === 1 ? '' : 's'}`, args)
}

/**
 * Up to `n` arguments or "<name> takes no more than n argument(s)" (clvm_rs `get_varargs`).
 * @example const items = getVarargs(args, 3, 'substr')
 */
export function getVarargs(args: Program, n: number, name: string): Program[] {
  const out: Program[] = []
  let next = args
  while (next.pair !== undefined) {
    if (out.length === n) raise(`${name} takes no more than ${n} argument${n === 1 ? '' : 's'}`, args)
    out.push(next.pair[0])
    next = next.pair[1]
  }
  return out
}

/**
 * The bytes of an atom argument, or "<name> on list" (clvm_rs `atom`).
 * @example const blob = atomArg(arg, 'sha256')
 */
export function atomArg(node: Program, name: string): Uint8Array {
  if (node.atom === undefined) raise(`${name} on list`, node)
  return node.atom
}

/**
 * The bytes of an integer argument, or "<name> requires int args" (clvm_rs `int_atom`).
 * @example const bytes = intArg(arg, '+')
 */
export function intArg(node: Program, name: string): Uint8Array {
  if (node.atom === undefined) raise(`${name} requires int args`, node)
  return node.atom
}

/**
 * Signed big-endian value of an atom (two's complement). Fast for atoms of up to 6 bytes.
 * @example atomToInt(Uint8Array.of(0xff)) // -1n
 */
export function atomToInt(b: Uint8Array): bigint {
  const len = b.length
  if (len === 0) return 0n
  if (len <= 6) return BigInt(atomToSmallInt(b))
  const v = atomToUnsigned(b)
  return b[0] & 0x80 ? v - (1n << BigInt(len * 8)) : v
}

/**
 * Signed value of an atom of at most 6 bytes as a JS number (exact below 2^53).
 * @example atomToSmallInt(Uint8Array.of(0x00, 0x80)) // 128
 */
export function atomToSmallInt(b: Uint8Array): number {
  const len = b.length
  if (len === 0) return 0
  let v = b[0] & 0x80 ? b[0] - 256 : b[0]
  for (let i = 1; i < len; i++) v = v * 256 + b[i]
  return v
}

const SMALL_ATOMS: Atom[] = Array.from({ length: 256 }, (_, i) =>
  i === 0 ? NIL : (Object.freeze({ atom: i < 128 ? Uint8Array.of(i) : Uint8Array.of(0, i) }) as Atom),
)

/**
 * Minimal CLVM encoding of a safe JS integer (|n| < 2^53) as an atom.
 * @example smallIntToAtom(128).atom // 00 80
 */
export function smallIntToAtom(n: number): Atom {
  if (n >= 0 && n < 256) return SMALL_ATOMS[n]
  return { atom: smallIntToBytes(n) }
}

function smallIntToBytes(n: number): Uint8Array {
  // Number of bytes: smallest k with -2^(8k-1) <= n < 2^(8k-1).
  let k = 1
  let lim = 128
  while (n >= lim || n < -lim) {
    k++
    lim *= 256
  }
  const out = new Uint8Array(k)
  // Byte-wise two's complement without forming 2^(8k) + n, which would lose precision past 2^53.
  let v = n
  for (let i = k - 1; i >= 0; i--) {
    const r = v % 256
    out[i] = r < 0 ? r + 256 : r
    v = Math.floor(v / 256)
  }
  return out
}

const MAX_SMALL = 2n ** 48n

/**
 * Minimal CLVM encoding of a bigint as an atom (clvm_rs `node_from_number`).
 * @example intToAtom(-1n).atom // ff
 */
export function intToAtom(v: bigint): Atom {
  if (v < MAX_SMALL && v > -MAX_SMALL) return smallIntToAtom(Number(v))
  return { atom: bigintToBytes(v) }
}

function bigintToBytes(v: bigint): Uint8Array {
  const negative = v < 0n
  // Two's complement: for negatives encode 2^(8k) + v with k chosen so the sign bit is set.
  let hex = (negative ? -v - 1n : v).toString(16)
  if (hex.length % 2) hex = '0' + hex
  // A set top bit would flip the sign: add a sign byte.
  if (parseInt(hex[0], 16) >= 8) hex = '00' + hex
  const len = hex.length / 2
  const out = new Uint8Array(len)
  for (let i = 0; i < len; i++) {
    const byte = parseInt(hex.substr(i * 2, 2), 16)
    out[i] = negative ? 255 - byte : byte
  }
  return out
}

/**
 * Bytes needed for |v| (clvm_rs `limbs_for_int`: redundant zeros are not counted).
 * @example limbsForInt(-129n) // 2
 */
export function limbsForInt(v: bigint): number {
  if (v === 0n) return 0
  if (v < 0n) v = -v
  if (v < 0x100000000n) {
    const n = Number(v)
    return Math.ceil((32 - Math.clz32(n)) / 8)
  }
  const hex = v.toString(16)
  return Math.ceil((hex.length * 4 - (4 - (32 - Math.clz32(parseInt(hex[0], 16))))) / 8)
}

/**
 * A 32-bit signed integer argument (clvm_rs `i32_atom`): at most 4 bytes, sign-extended.
 * @example i32Arg(arg, 'substr')
 */
export function i32Arg(node: Program, name: string): number {
  if (node.atom === undefined) raise(`${name} requires int32 args`, node)
  const b = node.atom
  if (b.length > 4) raise(`${name} requires int32 args (with no leading zeros)`, node)
  return atomToSmallInt(b)
}

/**
 * A non-negative integer of at most `size` bytes after stripping leading zeros (clvm_rs
 * `uint_atom`); errors "requires positive int arg" / "requires u<bits> arg" / "requires int arg".
 * @example uintArg(arg, 8, 'softfork') // 1000n
 */
export function uintArg(node: Program, size: number, name: string): bigint {
  if (node.atom === undefined) raise(`${name} requires int arg`, node)
  const b = node.atom
  if (b.length === 0) return 0n
  if (b[0] & 0x80) raise(`${name} requires positive int arg`, node)
  let start = 0
  while (start < b.length && b[start] === 0) start++
  if (b.length - start > size) raise(`${name} requires u${size * 8} arg`, node)
  return atomToUnsigned(b.subarray(start))
}

/**
 * Floor division and modulo (num-integer `div_mod_floor`), divisor non-zero.
 * @example divModFloor(-7n, 2n) // [-4n, 1n]
 */
export function divModFloor(a: bigint, b: bigint): [bigint, bigint] {
  let q = a / b
  let r = a % b
  if (r !== 0n && r < 0n !== b < 0n) {
    q -= 1n
    r += b
  }
  return [q, r]
}

/**
 * True when the node is the empty atom (clvm_rs `nilp`).
 * @example isNilNode(NIL) // true
 */
export const isNilNode = (p: Program): boolean => p.atom !== undefined && p.atom.length === 0
