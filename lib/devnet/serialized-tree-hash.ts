/**
 * sha256tree computed straight from serialized CLVM bytes with node:crypto, without building a
 * Program (the validator hashes every puzzle reveal; libs.md §3 measured 3–8 ms per 2 KB puzzle for
 * object-based JS tree hashing). Back-referenced (compressed) serializations fall back to
 * `programFromBytes` + `treeHash`. Spec: chia_rs `clvm-utils/src/tree_hash.rs`.
 */
import { createHash } from 'node:crypto'
import { programFromBytes } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import type { Program } from '@/lib/chia/clvm/program'
import { programToBytes } from '@/lib/chia/clvm/serialize'
import { AUGMENTED_CONDITION_MOD } from '@/lib/chia/puzzles/augmented-condition'
import { CAT_MOD } from '@/lib/chia/puzzles/cat-v2'
import { DEFAULT_CAT_MAKER_RUE_MOD } from '@/lib/chia/puzzles/default-cat-maker-rue'
import { DEFAULT_CAT_MAKER_V1_MOD } from '@/lib/chia/puzzles/default-cat-maker-v1'
import { DELEGATION_LAYER_MOD } from '@/lib/chia/puzzles/delegation-layer'
import { NFT_STATE_LAYER_MOD } from '@/lib/chia/puzzles/nft-state-layer'
import { P2_PARENT_MOD } from '@/lib/chia/puzzles/p2-parent'
import { SETTLEMENT_PAYMENTS_MOD } from '@/lib/chia/puzzles/settlement-payments'
import { SINGLETON_LAUNCHER } from '@/lib/chia/puzzles/singleton-launcher'
import { SINGLETON_MOD } from '@/lib/chia/puzzles/singleton-top-layer'
import { STANDARD_MOD } from '@/lib/chia/puzzles/standard'
import { WRITER_FILTER_MOD } from '@/lib/chia/puzzles/writer-filter'

const ONE = Buffer.from([1])
const TWO = Buffer.from([2])
const atomHashCache = new Map<number, Buffer>()

function hashAtom(bytes: Uint8Array, start: number, end: number): Buffer {
  if (end - start === 1) {
    const b = bytes[start]
    const hit = atomHashCache.get(b)
    if (hit) return hit
    const h = createHash('sha256').update(ONE).update(bytes.subarray(start, end)).digest()
    atomHashCache.set(b, h)
    return h
  }
  return createHash('sha256').update(ONE).update(bytes.subarray(start, end)).digest()
}
const NIL_HASH = createHash('sha256').update(ONE).digest()

// Puzzle reveals are mostly well-known modules with a few curried arguments: recognise a known
// module's exact serialization at a node and reuse its hash instead of re-hashing ~1000 nodes.
interface KnownModule {
  bytes: Buffer
  hash: Buffer
}
const KNOWN = new Map<number, KnownModule[]>()
const keyAt = (bytes: Uint8Array, pos: number): number =>
  ((bytes[pos + 2] << 24) | (bytes[pos + 3] << 16) | (bytes[pos + 4] << 8) | bytes[pos + 5]) ^ (bytes[pos + 6] << 8) ^ bytes[pos + 7]
function addKnown(mod: Program): void {
  const bytes = Buffer.from(programToBytes(mod))
  if (bytes.length < 64) return
  const k = keyAt(bytes, 0)
  const list = KNOWN.get(k) ?? []
  list.push({ bytes, hash: Buffer.from(treeHash(mod)) })
  KNOWN.set(k, list)
}
for (const mod of [
  SINGLETON_MOD,
  SINGLETON_LAUNCHER,
  NFT_STATE_LAYER_MOD,
  DELEGATION_LAYER_MOD,
  WRITER_FILTER_MOD,
  STANDARD_MOD,
  CAT_MOD,
  P2_PARENT_MOD,
  SETTLEMENT_PAYMENTS_MOD,
  DEFAULT_CAT_MAKER_V1_MOD,
  DEFAULT_CAT_MAKER_RUE_MOD,
  AUGMENTED_CONDITION_MOD,
]) {
  addKnown(mod)
}

function knownAt(bytes: Uint8Array, pos: number): KnownModule | undefined {
  if (pos + 64 > bytes.length) return undefined
  const list = KNOWN.get(keyAt(bytes, pos))
  if (!list) return undefined
  for (const m of list) {
    const end = pos + m.bytes.length
    if (end <= bytes.length && m.bytes.equals(bytes.subarray(pos, end))) return m
  }
  return undefined
}

/** Tree hash of a serialized program; throws ClvmDecodeError on malformed input. */
export function serializedTreeHash(bytes: Uint8Array): Uint8Array {
  const fast = tryFastHash(bytes)
  if (fast) return new Uint8Array(fast)
  return treeHash(programFromBytes(bytes))
}

// Returns undefined when the input uses back-references or is malformed (the slow path reports it).
function tryFastHash(bytes: Uint8Array): Buffer | undefined {
  // ops: 0 = parse a node; 1 = combine the top two hashes into a pair hash
  const ops: number[] = [0]
  const hashes: Buffer[] = []
  let pos = 0
  while (ops.length > 0) {
    const op = ops.pop()!
    if (op === 1) {
      const right = hashes.pop()!
      const left = hashes.pop()!
      hashes.push(createHash('sha256').update(TWO).update(left).update(right).digest())
      continue
    }
    if (pos >= bytes.length) return undefined
    const b = bytes[pos]
    if (b === 0xff) {
      const known = knownAt(bytes, pos)
      if (known) {
        hashes.push(known.hash)
        pos += known.bytes.length
        continue
      }
      pos++
      ops.push(1, 0, 0)
      continue
    }
    if (b === 0xfe) return undefined
    if (b === 0x80) {
      pos++
      hashes.push(NIL_HASH)
      continue
    }
    if (b < 0x80) {
      hashes.push(hashAtom(bytes, pos, pos + 1))
      pos++
      continue
    }
    let len: number
    let header: number
    if ((b & 0xc0) === 0x80) {
      len = b & 0x3f
      header = 1
    } else if ((b & 0xe0) === 0xc0) {
      if (pos + 1 >= bytes.length) return undefined
      len = ((b & 0x1f) << 8) | bytes[pos + 1]
      header = 2
    } else if ((b & 0xf0) === 0xe0) {
      if (pos + 2 >= bytes.length) return undefined
      len = ((b & 0x0f) << 16) | (bytes[pos + 1] << 8) | bytes[pos + 2]
      header = 3
    } else if ((b & 0xf8) === 0xf0) {
      if (pos + 3 >= bytes.length) return undefined
      len = (b & 0x07) * 2 ** 24 + ((bytes[pos + 1] << 16) | (bytes[pos + 2] << 8) | bytes[pos + 3])
      header = 4
    } else {
      return undefined
    }
    const start = pos + header
    const end = start + len
    if (end > bytes.length) return undefined
    hashes.push(hashAtom(bytes, start, end))
    pos = end
  }
  if (pos !== bytes.length || hashes.length !== 1) return undefined
  return hashes[0]
}
