/**
 * The DIG collateral coin puzzle:
 * `CAT2(assetId, P2Parent(CAT_MAKER = DefaultCatMaker(CAT_MOD_HASH, sha256tree(assetId))))`.
 * Every owner's collateral shares this puzzle hash; ownership is the parent's inner puzzle.
 * Two generations exist because chia-wallet-sdk rebuilt DefaultCatMaker in Rue:
 * 'v1' (Chialisp, sdk 0.30–0.34, datalayer-driver ≤ 4) → `e991be5f…` and
 * 'rue' (sdk 0.36 line, datalayer-driver ≥ 5) → `f2ed90e7…` for $DIG. We write 'rue', read both.
 * Sources: xch-dev/chia-wallet-sdk `crates/chia-sdk-driver/src/primitives/p2_parent_coin.rs`,
 * `layers/p2_parent.rs`, `crates/chia-sdk-types/src/puzzles/action_layer/cat_makers/default.rs`;
 * DIG-Network/DataLayer-Driver `src/dig_collateral_coin.rs`; dig-collateral.md §1.1–1.3.
 */
import { curry } from '../clvm/curry'
import { type Program, atom, int, list } from '../clvm/program'
import { atomHash, curryTreeHash } from '../clvm/tree-hash'
import { type Bytes32, assertBytes32, equalBytes } from '../primitives/bytes'
import { CAT_MOD_HASH } from '../puzzles/cat-v2'
import { DEFAULT_CAT_MAKER_RUE_MOD, DEFAULT_CAT_MAKER_RUE_MOD_HASH } from '../puzzles/default-cat-maker-rue'
import { DEFAULT_CAT_MAKER_V1_MOD, DEFAULT_CAT_MAKER_V1_MOD_HASH } from '../puzzles/default-cat-maker-v1'
import { P2_PARENT_MOD, P2_PARENT_MOD_HASH } from '../puzzles/p2-parent'
import { catPuzzle, catPuzzleHash } from '../cat/cat-puzzle'

/** Which DefaultCatMaker build the P2Parent inner puzzle curries. */
export type CollateralGeneration = 'v1' | 'rue'

/** Generations in the order a reader should try them (newest first). */
export const COLLATERAL_GENERATIONS: readonly CollateralGeneration[] = ['rue', 'v1']

/** The generation new collateral is written with (datalayer-driver ≥ 5.0.0, sdk 0.36 line). */
export const LATEST_COLLATERAL_GENERATION: CollateralGeneration = 'rue'

const MAKERS = {
  v1: { mod: DEFAULT_CAT_MAKER_V1_MOD, modHash: DEFAULT_CAT_MAKER_V1_MOD_HASH },
  rue: { mod: DEFAULT_CAT_MAKER_RUE_MOD, modHash: DEFAULT_CAT_MAKER_RUE_MOD_HASH },
} as const

/**
 * DefaultCatMaker curried with `(CAT_MOD_HASH, sha256tree(assetId))`: maps an inner puzzle hash to
 * the CAT2 puzzle hash of that asset.
 * @example treeHash(collateralCatMaker(DIG_MAINNET_ASSET_ID, 'rue')) // a14fd192…
 */
export function collateralCatMaker(assetId: Bytes32, generation: CollateralGeneration): Program {
  const tailHashHash = atomHash(assertBytes32(assetId, 'assetId'))
  return curry(MAKERS[generation].mod, [atom(CAT_MOD_HASH), atom(tailHashHash)])
}

/**
 * The P2Parent inner puzzle of a collateral coin.
 * @example collateralInnerPuzzle(DIG_MAINNET_ASSET_ID, 'rue')
 */
export function collateralInnerPuzzle(assetId: Bytes32, generation: CollateralGeneration): Program {
  return curry(P2_PARENT_MOD, [collateralCatMaker(assetId, generation)])
}

/**
 * The inner (P2Parent) puzzle hash, computed from hashes only.
 * @example bytesToHex(collateralInnerPuzzleHash(DIG_MAINNET_ASSET_ID, 'rue')) // '653e776b…'
 */
export function collateralInnerPuzzleHash(assetId: Bytes32, generation: CollateralGeneration): Bytes32 {
  const tailHashHash = atomHash(assertBytes32(assetId, 'assetId'))
  const makerHash = curryTreeHash(MAKERS[generation].modHash, [atomHash(CAT_MOD_HASH), atomHash(tailHashHash)])
  return curryTreeHash(P2_PARENT_MOD_HASH, [makerHash])
}

/**
 * The full collateral coin puzzle (the puzzle reveal of a release).
 * @example programToBytes(collateralPuzzle(DIG_MAINNET_ASSET_ID, 'rue')).length // 2244
 */
export function collateralPuzzle(assetId: Bytes32, generation: CollateralGeneration): Program {
  return catPuzzle(assetId, collateralInnerPuzzle(assetId, generation))
}

/**
 * The collateral coin's puzzle hash (the same for every owner and store).
 * @example bytesToHex(collateralPuzzleHash(DIG_MAINNET_ASSET_ID, 'rue')) // 'f2ed90e7…'
 */
export function collateralPuzzleHash(assetId: Bytes32, generation: CollateralGeneration): Bytes32 {
  return catPuzzleHash(assetId, collateralInnerPuzzleHash(assetId, generation))
}

/**
 * Which generation a coin puzzle hash belongs to, or `undefined` if it is not collateral of `assetId`.
 * @example collateralGenerationOf(coin.puzzleHash, DIG_MAINNET_ASSET_ID) // 'v1' | 'rue' | undefined
 */
export function collateralGenerationOf(puzzleHash: Bytes32, assetId: Bytes32): CollateralGeneration | undefined {
  return COLLATERAL_GENERATIONS.find((g) => equalBytes(collateralPuzzleHash(assetId, g), puzzleHash))
}

/**
 * The P2Parent solution `(parent_parent_id parent_amount parent_inner_puzzle parent_solution)`
 * (cat_maker_solution `()` makes it a proper 4-element list). Note the field order differs from
 * Chia's older mirror p2_parent (dig-collateral.md §1.3).
 * @example p2ParentSolution({ parentParentCoinInfo, parentAmount, parentInnerPuzzle, parentSolution })
 */
export function p2ParentSolution(args: {
  parentParentCoinInfo: Bytes32
  parentAmount: bigint
  parentInnerPuzzle: Program
  parentSolution: Program
}): Program {
  return list([
    atom(assertBytes32(args.parentParentCoinInfo, 'parentParentCoinInfo')),
    int(args.parentAmount),
    args.parentInnerPuzzle,
    args.parentSolution,
  ])
}

