/**
 * BLS12-381 operators: `point_add` (g1_add, 29), `pubkey_for_exp` (30) and the CHIP-0011 set
 * `g1_subtract g1_multiply g1_negate g2_add g2_subtract g2_multiply g2_negate g1_map g2_map
 * bls_pairing_identity bls_verify` (49–59), over @noble/curves.
 * Semantics, error messages and costs: clvm_rs 0.7.0 `src/bls_ops.rs`, `src/more_ops.rs`,
 * `src/allocator.rs` (https://github.com/Chia-Network/clvm_rs/tree/0.7.0/src) with chia-bls 0.4
 * point decoding (https://github.com/Chia-Network/chia_rs/tree/0.4.0/chia-bls/src).
 * CHIP: https://github.com/Chia-Network/chips/blob/main/CHIPs/chip-0011.md
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import {
  BLS_G1_MULTIPLY_BASE_COST,
  BLS_G1_MULTIPLY_COST_PER_BYTE,
  BLS_G1_NEGATE_BASE_COST,
  BLS_G1_SUBTRACT_BASE_COST,
  BLS_G1_SUBTRACT_COST_PER_ARG,
  BLS_G2_ADD_BASE_COST,
  BLS_G2_ADD_COST_PER_ARG,
  BLS_G2_MULTIPLY_BASE_COST,
  BLS_G2_MULTIPLY_COST_PER_BYTE,
  BLS_G2_NEGATE_BASE_COST,
  BLS_G2_SUBTRACT_BASE_COST,
  BLS_G2_SUBTRACT_COST_PER_ARG,
  BLS_MAP_TO_G1_BASE_COST,
  BLS_MAP_TO_G1_COST_PER_BYTE,
  BLS_MAP_TO_G1_COST_PER_DST_BYTE,
  BLS_MAP_TO_G2_BASE_COST,
  BLS_MAP_TO_G2_COST_PER_BYTE,
  BLS_MAP_TO_G2_COST_PER_DST_BYTE,
  BLS_PAIRING_BASE_COST,
  BLS_PAIRING_COST_PER_ARG,
  MALLOC_COST_PER_BYTE,
  POINT_ADD_BASE_COST,
  POINT_ADD_COST_PER_ARG,
  PUBKEY_BASE_COST,
  PUBKEY_COST_PER_BYTE,
} from '../costs'
import { concatBytes, utf8ToBytes } from '../../primitives/bytes'
import { sha256 } from '../../primitives/sha256'
import { atomToUnsigned } from '../int'
import { type Program, NIL } from '../program'
import {
  type Reduction,
  atomArg,
  atomToInt,
  checkCost,
  divModFloor,
  getArgs,
  getVarargs,
  intArg,
  raise,
} from './op-utils'

const G1 = bls12_381.G1.Point
const G2 = bls12_381.G2.Point
type G1Point = InstanceType<typeof G1>
type G2Point = InstanceType<typeof G2>
const { Fp, Fp12 } = bls12_381.fields
const GROUP_ORDER = bls12_381.fields.Fr.ORDER
const P = Fp.ORDER
const X_MASK = (1n << 381n) - 1n

/** Default DSTs of chia-bls (AUG scheme) for `g1_map`, `g2_map` and `bls_verify`. */
const DST_G1 = utf8ToBytes('BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_AUG_')
const DST_G2 = utf8ToBytes('BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_AUG_')

/**
 * chia-bls / blst compressed-point rules: the compression bit is set; infinity is exactly
 * `c0 00…00`; every 48-byte x coordinate is below the field modulus. noble then checks the curve
 * equation and, with `assertValidity`, the prime-order subgroup.
 */
function canonicalEncoding(b: Uint8Array): boolean {
  if ((b[0] & 0x80) === 0) return false
  if (b[0] & 0x40) {
    if (b[0] !== 0xc0) return false
    for (let i = 1; i < b.length; i++) if (b[i] !== 0) return false
    return true
  }
  for (let off = 0; off < b.length; off += 48) {
    const x = atomToUnsigned(b.subarray(off, off + 48))
    // The first coordinate's top three bits are the flags, not part of x.
    if ((off === 0 ? x & X_MASK : x) >= P) return false
  }
  return true
}

function decodeG1(b: Uint8Array): G1Point | undefined {
  if (b.length !== 48 || !canonicalEncoding(b)) return undefined
  try {
    const point = G1.fromBytes(b)
    point.assertValidity()
    return point
  } catch {
    return undefined
  }
}

function decodeG2(b: Uint8Array): G2Point | undefined {
  if (b.length !== 96 || !canonicalEncoding(b)) return undefined
  try {
    const point = G2.fromBytes(b)
    point.assertValidity()
    return point
  } catch {
    return undefined
  }
}

/** clvm_rs `Allocator::g1`. */
function g1Arg(node: Program): G1Point {
  if (node.atom === undefined) raise('pair found, expected G1 point', node)
  if (node.atom.length !== 48) raise('atom is not G1 size, 48 bytes', node)
  return decodeG1(node.atom) ?? raise('atom is not a G1 point', node)
}

/** clvm_rs `Allocator::g2`. */
function g2Arg(node: Program): G2Point {
  if (node.atom === undefined) raise('pair found, expected G2 point', node)
  if (node.atom.length !== 96) raise('atom is not G2 size, 96 bytes', node)
  return decodeG2(node.atom) ?? raise('atom is not a G2 point', node)
}

// noble refuses to encode an identity that is not exactly (0, 1, 0), as sums like P - P are.
const G1_INFINITY = G1.ZERO.toBytes(true)
const G2_INFINITY = G2.ZERO.toBytes(true)
const g1Atom = (p: G1Point): Program => ({ atom: p.is0() ? G1_INFINITY.slice() : p.toBytes(true) })
const g2Atom = (p: G2Point): Program => ({ atom: p.is0() ? G2_INFINITY.slice() : p.toBytes(true) })

/** Scalar reduced into [0, r) like clvm_rs `mod_group_order`. */
const scalarOf = (bytes: Uint8Array): bigint => divModFloor(atomToInt(bytes), GROUP_ORDER)[1]

/**
 * `(point_add p …)` a.k.a. `g1_add`: sum of G1 points (identity for none).
 * @example opPointAdd(list([atom(pk1), atom(pk2)]), max)
 */
export function opPointAdd(args: Program, maxCost: number): Reduction {
  let cost = POINT_ADD_BASE_COST
  let total = G1.ZERO
  let next = args
  while (next.pair !== undefined) {
    const point = g1Arg(next.pair[0])
    next = next.pair[1]
    cost += POINT_ADD_COST_PER_ARG
    checkCost(cost, maxCost)
    total = total.add(point)
  }
  return { cost: cost + 48 * MALLOC_COST_PER_BYTE, value: g1Atom(total) }
}

/**
 * `(pubkey_for_exp k)`: `k · G1` with `k` reduced modulo the group order.
 * @example opPubkeyForExp(list([int(1)]), max) // the G1 generator
 */
export function opPubkeyForExp(args: Program, _maxCost: number): Reduction {
  const [n] = getArgs(args, 1, 'pubkey_for_exp')
  const b = intArg(n, 'pubkey_for_exp')
  const point = G1.BASE.multiplyUnsafe(scalarOf(b))
  return { cost: PUBKEY_BASE_COST + b.length * PUBKEY_COST_PER_BYTE + 48 * MALLOC_COST_PER_BYTE, value: g1Atom(point) }
}

/**
 * `(g1_subtract a b …)`: `a - b - …` (identity for none).
 * @example opG1Subtract(list([atom(a), atom(b)]), max)
 */
export function opG1Subtract(args: Program, maxCost: number): Reduction {
  let cost = BLS_G1_SUBTRACT_BASE_COST
  checkCost(cost, maxCost)
  let total = G1.ZERO
  let first = true
  let next = args
  while (next.pair !== undefined) {
    const point = g1Arg(next.pair[0])
    next = next.pair[1]
    cost += BLS_G1_SUBTRACT_COST_PER_ARG
    checkCost(cost, maxCost)
    total = first ? point : total.subtract(point)
    first = false
  }
  return { cost: cost + 48 * MALLOC_COST_PER_BYTE, value: g1Atom(total) }
}

/**
 * `(g1_multiply point scalar)`.
 * @example opG1Multiply(list([atom(g), int(2)]), max)
 */
export function opG1Multiply(args: Program, maxCost: number): Reduction {
  const [pn, sn] = getArgs(args, 2, 'g1_multiply')
  let cost = BLS_G1_MULTIPLY_BASE_COST
  checkCost(cost, maxCost)
  const point = g1Arg(pn)
  const b = intArg(sn, 'g1_multiply')
  cost += b.length * BLS_G1_MULTIPLY_COST_PER_BYTE
  checkCost(cost, maxCost)
  return { cost: cost + 48 * MALLOC_COST_PER_BYTE, value: g1Atom(point.multiplyUnsafe(scalarOf(b))) }
}

/**
 * `(g1_negate point)`: flips the sign bit of a valid non-identity point; returns the identity as is.
 * @example opG1Negate(list([atom(g)]), max)
 */
export function opG1Negate(args: Program, _maxCost: number): Reduction {
  const [pn] = getArgs(args, 1, 'g1_negate')
  const blob = atomArg(pn, 'G1 atom')
  if (blob.length !== 48) raise('atom is not G1 size, 48 bytes', pn)
  if (decodeG1(blob) === undefined) raise('atom is not a valid G1 point', pn)
  return negateEncoded(blob, pn, BLS_G1_NEGATE_BASE_COST)
}

function negateEncoded(blob: Uint8Array, node: Program, baseCost: number): Reduction {
  const cost = baseCost + blob.length * MALLOC_COST_PER_BYTE
  if ((blob[0] & 0xe0) === 0xc0) return { cost, value: node }
  const out = Uint8Array.from(blob)
  out[0] ^= 0x20
  return { cost, value: { atom: out } }
}

/**
 * `(g2_add a …)`: sum of G2 points (identity for none).
 * @example opG2Add(list([atom(a), atom(b)]), max)
 */
export function opG2Add(args: Program, maxCost: number): Reduction {
  let cost = BLS_G2_ADD_BASE_COST
  checkCost(cost, maxCost)
  let total = G2.ZERO
  let next = args
  while (next.pair !== undefined) {
    const point = g2Arg(next.pair[0])
    next = next.pair[1]
    cost += BLS_G2_ADD_COST_PER_ARG
    checkCost(cost, maxCost)
    total = total.add(point)
  }
  return { cost: cost + 96 * MALLOC_COST_PER_BYTE, value: g2Atom(total) }
}

/**
 * `(g2_subtract a b …)`: `a - b - …` (identity for none).
 * @example opG2Subtract(list([atom(a), atom(b)]), max)
 */
export function opG2Subtract(args: Program, maxCost: number): Reduction {
  let cost = BLS_G2_SUBTRACT_BASE_COST
  checkCost(cost, maxCost)
  let total = G2.ZERO
  let first = true
  let next = args
  while (next.pair !== undefined) {
    const point = g2Arg(next.pair[0])
    next = next.pair[1]
    cost += BLS_G2_SUBTRACT_COST_PER_ARG
    checkCost(cost, maxCost)
    total = first ? point : total.subtract(point)
    first = false
  }
  return { cost: cost + 96 * MALLOC_COST_PER_BYTE, value: g2Atom(total) }
}

/**
 * `(g2_multiply point scalar)`.
 * @example opG2Multiply(list([atom(g2), int(2)]), max)
 */
export function opG2Multiply(args: Program, maxCost: number): Reduction {
  const [pn, sn] = getArgs(args, 2, 'g2_multiply')
  let cost = BLS_G2_MULTIPLY_BASE_COST
  checkCost(cost, maxCost)
  const point = g2Arg(pn)
  const b = intArg(sn, 'g2_multiply')
  cost += b.length * BLS_G2_MULTIPLY_COST_PER_BYTE
  checkCost(cost, maxCost)
  return { cost: cost + 96 * MALLOC_COST_PER_BYTE, value: g2Atom(point.multiplyUnsafe(scalarOf(b))) }
}

/**
 * `(g2_negate point)`.
 * @example opG2Negate(list([atom(sig)]), max)
 */
export function opG2Negate(args: Program, _maxCost: number): Reduction {
  const [pn] = getArgs(args, 1, 'g2_negate')
  const blob = atomArg(pn, 'G2 atom')
  if (blob.length !== 96) raise('atom is not G2 size, 96 bytes', pn)
  if (decodeG2(blob) === undefined) raise('atom is not a valid G2 point', pn)
  return negateEncoded(blob, pn, BLS_G2_NEGATE_BASE_COST)
}

/**
 * RFC 9380 expand_message_xmd with SHA-256. Unlike noble's, it accepts an empty DST, as blst does.
 */
function expandMessageXmd(msg: Uint8Array, dst: Uint8Array, lenInBytes: number): Uint8Array {
  if (dst.length > 255) dst = sha256(utf8ToBytes('H2C-OVERSIZE-DST-'), dst)
  const ell = Math.ceil(lenInBytes / 32)
  const dstPrime = concatBytes(dst, Uint8Array.of(dst.length))
  const b0 = sha256(new Uint8Array(64), msg, Uint8Array.of(lenInBytes >> 8, lenInBytes & 0xff, 0), dstPrime)
  const out = new Uint8Array(ell * 32)
  let prev = sha256(b0, Uint8Array.of(1), dstPrime)
  out.set(prev, 0)
  for (let i = 2; i <= ell; i++) {
    const x = new Uint8Array(32)
    for (let j = 0; j < 32; j++) x[j] = b0[j] ^ prev[j]
    prev = sha256(x, Uint8Array.of(i), dstPrime)
    out.set(prev, (i - 1) * 32)
  }
  return out.subarray(0, lenInBytes)
}

/** RFC 9380 hash_to_field for BLS12-381 base-field elements (L = 64). */
function hashToField(msg: Uint8Array, dst: Uint8Array, count: number): bigint[] {
  const bytes = expandMessageXmd(msg, dst, count * 64)
  const out: bigint[] = []
  for (let i = 0; i < count; i++) {
    out.push(atomToUnsigned(bytes.subarray(i * 64, (i + 1) * 64)) % P)
  }
  return out
}

// noble's `mapToCurve` maps one field element (a bigint for G1, a pair for G2) and clears the
// cofactor, returning a point; its typings describe the argument and result loosely.
const mapG1 = bls12_381.G1.mapToCurve as unknown as (u: bigint) => G1Point
const mapG2 = bls12_381.G2.mapToCurve as unknown as (u: bigint[]) => G2Point

/**
 * Hash to G1 (`hash_to_curve`, SSWU, random oracle) with any DST, including the empty one.
 * @example hashToG1(msg, DST_G1)
 */
function hashToG1(msg: Uint8Array, dst: Uint8Array): G1Point {
  const [u0, u1] = hashToField(msg, dst, 2)
  // Cofactor clearing is linear, so map(u0) + map(u1) cleared equals the sum of the cleared maps.
  return mapG1(u0).add(mapG1(u1))
}

function hashToG2(msg: Uint8Array, dst: Uint8Array): G2Point {
  const [a, b, c, d] = hashToField(msg, dst, 4)
  return mapG2([a, b]).add(mapG2([c, d]))
}

/**
 * `(g1_map msg [dst])`: hash to G1 (default DST `BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_AUG_`).
 * @example opG1Map(list([str('hello')]), max)
 */
export function opG1Map(args: Program, maxCost: number): Reduction {
  const items = getVarargs(args, 2, 'g1_map')
  if (items.length < 1) raise('g1_map takes exactly 1 or 2 arguments', args)
  let cost = BLS_MAP_TO_G1_BASE_COST
  checkCost(cost, maxCost)
  const msg = atomArg(items[0], 'g1_map')
  cost += msg.length * BLS_MAP_TO_G1_COST_PER_BYTE
  checkCost(cost, maxCost)
  const dst = items.length === 2 ? atomArg(items[1], 'g1_map') : DST_G1
  cost += dst.length * BLS_MAP_TO_G1_COST_PER_DST_BYTE
  checkCost(cost, maxCost)
  return { cost: cost + 48 * MALLOC_COST_PER_BYTE, value: g1Atom(hashToG1(msg, dst)) }
}

/**
 * `(g2_map msg [dst])`: hash to G2 (default DST `BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_AUG_`).
 * @example opG2Map(list([str('hello')]), max)
 */
export function opG2Map(args: Program, maxCost: number): Reduction {
  const items = getVarargs(args, 2, 'g2_map')
  if (items.length < 1) raise('g2_map takes exactly 1 or 2 arguments', args)
  let cost = BLS_MAP_TO_G2_BASE_COST
  checkCost(cost, maxCost)
  const msg = atomArg(items[0], 'g2_map')
  cost += msg.length * BLS_MAP_TO_G2_COST_PER_BYTE
  const dst = items.length === 2 ? atomArg(items[1], 'g2_map') : DST_G2
  cost += dst.length * BLS_MAP_TO_G2_COST_PER_DST_BYTE
  checkCost(cost, maxCost)
  return { cost: cost + 96 * MALLOC_COST_PER_BYTE, value: g2Atom(hashToG2(msg, dst)) }
}

const PAIRING_CHUNK = 8

/**
 * blst `aggregate_pairing` as chia-bls calls it, including its handling of identity points:
 * pairs with both points at infinity are skipped; pairs are Miller-looped in chunks of 8, a lone
 * pair holding an identity point yields 1, and a G2 identity in a larger chunk zeroes the product.
 */
function pairingIsIdentity(items: Array<[G1Point, G2Point]>): boolean {
  if (items.length === 0) return true
  const kept = items.filter(([p, q]) => !(p.is0() && q.is0()))
  if (kept.length === 0) return false
  const pairs: { g1: G1Point; g2: G2Point }[] = []
  for (let i = 0; i < kept.length; i += PAIRING_CHUNK) {
    const chunk = kept.slice(i, i + PAIRING_CHUNK)
    if (chunk.length === 1 && (chunk[0][0].is0() || chunk[0][1].is0())) continue
    for (const [p, q] of chunk) {
      if (q.is0()) return false
      if (!p.is0()) pairs.push({ g1: p, g2: q })
    }
  }
  if (pairs.length === 0) return true
  return Fp12.eql(bls12_381.pairingBatch(pairs as never), Fp12.ONE)
}

/**
 * `(bls_pairing_identity g1 g2 …)`: succeeds (nil) when the product of pairings is 1.
 * @example opBlsPairingIdentity(list([atom(p), atom(q), atom(negP), atom(q)]), max)
 */
export function opBlsPairingIdentity(args: Program, maxCost: number): Reduction {
  let cost = BLS_PAIRING_BASE_COST
  checkCost(cost, maxCost)
  const items: Array<[G1Point, G2Point]> = []
  let next = args
  while (!(next.atom !== undefined && next.atom.length === 0)) {
    cost += BLS_PAIRING_COST_PER_ARG
    checkCost(cost, maxCost)
    if (next.pair === undefined) raise('first of non-cons', next)
    const g1 = g1Arg(next.pair[0])
    next = next.pair[1]
    if (next.pair === undefined) raise('first of non-cons', next)
    const g2 = g2Arg(next.pair[0])
    next = next.pair[1]
    items.push([g1, g2])
  }
  if (!pairingIsIdentity(items)) raise('bls_pairing_identity failed', args)
  return { cost, value: NIL }
}

/**
 * `(bls_verify sig pk msg …)`: AugSchemeMPL aggregate verification; succeeds with nil.
 * @example opBlsVerify(list([atom(sig), atom(pk), atom(msg)]), max)
 */
export function opBlsVerify(args: Program, maxCost: number): Reduction {
  let cost = BLS_PAIRING_BASE_COST
  checkCost(cost, maxCost)
  if (args.pair === undefined) raise('first of non-cons', args)
  const signature = g2Arg(args.pair[0])
  let next = args.pair[1]
  const items: Array<[G1Point, Uint8Array]> = []
  while (!(next.atom !== undefined && next.atom.length === 0)) {
    if (next.pair === undefined) raise('first of non-cons', next)
    const pk = g1Arg(next.pair[0])
    next = next.pair[1]
    if (next.pair === undefined) raise('first of non-cons', next)
    const msg = atomArg(next.pair[0], 'bls_verify message')
    next = next.pair[1]
    cost += BLS_PAIRING_COST_PER_ARG
    cost += msg.length * BLS_MAP_TO_G2_COST_PER_BYTE
    cost += DST_G2.length * BLS_MAP_TO_G2_COST_PER_DST_BYTE
    checkCost(cost, maxCost)
    items.push([pk, msg])
  }
  if (!aggregateVerify(signature, items)) raise('bls_verify failed', args)
  return { cost, value: NIL }
}

/** chia-bls `aggregate_verify`: e(G1, sig) == Π e(pk_i, H(pk_i ‖ msg_i)); identity keys fail. */
function aggregateVerify(signature: G2Point, items: Array<[G1Point, Uint8Array]>): boolean {
  if (items.length === 0) return signature.is0()
  const pairs: { g1: G1Point; g2: G2Point }[] = []
  for (const [pk, msg] of items) {
    if (pk.is0()) return false
    pairs.push({ g1: pk, g2: hashToG2(concatBytes(g1Atom(pk).atom!, msg), DST_G2) })
  }
  if (!signature.is0()) pairs.push({ g1: G1.BASE.negate(), g2: signature })
  return Fp12.eql(bls12_381.pairingBatch(pairs as never), Fp12.ONE)
}
