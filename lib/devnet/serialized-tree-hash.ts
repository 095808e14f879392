/**
 * sha256tree computed straight from serialized CLVM bytes with node:crypto, without building a
 * Program (the validator hashes every puzzle reveal; libs.md §3 measured 3–8 ms per 2 KB puzzle for
 * object-based JS tree hashing). Back-referenced (compressed) serializations fall back to
 * `programFromBytes` + `treeHash`. Spec: chia_rs `clvm-utils/src/tree_hash.rs`.
 */
import { createHash } from 'node:crypto'
import { programFromBytes } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'

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
