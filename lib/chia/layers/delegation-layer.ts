/**
 * The CHIP-0035 delegation layer: curried (MOD_HASH LAUNCHER_ID INNER_PUZZLE_HASH MERKLE_ROOT),
 * solution `(merkle_proof puzzle_reveal puzzle_solution)`. The owner (INNER_PUZZLE_HASH) spends
 * without a proof; delegates prove their puzzle is a leaf of MERKLE_ROOT.
 * Source: DIG-Network/DataLayer-Driver puzzles/delegation_layer.clsp; CHIP-0035
 * (https://github.com/Chia-Network/chips/blob/main/CHIPs/chip-0035.md); chia-wallet-sdk 0.13.0
 * crates/chia-sdk-driver/src/layers/datalayer/delegation_layer.rs. Spec: datalayer-protocol.md §3.1, §5.
 */
import { curry } from '../clvm/curry'
import { type Program, NIL, atom, list, toList, isAtom } from '../clvm/program'
import { atomHash, curryTreeHash } from '../clvm/tree-hash'
import { type Bytes32, equalBytes } from '../primitives/bytes'
import { type DelegationMerkleProof, delegationMerkleProofFromProgram, delegationMerkleProofToProgram } from '../merkle/delegation-merkle-tree'
import { DELEGATION_LAYER_MOD, DELEGATION_LAYER_MOD_HASH } from '../puzzles/delegation-layer'
import { MalformedLayerError } from './layer-errors'
import { uncurryKnown } from './uncurry-known'

export interface DelegationLayerArgs {
  launcherId: Bytes32
  ownerPuzzleHash: Bytes32
  merkleRoot: Bytes32
}

/** A merkle proof `(path . siblingHashes)`; `path` bit i set = the node at level i is a right child. */
export type MerkleProof = DelegationMerkleProof

export interface DelegationLayerSolution {
  /** `undefined` for the owner path (serialized as nil). */
  merkleProof?: MerkleProof
  puzzleReveal: Program
  puzzleSolution: Program
}

const MOD_HASH_ATOM_HASH = atomHash(DELEGATION_LAYER_MOD_HASH)

/**
 * Puzzle hash of a delegation layer from its arguments.
 * @example delegationLayerPuzzleHash({ launcherId, ownerPuzzleHash, merkleRoot })
 */
export function delegationLayerPuzzleHash({ launcherId, ownerPuzzleHash, merkleRoot }: DelegationLayerArgs): Bytes32 {
  // One-entry cache by value: a store keeps the same layer over many spends (history parsing,
  // builders hashing puzzle, child and proof), and comparing 96 bytes is far cheaper than 20 sha256.
  const c = lastLayerHash
  if (c && equalBytes(c.merkleRoot, merkleRoot) && equalBytes(c.ownerPuzzleHash, ownerPuzzleHash) && equalBytes(c.launcherId, launcherId)) return c.hash
  const hash = curryTreeHash(DELEGATION_LAYER_MOD_HASH, [MOD_HASH_ATOM_HASH, atomHash(launcherId), atomHash(ownerPuzzleHash), atomHash(merkleRoot)])
  lastLayerHash = { launcherId: Uint8Array.from(launcherId), ownerPuzzleHash: Uint8Array.from(ownerPuzzleHash), merkleRoot: Uint8Array.from(merkleRoot), hash }
  return hash
}

let lastLayerHash: (DelegationLayerArgs & { hash: Bytes32 }) | undefined

const bytes32Arg = (p: Program, field: string): Bytes32 => {
  if (!isAtom(p) || p.atom.length !== 32) throw new MalformedLayerError({ layer: 'delegation', reason: `${field} is not 32 bytes` })
  return p.atom
}

/** Symmetric construct/parse for the delegation layer. */
export const delegationLayer = {
  /**
   * Curries the delegation layer.
   * @example delegationLayer.construct({ launcherId, ownerPuzzleHash, merkleRoot })
   */
  construct: ({ launcherId, ownerPuzzleHash, merkleRoot }: DelegationLayerArgs): Program =>
    curry(DELEGATION_LAYER_MOD, [atom(DELEGATION_LAYER_MOD_HASH), atom(launcherId), atom(ownerPuzzleHash), atom(merkleRoot)]),

  /**
   * Uncurries a delegation layer; `undefined` when the puzzle is not one.
   * @example delegationLayer.parse(stateLayer.innerPuzzle)?.ownerPuzzleHash
   */
  parse(puzzle: Program): DelegationLayerArgs | undefined {
    const args = uncurryKnown(puzzle, DELEGATION_LAYER_MOD)
    if (!args) return undefined
    if (args.length !== 4) throw new MalformedLayerError({ layer: 'delegation', reason: `${args.length} curried arguments` })
    if (!equalBytes(bytes32Arg(args[0], 'MOD_HASH'), DELEGATION_LAYER_MOD_HASH)) {
      throw new MalformedLayerError({ layer: 'delegation', reason: 'curried MOD_HASH is not the delegation layer hash' })
    }
    return {
      launcherId: bytes32Arg(args[1], 'LAUNCHER_ID'),
      ownerPuzzleHash: bytes32Arg(args[2], 'INNER_PUZZLE_HASH'),
      merkleRoot: bytes32Arg(args[3], 'MERKLE_ROOT'),
    }
  },

  /**
   * The solution `(merkle_proof puzzle_reveal puzzle_solution)`; a missing proof is nil.
   * @example delegationLayer.constructSolution({ merkleProof, puzzleReveal, puzzleSolution })
   */
  constructSolution: ({ merkleProof, puzzleReveal, puzzleSolution }: DelegationLayerSolution): Program =>
    list([merkleProof ? delegationMerkleProofToProgram(merkleProof) : NIL, puzzleReveal, puzzleSolution]),

  /**
   * Reads a delegation layer solution (the proof is kept only when it is a pair).
   * @example delegationLayer.parseSolution(innerSolution).puzzleReveal
   */
  parseSolution(solution: Program): DelegationLayerSolution {
    const items = toList(solution)
    if (items.length < 3) throw new MalformedLayerError({ layer: 'delegation', reason: 'solution has fewer than 3 items' })
    const [proof, puzzleReveal, puzzleSolution] = items
    const merkleProof = proof.pair ? delegationMerkleProofFromProgram(proof) : undefined
    return { merkleProof, puzzleReveal, puzzleSolution }
  },
}
