/**
 * Lock and release of collateral as actions of the app's one pipeline (build → decoded preview →
 * sign → submit → track): the builders turn intent plus the wallet's coins into unsigned coin
 * spends, the limits the preview must enforce, what to watch, and a description for the user.
 * Errors a user can cause carry the numbers to show.
 */
import { AppError } from '@/lib/chia/errors/app-error'
import type { Bytes32 } from '@/lib/chia/primitives/bytes'
import type { Coin } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'

/** A wallet coin as the wallet lists it (CHIP-0002 `getAssetCoins`; structurally `SpendableCoin`). */
export interface WalletCoinInput {
  coin: Coin
  puzzleReveal: Uint8Array
  /** CAT coins only. */
  lineageProof?: { parentName: Bytes32; innerPuzzleHash: Bytes32; amount: bigint }
}

export type CollateralFormat = 'dig' | 'vault'

export type CollateralActionDescription =
  | { action: 'lock'; format: CollateralFormat; launcherId: Bytes32; amount: bigint; unlockTime?: bigint; fee: bigint; lockerPuzzleHash: Bytes32; collateralCoinId: Bytes32 }
  | { action: 'release'; format: CollateralFormat; launcherId: Bytes32; amount: bigint; fee: bigint; destinationPuzzleHash: Bytes32; collateralCoinId: Bytes32 }

export interface BuiltCollateralAction {
  coinSpends: CoinSpend[]
  description: CollateralActionDescription
  /** XCH that may leave the wallet (the fee): what the preview enforces. */
  maxWalletOutflow: bigint
  maxFee: bigint
  /** The wallet's standard puzzle hashes involved (XCH outflow is counted against them). */
  walletPuzzleHashes: Bytes32[]
  /** The tracker's target: a coin the bundle spends and the coin it creates. */
  watch: { spentCoinId: Bytes32; expectedChildId: Bytes32 }
}

export class NotEnoughDigError extends AppError {
  override name = 'NotEnoughDigError' as const
  readonly required: bigint
  readonly available: bigint
  constructor({ required, available, skipped }: { required: bigint; available: bigint; skipped: number }) {
    super('Your wallet does not hold enough spendable $DIG for this lock.', {
      details: `need ${required} base units, spendable ${available}${skipped > 0 ? ` (${skipped} coins with non-standard puzzles left out)` : ''}`,
    })
    this.required = required
    this.available = available
  }
}

export class NotEnoughXchForFeeError extends AppError {
  override name = 'NotEnoughXchForFeeError' as const
  constructor({ fee, largestKeyTotal }: { fee: bigint; largestKeyTotal: bigint }) {
    super('Your wallet does not have enough spendable XCH for the fee.', {
      details: `fee ${fee} mojos; the best key holds ${largestKeyTotal} mojos`,
    })
  }
}

export class UnlockTimeInPastError extends AppError {
  override name = 'UnlockTimeInPastError' as const
  constructor({ unlockTime, now }: { unlockTime: bigint; now: bigint }) {
    super('The unlock date must be in the future.', { details: `unlock ${unlockTime}, now ${now}` })
  }
}

export class CollateralNotInWalletError extends AppError {
  override name = 'CollateralNotInWalletError' as const
  constructor({ coinId }: { coinId: string }) {
    super('This collateral was locked by another wallet; only the wallet that locked it can release it.', { details: `coin ${coinId}` })
  }
}
