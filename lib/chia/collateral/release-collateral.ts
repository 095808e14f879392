/**
 * Releases a DIG-format collateral coin back to its owner. P2Parent re-runs the parent coin's inner
 * puzzle (the owner's standard puzzle) with a new solution, after asserting the parent id; the CAT
 * ring is a ring of one. Output: the full amount to the owner, hinted (dig-mirror-coin SPEC §6.4).
 * Source: DIG-Network/DataLayer-Driver `DigCollateralCoin::spend`; chia-wallet-sdk
 * `primitives/p2_parent_coin.rs` `construct_solution`; dig-collateral.md §2.2
 * (byte-identical to `dig-collateral.json` → `spends.*.release`).
 */
import { AppError } from '../errors/app-error'
import { type Bytes32, assertBytes32, bytesToHex, equalBytes } from '../primitives/bytes'
import { type Coin, coinId } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import type { CatChild } from '../cat/send-cat'
import type { StandardCoin } from '../cat/standard-cat-coin'
import { standardPuzzle, standardPuzzleHash } from '../keys/standard-puzzle'
import { collateralInnerPuzzle, collateralInnerPuzzleHash, collateralPuzzleHash, p2ParentSolution } from './collateral-puzzle'
import type { CollateralCoin } from './lock-collateral'
import { returnCollateralCoin } from './return-collateral-coin'

/** The key given is not the one that controls the collateral (its parent's inner puzzle). */
export class CollateralOwnerMismatchError extends AppError {
  override name = 'CollateralOwnerMismatchError' as const
  constructor({ ownerPuzzleHash, keyPuzzleHash }: { ownerPuzzleHash: Bytes32; keyPuzzleHash: Bytes32 }) {
    super('Collateral coin is controlled by another wallet.', {
      details: `owner puzzle hash ${bytesToHex(ownerPuzzleHash)}, key's puzzle hash ${bytesToHex(keyPuzzleHash)}`,
    })
  }
}

/** The coin is not at the collateral puzzle hash of the stated generation and asset. */
export class NotCollateralCoinError extends AppError {
  override name = 'NotCollateralCoinError' as const
  constructor({ coinId: id, puzzleHash, expected }: { coinId: Bytes32; puzzleHash: Bytes32; expected: Bytes32 }) {
    super('Coin is not a DIG collateral coin of this generation.', {
      details: `coin ${bytesToHex(id)} puzzle hash ${bytesToHex(puzzleHash)}, expected ${bytesToHex(expected)}`,
    })
  }
}

/**
 * Builds the unsigned spends that return a collateral coin to its owner (who signs AGG_SIG_ME for
 * the collateral coin with `syntheticPublicKey`'s secret key).
 * @example releaseCollateral({ assetId, collateral, syntheticPublicKey, fee: 0n })
 */
export function releaseCollateral(args: {
  assetId: Bytes32
  collateral: CollateralCoin
  syntheticPublicKey: Uint8Array
  /** Inner puzzle hash that receives the DIG; defaults to the owner's standard puzzle hash. */
  destinationPuzzleHash?: Bytes32
  fee?: bigint
  feeCoins?: readonly StandardCoin[]
  feeChangePuzzleHash?: Bytes32
}): { coinSpends: CoinSpend[]; returned: CatChild; feeChangeCoin?: Coin } {
  const { assetId, collateral, syntheticPublicKey } = args
  const { coin, generation, lineageProof } = collateral
  const id = coinId(coin)
  const expected = collateralPuzzleHash(assetId, generation)
  if (!equalBytes(expected, coin.puzzleHash)) {
    throw new NotCollateralCoinError({ coinId: id, puzzleHash: coin.puzzleHash, expected })
  }
  const ownerPuzzleHash = standardPuzzleHash(syntheticPublicKey)
  if (!equalBytes(ownerPuzzleHash, lineageProof.parentInnerPuzzleHash)) {
    throw new CollateralOwnerMismatchError({
      ownerPuzzleHash: lineageProof.parentInnerPuzzleHash,
      keyPuzzleHash: ownerPuzzleHash,
    })
  }
  const destination = assertBytes32(args.destinationPuzzleHash ?? ownerPuzzleHash, 'destinationPuzzleHash')
  return returnCollateralCoin({
    assetId,
    coin,
    lineageProof,
    innerPuzzle: collateralInnerPuzzle(assetId, generation),
    innerPuzzleHash: collateralInnerPuzzleHash(assetId, generation),
    innerSolution: (parentSolution) =>
      p2ParentSolution({
        parentParentCoinInfo: lineageProof.parentParentCoinInfo,
        parentAmount: lineageProof.parentAmount,
        parentInnerPuzzle: standardPuzzle(syntheticPublicKey),
        parentSolution,
      }),
    destination,
    ownerPuzzleHash,
    fee: args.fee,
    feeCoins: args.feeCoins,
    feeChangePuzzleHash: args.feeChangePuzzleHash,
  })
}
