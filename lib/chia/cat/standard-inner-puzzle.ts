/**
 * The standard puzzle (p2_delegated_puzzle_or_hidden_puzzle) as a CAT inner puzzle, and the
 * delegated-conditions solution `(() (q . conditions) ())`.
 * Source: Chia-Network/chia_puzzles `puzzles/p2_delegated_puzzle_or_hidden_puzzle.clsp`;
 * datalayer-protocol.md §2.3–2.4; dig-collateral.md §2.2.
 *
 * Minimal local helpers for the CAT and collateral builders. `lib/chia/keys/standard-puzzle.ts`
 * (standardPuzzle / standardPuzzleHash / standardSolution) is the general home; these agree with
 * it by construction (same curry, same solution shape) and can be replaced by it.
 */
import { curry, uncurryIf } from '../clvm/curry'
import { type Program, NIL, atom, list, quote } from '../clvm/program'
import { atomHash, curryTreeHash } from '../clvm/tree-hash'
import { AppError } from '../errors/app-error'
import type { Bytes32 } from '../primitives/bytes'
import { STANDARD_MOD, STANDARD_MOD_HASH } from '../puzzles/standard'

/** A BLS public key argument is not 48 bytes. */
export class InvalidPublicKeyLengthError extends AppError {
  override name = 'InvalidPublicKeyLengthError' as const
  constructor({ actual }: { actual: number }) {
    super('Synthetic public key must be 48 bytes.', { details: `got ${actual} bytes` })
  }
}

const assertPublicKey = (syntheticPublicKey: Uint8Array): Uint8Array => {
  if (syntheticPublicKey.length !== 48) throw new InvalidPublicKeyLengthError({ actual: syntheticPublicKey.length })
  return syntheticPublicKey
}

/**
 * The standard puzzle curried with a synthetic public key.
 * @example standardInnerPuzzle(syntheticPublicKey)
 */
export const standardInnerPuzzle = (syntheticPublicKey: Uint8Array): Program =>
  curry(STANDARD_MOD, [atom(assertPublicKey(syntheticPublicKey))])

/**
 * The standard puzzle hash of a synthetic public key (a wallet's puzzle hash).
 * @example bytesToHex(standardInnerPuzzleHash(pk)) // '13e55e48…'
 */
export const standardInnerPuzzleHash = (syntheticPublicKey: Uint8Array): Bytes32 =>
  curryTreeHash(STANDARD_MOD_HASH, [atomHash(assertPublicKey(syntheticPublicKey))])

/**
 * The delegated puzzle `(q . conditions)` whose tree hash the owner signs with AGG_SIG_ME.
 * @example treeHash(standardDelegatedPuzzle(conditions))
 */
export const standardDelegatedPuzzle = (conditions: readonly Program[]): Program => quote(list(conditions))

/**
 * The standard solution `(() (q . conditions) ())`.
 * @example standardInnerSolution([createCoin(ph, 1n)])
 */
export const standardInnerSolution = (conditions: readonly Program[]): Program =>
  list([NIL, standardDelegatedPuzzle(conditions), NIL])

/**
 * The synthetic public key of a standard puzzle, or `undefined` if the puzzle is not standard.
 * @example parseStandardInnerPuzzle(innerPuzzle)?.syntheticPublicKey
 */
export function parseStandardInnerPuzzle(puzzle: Program): { syntheticPublicKey: Uint8Array } | undefined {
  const args = uncurryIf(puzzle, STANDARD_MOD_HASH, 1)
  if (!args) return undefined
  const pk = args[0].atom
  if (pk === undefined || pk.length !== 48) {
    throw new InvalidPublicKeyLengthError({ actual: pk?.length ?? -1 })
  }
  return { syntheticPublicKey: pk }
}

