/**
 * sha256tree, the CLVM tree hash: atom → sha256(0x01 ‖ atom), pair → sha256(0x02 ‖ left ‖ right).
 * Hashes are memoized per program object (programs are immutable).
 * Spec: datalayer-protocol.md §1.3–1.4; chia_rs `clvm-utils/src/tree_hash.rs`, `curried_program.rs`.
 */
import { sha256 } from '../primitives/sha256'
import type { Program } from './program'

const cache = new WeakMap<object, Uint8Array>()
const ONE = new Uint8Array([1])
const TWO = new Uint8Array([2])

/** Hash of an atom given its bytes. @example atomHash(new Uint8Array()) // 4bf5122f… */
export const atomHash = (bytes: Uint8Array): Uint8Array => sha256(ONE, bytes)

/** Hash of a pair given the hashes of its halves. @example pairHash(atomHash(a), atomHash(b)) */
export const pairHash = (left: Uint8Array, right: Uint8Array): Uint8Array => sha256(TWO, left, right)

/**
 * The tree hash of a program.
 * @example bytesToHex(treeHash(NIL)) // '4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a'
 */
export function treeHash(program: Program): Uint8Array {
  const hit = cache.get(program)
  if (hit) return hit
  if (program.atom !== undefined) {
    const h = atomHash(program.atom)
    cache.set(program, h)
    return h
  }
  // Iterative post-order walk so deep lists cannot overflow the stack.
  const stack: Program[] = [program]
  while (stack.length > 0) {
    const p = stack[stack.length - 1]
    if (cache.has(p)) {
      stack.pop()
      continue
    }
    if (p.atom !== undefined) {
      cache.set(p, atomHash(p.atom))
      stack.pop()
      continue
    }
    const [l, r] = p.pair
    const lh = cache.get(l)
    const rh = cache.get(r)
    if (lh && rh) {
      cache.set(p, pairHash(lh, rh))
      stack.pop()
    } else {
      if (!rh) stack.push(r)
      if (!lh) stack.push(l)
    }
  }
  return cache.get(program)!
}

const Q = atomHash(new Uint8Array([1]))
const A = atomHash(new Uint8Array([2]))
const C = atomHash(new Uint8Array([4]))
const NIL_HASH = atomHash(new Uint8Array(0))

/**
 * Tree hash of `curry(mod, args)` from hashes only (no program needed).
 * @example curryTreeHash(STANDARD_MOD_HASH, [atomHash(syntheticPublicKey)])
 */
export function curryTreeHash(modHash: Uint8Array, argHashes: readonly Uint8Array[]): Uint8Array {
  let env = Q // hash of atom 1 (the whole environment)
  for (let i = argHashes.length - 1; i >= 0; i--) {
    env = pairHash(C, pairHash(pairHash(Q, argHashes[i]), pairHash(env, NIL_HASH)))
  }
  return pairHash(A, pairHash(pairHash(Q, modHash), pairHash(env, NIL_HASH)))
}
