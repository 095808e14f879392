/**
 * Coins controlled by the standard puzzle: XCH coins (`StandardCoin`) and CAT2 coins whose inner
 * puzzle is the standard puzzle (`StandardCatCoin`). Builders only spend these, because a CAT coin
 * with a clawback, option or other inner puzzle would hand control of its children elsewhere
 * (dig-collateral.md §1.3, §5 "Inner puzzle of the owner's DIG coins").
 */
import { type Program } from '../clvm/program'
import { programFromBytes } from '../clvm/serialize'
import { treeHash } from '../clvm/tree-hash'
import { AppError } from '../errors/app-error'
import { type Bytes32, bytesToHex, equalBytes } from '../primitives/bytes'
import { type Coin, coinId } from '../primitives/coin'
import type { LineageProof } from '../layers/lineage-proof'
import { catPuzzleHash, parseCatPuzzle } from './cat-puzzle'
import { standardPuzzleHash } from '../keys/standard-puzzle'
import { standardLayer } from '../layers/standard-layer'

/** An XCH coin at the standard puzzle hash of `syntheticPublicKey`. */
export interface StandardCoin {
  coin: Coin
  syntheticPublicKey: Uint8Array
}

/** A CAT2 coin whose inner puzzle is the standard puzzle of `syntheticPublicKey`. */
export interface StandardCatCoin {
  coin: Coin
  lineageProof: LineageProof
  syntheticPublicKey: Uint8Array
}

/** A coin handed to a builder is not controlled by the standard puzzle of the key given for it. */
export class NonStandardCoinError extends AppError {
  override name = 'NonStandardCoinError' as const
  constructor({ coinId: id, reason }: { coinId: Bytes32; reason: string }) {
    super('Coin is not a standard-puzzle coin of this wallet.', { details: `coin ${bytesToHex(id)}: ${reason}` })
  }
}

/** A CAT coin belongs to a different asset than the one being spent. */
export class WrongCatAssetError extends AppError {
  override name = 'WrongCatAssetError' as const
  constructor({ coinId: id, expected, actual }: { coinId: Bytes32; expected: Bytes32; actual: Bytes32 }) {
    super('CAT coin is of a different asset.', {
      details: `coin ${bytesToHex(id)}: asset ${bytesToHex(actual)}, expected ${bytesToHex(expected)}`,
    })
  }
}

/**
 * Checks that a CAT coin's puzzle hash is CAT2(assetId, standard(pk)) and returns it.
 * @example assertStandardCatCoin(DIG_MAINNET_ASSET_ID, { coin, lineageProof, syntheticPublicKey })
 */
export function assertStandardCatCoin(assetId: Bytes32, catCoin: StandardCatCoin): StandardCatCoin {
  const expected = catPuzzleHash(assetId, standardPuzzleHash(catCoin.syntheticPublicKey))
  if (!equalBytes(expected, catCoin.coin.puzzleHash)) {
    throw new NonStandardCoinError({
      coinId: coinId(catCoin.coin),
      reason: `puzzle hash ${bytesToHex(catCoin.coin.puzzleHash)} is not CAT2(asset, standard(key)) = ${bytesToHex(expected)}`,
    })
  }
  return catCoin
}

/**
 * Checks that an XCH coin's puzzle hash is the standard puzzle hash of its key and returns it.
 * @example assertStandardCoin({ coin, syntheticPublicKey })
 */
export function assertStandardCoin(standardCoin: StandardCoin): StandardCoin {
  const expected = standardPuzzleHash(standardCoin.syntheticPublicKey)
  if (!equalBytes(expected, standardCoin.coin.puzzleHash)) {
    throw new NonStandardCoinError({
      coinId: coinId(standardCoin.coin),
      reason: `puzzle hash ${bytesToHex(standardCoin.coin.puzzleHash)} is not standard(key) = ${bytesToHex(expected)}`,
    })
  }
  return standardCoin
}

/**
 * Turns a wallet's CAT coin with its full puzzle reveal (CHIP-0002 `getAssetCoins`) into a
 * {@link StandardCatCoin}; throws {@link NonStandardCoinError} for clawback, option or any other
 * inner puzzle, and {@link WrongCatAssetError} for another asset.
 * @example standardCatCoinFromPuzzle({ assetId, coin, puzzleReveal, lineageProof })
 */
export function standardCatCoinFromPuzzle(args: {
  assetId: Bytes32
  coin: Coin
  puzzleReveal: Uint8Array | Program
  lineageProof: LineageProof
}): StandardCatCoin {
  const puzzle = args.puzzleReveal instanceof Uint8Array ? programFromBytes(args.puzzleReveal) : args.puzzleReveal
  const id = coinId(args.coin)
  const revealHash = treeHash(puzzle)
  if (!equalBytes(revealHash, args.coin.puzzleHash)) {
    throw new NonStandardCoinError({ coinId: id, reason: `puzzle reveal hashes to ${bytesToHex(revealHash)}` })
  }
  const cat = parseCatPuzzle(puzzle)
  if (!cat) throw new NonStandardCoinError({ coinId: id, reason: 'not a CAT2 puzzle' })
  if (!equalBytes(cat.assetId, args.assetId)) {
    throw new WrongCatAssetError({ coinId: id, expected: args.assetId, actual: cat.assetId })
  }
  const syntheticPublicKey = standardLayer.parse(cat.innerPuzzle)
  if (!syntheticPublicKey) {
    throw new NonStandardCoinError({
      coinId: id,
      reason: `inner puzzle ${bytesToHex(treeHash(cat.innerPuzzle))} is not the standard puzzle`,
    })
  }
  return { coin: args.coin, lineageProof: args.lineageProof, syntheticPublicKey }
}
