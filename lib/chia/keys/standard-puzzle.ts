/**
 * The standard wallet puzzle (p2_delegated_puzzle_or_hidden_puzzle) curried with a synthetic key,
 * its puzzle hash, and the solution form the driver uses: `(() (q . conditions) ())`, which makes
 * the puzzle emit `(50 syntheticPublicKey sha256tree((q . conditions)))` first and then `conditions`.
 * Source: https://github.com/Chia-Network/chia_puzzles/blob/main/puzzles/p2_delegated_puzzle_or_hidden_puzzle.clsp;
 * datalayer-protocol.md §2.3, §3.1.
 */
import { curry } from '../clvm/curry'
import { atom, list, NIL, type Program, quote } from '../clvm/program'
import { atomHash, curryTreeHash } from '../clvm/tree-hash'
import type { Bytes32 } from '../primitives/bytes'
import { STANDARD_MOD, STANDARD_MOD_HASH } from '../puzzles/standard'
import type { PublicKey } from './public-key'

/**
 * Puzzle hash of the standard puzzle for a synthetic public key (driver `syntheticKeyToPuzzleHash`).
 * @example bytesToHex(standardPuzzleHash(syntheticPublicKey)) // '0e6793e2…c193'
 */
export function standardPuzzleHash(syntheticPublicKey: PublicKey): Bytes32 {
  return curryTreeHash(STANDARD_MOD_HASH, [atomHash(syntheticPublicKey)])
}

/**
 * The standard puzzle curried with a synthetic public key (the coin's puzzle reveal).
 * @example programToBytes(standardPuzzle(syntheticPublicKey))
 */
export function standardPuzzle(syntheticPublicKey: PublicKey): Program {
  return curry(STANDARD_MOD, [atom(syntheticPublicKey)])
}

/**
 * The standard puzzle's solution that outputs `conditions`: `(() (q . conditions) ())`.
 * @example standardSolution(list([list([int(51), atom(puzzleHash), int(1n)])]))
 */
export function standardSolution(conditions: Program): Program {
  return list([NIL, quote(conditions), NIL])
}
