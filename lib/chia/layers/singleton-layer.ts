/**
 * The singleton top layer v1.1: SINGLETON_STRUCT = (MOD_HASH . (LAUNCHER_ID . LAUNCHER_PUZZLE_HASH))
 * curried with the inner puzzle; solution `(lineage_proof my_amount inner_solution)`.
 * Source: Chia-Network/chia_puzzles puzzles/singleton_top_layer_v1_1.clsp; chia-wallet-sdk 0.13.0
 * crates/chia-sdk-driver/src/layers/singleton_layer.rs. Spec: datalayer-protocol.md §3, §4.
 */
import { curry } from '../clvm/curry'
import { type Program, atom, cons, int, list, toAtom, toList, isAtom } from '../clvm/program'
import { atomToBigint } from '../clvm/int'
import { atomHash, curryTreeHash, pairHash } from '../clvm/tree-hash'
import { type Bytes32, equalBytes } from '../primitives/bytes'
import { SINGLETON_LAUNCHER_HASH } from '../puzzles/singleton-launcher'
import { SINGLETON_MOD, SINGLETON_MOD_HASH } from '../puzzles/singleton-top-layer'
import { InvalidSingletonStructError, MalformedLayerError } from './layer-errors'
import { uncurryKnown } from './uncurry-known'
import { type Proof, proofFromProgram, proofToProgram } from './lineage-proof'

export interface SingletonLayerArgs {
  launcherId: Bytes32
  innerPuzzle: Program
}

export interface SingletonLayerSolution {
  proof: Proof
  amount: bigint
  innerSolution: Program
}

/**
 * The SINGLETON_STRUCT `(MOD_HASH . (launcherId . LAUNCHER_PUZZLE_HASH))` of a launcher id.
 * @example singletonStruct(launcherId)
 */
export const singletonStruct = (launcherId: Bytes32): Program =>
  cons(atom(SINGLETON_MOD_HASH), cons(atom(launcherId), atom(SINGLETON_LAUNCHER_HASH)))

/**
 * Tree hash of the SINGLETON_STRUCT, from hashes only.
 * @example singletonStructHash(launcherId)
 */
export function singletonStructHash(launcherId: Bytes32): Bytes32 {
  // One-entry cache: a history sync or a builder asks for the same launcher over and over.
  if (lastStruct !== undefined && equalBytes(lastStruct.launcherId, launcherId)) return lastStruct.hash
  const hash = pairHash(MOD_HASH_ATOM_HASH, pairHash(atomHash(launcherId), LAUNCHER_HASH_ATOM_HASH))
  lastStruct = { launcherId: Uint8Array.from(launcherId), hash }
  return hash
}

let lastStruct: { launcherId: Bytes32; hash: Bytes32 } | undefined
const MOD_HASH_ATOM_HASH = atomHash(SINGLETON_MOD_HASH)
const LAUNCHER_HASH_ATOM_HASH = atomHash(SINGLETON_LAUNCHER_HASH)

/**
 * Full puzzle hash of a singleton with the given inner puzzle hash.
 * @example singletonPuzzleHash(launcherId, stateLayerHash)
 */
export const singletonPuzzleHash = (launcherId: Bytes32, innerPuzzleHash: Bytes32): Bytes32 =>
  curryTreeHash(SINGLETON_MOD_HASH, [singletonStructHash(launcherId), innerPuzzleHash])

/** Symmetric construct/parse for the singleton top layer. */
export const singletonLayer = {
  /**
   * Curries the singleton top layer around an inner puzzle.
   * @example singletonLayer.construct({ launcherId, innerPuzzle })
   */
  construct: ({ launcherId, innerPuzzle }: SingletonLayerArgs): Program =>
    curry(SINGLETON_MOD, [singletonStruct(launcherId), innerPuzzle]),

  /**
   * Uncurries a singleton; `undefined` when the puzzle is not singleton_top_layer_v1_1.
   * @example singletonLayer.parse(puzzleReveal)?.launcherId
   */
  parse(puzzle: Program): SingletonLayerArgs | undefined {
    const args = uncurryKnown(puzzle, SINGLETON_MOD)
    if (!args) return undefined
    if (args.length !== 2) throw new MalformedLayerError({ layer: 'singleton', reason: `${args.length} curried arguments` })
    const [struct, innerPuzzle] = args
    const s = struct.pair
    const r = s?.[1].pair
    if (!s || !r || !isAtom(s[0]) || !isAtom(r[0]) || !isAtom(r[1]) || r[0].atom.length !== 32) {
      throw new MalformedLayerError({ layer: 'singleton', reason: 'SINGLETON_STRUCT is not (mod_hash launcher_id . launcher_ph)' })
    }
    if (!equalBytes(s[0].atom, SINGLETON_MOD_HASH) || !equalBytes(r[1].atom, SINGLETON_LAUNCHER_HASH)) {
      throw new InvalidSingletonStructError({ modHash: s[0].atom, launcherPuzzleHash: r[1].atom })
    }
    return { launcherId: r[0].atom, innerPuzzle }
  },

  /**
   * The singleton solution `(proof amount inner_solution)`.
   * @example singletonLayer.constructSolution({ proof, amount: 1n, innerSolution })
   */
  constructSolution: ({ proof, amount, innerSolution }: SingletonLayerSolution): Program =>
    list([proofToProgram(proof), int(amount), innerSolution]),

  /**
   * Reads a singleton solution; throws when it is not `(proof amount inner_solution)`.
   * @example singletonLayer.parseSolution(solution).innerSolution
   */
  parseSolution(solution: Program): SingletonLayerSolution {
    const items = toList(solution)
    if (items.length < 3) throw new MalformedLayerError({ layer: 'singleton', reason: 'solution has fewer than 3 items' })
    const amount = atomToBigint(toAtom(items[1]))
    return { proof: proofFromProgram(items[0]), amount, innerSolution: items[2] }
  },
}

