/**
 * Locks DIG as store collateral in the DIG Network format: a CAT send from the wallet's
 * standard-inner DIG coins to the P2Parent collateral inner puzzle hash, memos
 * `[collateralHint(launcherId)]`, DIG change back to the wallet (hinted), optional XCH fee.
 * The first DIG coin creates the collateral, so its key is the only one that can release it.
 * Source: DIG-Network/DataLayer-Driver `src/dig_collateral_coin.rs` `create_collateral` @ 7040fc11;
 * dig-collateral.md §2.1 (byte-identical to `dig-collateral.json` → `spends.*.lock`).
 */
import { AppError } from '../errors/app-error'
import { type Bytes32, assertBytes32 } from '../primitives/bytes'
import type { Coin } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import type { LineageProof } from '../layers/lineage-proof'
import { type CatChild, NoCatCoinsError, sendCat } from '../cat/send-cat'
import type { StandardCatCoin, StandardCoin } from '../cat/standard-cat-coin'
import { standardPuzzleHash } from '../keys/standard-puzzle'
import { collateralHint } from './collateral-hint'
import { type CollateralGeneration, LATEST_COLLATERAL_GENERATION, collateralInnerPuzzleHash } from './collateral-puzzle'

/** A DIG-format collateral coin and what releasing it needs. */
export interface CollateralCoin {
  coin: Coin
  generation: CollateralGeneration
  /** The collateral's CAT lineage proof; `parentInnerPuzzleHash` is the owner's puzzle hash. */
  lineageProof: LineageProof
}

/** Collateral of 0 is meaningless and dig-mirror-coin forbids it. */
export class ZeroCollateralError extends AppError {
  override name = 'ZeroCollateralError' as const
  constructor() {
    super('Collateral amount must be greater than zero.')
  }
}

export interface LockCollateralResult {
  coinSpends: CoinSpend[]
  collateral: CollateralCoin & { ownerPuzzleHash: Bytes32; hint: Bytes32 }
  change?: CatChild
  feeChangeCoin?: Coin
}

/**
 * Builds the unsigned spends that lock `amount` DIG base units as collateral for a store.
 * @example lockCollateral({ assetId: DIG_MAINNET_ASSET_ID, launcherId, amount: 2500n, catCoins, fee: 0n })
 */
export function lockCollateral(args: {
  assetId: Bytes32
  launcherId: Bytes32
  amount: bigint
  catCoins: readonly StandardCatCoin[]
  /** Inner puzzle hash for DIG change; defaults to the first coin's standard puzzle hash. */
  changePuzzleHash?: Bytes32
  fee?: bigint
  feeCoins?: readonly StandardCoin[]
  feeChangePuzzleHash?: Bytes32
  generation?: CollateralGeneration
}): LockCollateralResult {
  if (args.amount <= 0n) throw new ZeroCollateralError()
  if (args.catCoins.length === 0) throw new NoCatCoinsError()
  const generation = args.generation ?? LATEST_COLLATERAL_GENERATION
  const hint = collateralHint(assertBytes32(args.launcherId, 'launcherId'))
  const ownerPuzzleHash = standardPuzzleHash(args.catCoins[0].syntheticPublicKey)
  const sent = sendCat({
    assetId: args.assetId,
    catCoins: args.catCoins,
    outputs: [{ puzzleHash: collateralInnerPuzzleHash(args.assetId, generation), amount: args.amount, memos: [hint] }],
    changePuzzleHash: args.changePuzzleHash ?? ownerPuzzleHash,
    fee: args.fee,
    feeCoins: args.feeCoins,
    feeChangePuzzleHash: args.feeChangePuzzleHash,
  })
  const [output] = sent.outputs
  return {
    coinSpends: sent.coinSpends,
    collateral: { coin: output.coin, generation, lineageProof: output.lineageProof, ownerPuzzleHash, hint },
    change: sent.change,
    feeChangeCoin: sent.feeChangeCoin,
  }
}
