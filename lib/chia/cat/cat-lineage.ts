/**
 * CAT2 lineage proofs: `(parent_parent_coin_info parent_inner_puzzle_hash parent_amount)`, the
 * evidence a CAT coin gives that its parent was a CAT of the same asset. The type and its CLVM form
 * are shared with singletons (../layers/lineage-proof.ts).
 * Source: chia_rs `crates/chia-puzzle-types/src/puzzles/cat.rs` / `LineageProof`; chia-wallet-sdk
 * `crates/chia-sdk-driver/src/primitives/cat.rs` `Cat::child_lineage_proof`; dig-collateral.md §5.
 */
import type { Program } from '../clvm/program'
import { programFromBytes } from '../clvm/serialize'
import { treeHash } from '../clvm/tree-hash'
import { AppError } from '../errors/app-error'
import { type Bytes32, bytesToHex, equalBytes } from '../primitives/bytes'
import { type Coin, coinId } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import type { LineageProof } from '../layers/lineage-proof'
import { parseCatPuzzle } from './cat-puzzle'


/** The parent spend's puzzle reveal is not a CAT2 puzzle. */
export class ParentNotCatError extends AppError {
  override name = 'ParentNotCatError' as const
  constructor({ parentCoinId }: { parentCoinId: Bytes32 }) {
    super('The parent coin is not a CAT2 coin.', { details: `parent ${bytesToHex(parentCoinId)}` })
  }
}

/** The parent spend's puzzle reveal does not hash to the parent coin's puzzle hash. */
export class PuzzleRevealMismatchError extends AppError {
  override name = 'PuzzleRevealMismatchError' as const
  constructor({ expected, actual }: { expected: Bytes32; actual: Bytes32 }) {
    super('Puzzle reveal does not match the coin.', {
      details: `coin puzzle hash ${bytesToHex(expected)}, reveal hashes to ${bytesToHex(actual)}`,
    })
  }
}

/**
 * The lineage proof every child of `parentCoin` carries, given the parent's CAT inner puzzle hash.
 * @example catLineageProof(parentCoin, treeHash(parentInnerPuzzle))
 */
export function catLineageProof(parentCoin: Coin, parentInnerPuzzleHash: Bytes32): LineageProof {
  return {
    parentParentCoinInfo: parentCoin.parentCoinInfo,
    parentInnerPuzzleHash,
    parentAmount: parentCoin.amount,
  }
}

/**
 * Derives the lineage proof for the children of a spent CAT2 coin from its coin spend. Checks that
 * the reveal hashes to the coin's puzzle hash and is CAT2; returns the asset id too.
 * @example const { assetId, lineageProof } = catLineageProofFromParentSpend(parentCoinSpend)
 */
export function catLineageProofFromParentSpend(parentSpend: CoinSpend): {
  assetId: Bytes32
  innerPuzzle: Program
  lineageProof: LineageProof
} {
  const puzzle = programFromBytes(parentSpend.puzzleReveal)
  const revealHash = treeHash(puzzle)
  if (!equalBytes(revealHash, parentSpend.coin.puzzleHash)) {
    throw new PuzzleRevealMismatchError({ expected: parentSpend.coin.puzzleHash, actual: revealHash })
  }
  const cat = parseCatPuzzle(puzzle)
  if (!cat) {
    throw new ParentNotCatError({ parentCoinId: coinId(parentSpend.coin) })
  }
  const innerPuzzleHash = treeHash(cat.innerPuzzle)
  return {
    assetId: cat.assetId,
    innerPuzzle: cat.innerPuzzle,
    lineageProof: catLineageProof(parentSpend.coin, innerPuzzleHash),
  }
}
