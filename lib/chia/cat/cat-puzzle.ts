/**
 * The CAT2 outer puzzle: `curry(CAT_MOD, [CAT_MOD_HASH, assetId, innerPuzzle])`.
 * Source: Chia-Network/chia-blockchain `chia/wallet/cat_wallet/puzzles/cat_v2.clsp` (@ 63285715);
 * chia_rs `crates/chia-puzzle-types/src/puzzles/cat.rs` `CatArgs`; dig-collateral.md §5.
 */
import { curry, uncurryIf } from '../clvm/curry'
import { type Program, atom } from '../clvm/program'
import { atomHash, curryTreeHash, treeHash } from '../clvm/tree-hash'
import { AppError } from '../errors/app-error'
import { type Bytes32, assertBytes32, bytesToHex, equalBytes } from '../primitives/bytes'
import { CAT_MOD, CAT_MOD_HASH } from '../puzzles/cat-v2'

/** A CAT2 puzzle split into its asset id (TAIL hash) and inner puzzle. */
export interface CatArgs {
  assetId: Bytes32
  innerPuzzle: Program
}

/** The puzzle is CAT2 but its curried arguments are not a valid CAT2 instance. */
export class MalformedCatPuzzleError extends AppError {
  override name = 'MalformedCatPuzzleError' as const
  constructor({ reason }: { reason: string }) {
    super('CAT2 puzzle has malformed curried arguments.', { details: reason })
  }
}

const CAT_MOD_HASH_ATOM = atom(CAT_MOD_HASH)
const CAT_MOD_HASH_HASH = atomHash(CAT_MOD_HASH)

/**
 * Builds the CAT2 puzzle for `assetId` around `innerPuzzle`.
 * @example const puzzle = catPuzzle(DIG_MAINNET_ASSET_ID, standardPuzzle)
 */
export function catPuzzle(assetId: Bytes32, innerPuzzle: Program): Program {
  return curry(CAT_MOD, [CAT_MOD_HASH_ATOM, atom(assetWithCheck(assetId)), innerPuzzle])
}

/**
 * The CAT2 puzzle hash from the inner puzzle hash alone (no program needed).
 * The first curried argument is hashed as the atom CAT_MOD_HASH (dig-collateral.md §5).
 * @example catPuzzleHash(DIG_MAINNET_ASSET_ID, innerPuzzleHash) // the coin's puzzle hash
 */
export function catPuzzleHash(assetId: Bytes32, innerPuzzleHash: Bytes32): Bytes32 {
  return curryTreeHash(CAT_MOD_HASH, [
    CAT_MOD_HASH_HASH,
    atomHash(assetWithCheck(assetId)),
    assertBytes32(innerPuzzleHash, 'innerPuzzleHash'),
  ])
}

/**
 * Splits a CAT2 puzzle into asset id and inner puzzle; `undefined` if it is not CAT2, throws
 * {@link MalformedCatPuzzleError} if it is CAT2 with bad arguments.
 * @example parseCatPuzzle(programFromBytes(coinSpend.puzzleReveal))?.assetId
 */
export function parseCatPuzzle(puzzle: Program): CatArgs | undefined {
  const args = uncurryIf(puzzle, CAT_MOD_HASH)
  if (!args) return undefined
  if (args.length !== 3) throw new MalformedCatPuzzleError({ reason: `expected 3 curried arguments, got ${args.length}` })
  const [modHash, assetId, innerPuzzle] = args
  if (modHash.atom === undefined || !equalBytes(modHash.atom, CAT_MOD_HASH)) {
    throw new MalformedCatPuzzleError({
      reason: `MOD_HASH argument is ${modHash.atom ? bytesToHex(modHash.atom) : 'a pair'}, not the CAT2 mod hash`,
    })
  }
  if (assetId.atom === undefined || assetId.atom.length !== 32) {
    throw new MalformedCatPuzzleError({ reason: 'TAIL_PROGRAM_HASH argument is not 32 bytes' })
  }
  return { assetId: assetId.atom, innerPuzzle }
}

/**
 * True when `puzzleHash` is the CAT2 puzzle hash of `assetId` around `innerPuzzle`.
 * @example isCatPuzzleHash(coin.puzzleHash, assetId, innerPuzzle)
 */
export const isCatPuzzleHash = (puzzleHash: Bytes32, assetId: Bytes32, innerPuzzle: Program): boolean =>
  equalBytes(puzzleHash, catPuzzleHash(assetId, treeHash(innerPuzzle)))

const assetWithCheck = (assetId: Bytes32): Bytes32 => assertBytes32(assetId, 'assetId')
