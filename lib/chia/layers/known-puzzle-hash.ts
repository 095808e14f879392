/**
 * Tree hashes of parsed (deserialized) store puzzles without re-hashing the big module bodies:
 * a curried layer whose module is structurally one of the known modules (a cheap byte comparison)
 * is hashed as `curryTreeHash(KNOWN_MOD_HASH, argHashes)`. Hashing a 3 KB reveal node by node costs
 * thousands of sha256 calls; this costs a few dozen. Equal structure means equal tree hash, so the
 * result is exactly `treeHash(program)`. Spec: datalayer-protocol.md §1.4.
 */
import { uncurry } from '../clvm/curry'
import { type Program, programEquals } from '../clvm/program'
import { curryTreeHash, treeHash } from '../clvm/tree-hash'
import type { Bytes32 } from '../primitives/bytes'
import { DELEGATION_LAYER_MOD, DELEGATION_LAYER_MOD_HASH } from '../puzzles/delegation-layer'
import { NFT_STATE_LAYER_MOD, NFT_STATE_LAYER_MOD_HASH } from '../puzzles/nft-state-layer'
import { SINGLETON_MOD, SINGLETON_MOD_HASH } from '../puzzles/singleton-top-layer'
import { STANDARD_MOD, STANDARD_MOD_HASH } from '../puzzles/standard'
import { WRITER_FILTER_MOD, WRITER_FILTER_MOD_HASH } from '../puzzles/writer-filter'

const KNOWN: readonly (readonly [Program, Bytes32])[] = [
  [SINGLETON_MOD, SINGLETON_MOD_HASH],
  [NFT_STATE_LAYER_MOD, NFT_STATE_LAYER_MOD_HASH],
  [DELEGATION_LAYER_MOD, DELEGATION_LAYER_MOD_HASH],
  [STANDARD_MOD, STANDARD_MOD_HASH],
  [WRITER_FILTER_MOD, WRITER_FILTER_MOD_HASH],
]

/**
 * The module hash of `mod` if it is one of the store's known modules, else `undefined`.
 * @example knownModHash(uncurry(puzzle)!.mod) // SINGLETON_MOD_HASH
 */
export function knownModHash(mod: Program): Bytes32 | undefined {
  for (const [known, hash] of KNOWN) if (mod === known || programEquals(mod, known)) return hash
  return undefined
}

/**
 * `treeHash(puzzle)`, computed from known module hashes where the puzzle is a curried known layer.
 * @example knownPuzzleHash(programFromBytes(coinSpend.puzzleReveal)) // equals coinSpend.coin.puzzleHash
 */
export function knownPuzzleHash(puzzle: Program): Bytes32 {
  const hit = memo.get(puzzle)
  if (hit) return hit
  const u = puzzle.pair ? uncurry(puzzle) : undefined
  const modHash = u && knownModHash(u.mod)
  if (!u || !modHash) return treeHash(puzzle)
  const hash = curryTreeHash(modHash, u.args.map(knownPuzzleHash))
  memo.set(puzzle, hash)
  return hash
}

// Per program object, like treeHash (programs are immutable): a parse asks for the same reveal twice.
const memo = new WeakMap<Program, Bytes32>()
