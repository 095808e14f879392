/**
 * The part every collateral release shares: the locked CAT coin pays its whole amount to one
 * destination (hinted), through an inner puzzle that ends in the owner's standard puzzle, with
 * optional XCH fee coins tied to it in an ASSERT_CONCURRENT_SPEND ring. Only how the inner
 * solution wraps the owner's conditions differs between collateral formats.
 * Used by release-collateral.ts (P2Parent) and collateral-vault.ts (augmented condition).
 */
import type { Program } from '../clvm/program'
import { assertConcurrentRing } from '../cat/assert-concurrent-ring'
import { catLineageProof } from '../cat/cat-lineage'
import { catPuzzleHash } from '../cat/cat-puzzle'
import { spendCats } from '../cat/cat-spend'
import { feeConditions } from '../cat/fee-conditions'
import type { CatChild } from '../cat/send-cat'
import type { StandardCoin } from '../cat/standard-cat-coin'
import { createCoinCondition } from '../datastore/conditions'
import type { LineageProof } from '../layers/lineage-proof'
import { standardCoinSpend, standardLayer } from '../layers/standard-layer'
import type { Bytes32 } from '../primitives/bytes'
import { type Coin, coinId } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'

/**
 * Builds the unsigned spends that return a collateral CAT coin to `destination`.
 * @example returnCollateralCoin({ assetId, coin, lineageProof, innerPuzzle, innerPuzzleHash, innerSolution: (s) => list([s]), destination, ownerPuzzleHash })
 */
export function returnCollateralCoin(args: {
  assetId: Bytes32
  coin: Coin
  lineageProof: LineageProof
  innerPuzzle: Program
  innerPuzzleHash: Bytes32
  /** The coin's inner solution around the owner's standard solution. */
  innerSolution: (standardSolution: Program) => Program
  destination: Bytes32
  /** Default receiver of the fee's XCH change. */
  ownerPuzzleHash: Bytes32
  fee?: bigint
  feeCoins?: readonly StandardCoin[]
  feeChangePuzzleHash?: Bytes32
}): { coinSpends: CoinSpend[]; returned: CatChild; feeChangeCoin?: Coin } {
  const { assetId, coin, destination } = args
  const id = coinId(coin)
  const fee = feeConditions({
    feeCoins: args.feeCoins ?? [],
    fee: args.fee ?? 0n,
    changePuzzleHash: args.feeChangePuzzleHash ?? args.ownerPuzzleHash,
  })
  const relations = assertConcurrentRing([id, ...fee.spent.map((c) => coinId(c.coin))])
  const conditions = [createCoinCondition(destination, coin.amount, [destination]), ...relations[0]]
  const [catSpend] = spendCats(assetId, [
    {
      coin,
      innerPuzzle: args.innerPuzzle,
      innerSolution: args.innerSolution(standardLayer.constructSolution(conditions)),
      lineageProof: args.lineageProof,
      outputAmount: coin.amount,
    },
  ])
  const feeSpends = fee.spent.map((c, i) => standardCoinSpend(c.coin, c.syntheticPublicKey, [...fee.conditions[i], ...relations[i + 1]]))
  const returned: CatChild = {
    coin: { parentCoinInfo: id, puzzleHash: catPuzzleHash(assetId, destination), amount: coin.amount },
    innerPuzzleHash: destination,
    lineageProof: catLineageProof(coin, args.innerPuzzleHash),
    memos: [destination],
  }
  return { coinSpends: [catSpend, ...feeSpends], returned, feeChangeCoin: fee.changeCoin }
}
