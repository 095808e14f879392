/**
 * Builds a collateral lock from the wallet's coins: DIG-format (lib/chia `lockCollateral`,
 * withdrawable by the locker at any time, counted by DIG's tools) or a time-locked vault
 * (`lockCollateralVault`, nobody can withdraw before the unlock time). Only DIG coins whose inner
 * puzzle is the standard puzzle are used (clawback or other inner puzzles would hand control of
 * the collateral elsewhere, dig-collateral.md §5); largest first, so few coins join the ring.
 */
import { type StandardCatCoin, standardCatCoinFromPuzzle } from '@/lib/chia/cat/standard-cat-coin'
import { lockCollateral } from '@/lib/chia/collateral/lock-collateral'
import { lockCollateralVault } from '@/lib/chia/collateral/collateral-vault'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import type { Bytes32 } from '@/lib/chia/primitives/bytes'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'

import {
  type BuiltCollateralAction,
  type CollateralFormat,
  NotEnoughDigError,
  UnlockTimeInPastError,
  type WalletCoinInput,
} from './collateral-action'
import { pickFeeCoins, walletPuzzleHashesWithFee } from './pick-fee-coins'

/** Default lock-up of a vault: 30 days. */
export const DEFAULT_VAULT_SECONDS = 30n * 24n * 60n * 60n

/**
 * The wallet's DIG coins that builders may spend, and how many were left out.
 *
 * @example
 * const { usable } = usableDigCoins(assetId, await wallet.getSpendableCoins({ assetId }))
 */
export function usableDigCoins(assetId: Bytes32, digCoins: readonly WalletCoinInput[]): { usable: StandardCatCoin[]; skipped: number } {
  const usable: StandardCatCoin[] = []
  let skipped = 0
  for (const c of digCoins) {
    if (!c.lineageProof) {
      skipped++
      continue
    }
    try {
      usable.push(
        standardCatCoinFromPuzzle({
          assetId,
          coin: c.coin,
          puzzleReveal: c.puzzleReveal,
          lineageProof: { parentParentCoinInfo: c.lineageProof.parentName, parentInnerPuzzleHash: c.lineageProof.innerPuzzleHash, parentAmount: c.lineageProof.amount },
        }),
      )
    } catch {
      // Not a standard-inner coin of this asset: never spent by a collateral lock.
      skipped++
    }
  }
  return { usable, skipped }
}

/**
 * Builds the unsigned spends of a lock.
 *
 * @example
 * const built = buildCollateralLock({ assetId, launcherId, format: 'dig', amount: 2500n, fee: 0n, digCoins, xchCoins, now })
 */
export function buildCollateralLock(args: {
  assetId: Bytes32
  launcherId: Bytes32
  format: CollateralFormat
  amount: bigint
  /** Vault only: unix seconds. */
  unlockTime?: bigint
  fee: bigint
  digCoins: readonly WalletCoinInput[]
  xchCoins: readonly WalletCoinInput[]
  /** Unix seconds (the vault's unlock time must be later). */
  now: bigint
}): BuiltCollateralAction {
  const { assetId, launcherId, amount, fee } = args
  const { usable, skipped } = usableDigCoins(assetId, args.digCoins)
  const sorted = [...usable].sort((a, b) => (a.coin.amount === b.coin.amount ? 0 : a.coin.amount > b.coin.amount ? -1 : 1))
  const catCoins: StandardCatCoin[] = []
  let selected = 0n
  for (const c of sorted) {
    if (selected >= amount) break
    catCoins.push(c)
    selected += c.coin.amount
  }
  const available = usable.reduce((t, c) => t + c.coin.amount, 0n)
  if (selected < amount || catCoins.length === 0) throw new NotEnoughDigError({ required: amount, available, skipped })
  const feeCoins = pickFeeCoins(args.xchCoins, fee)
  const lockerPuzzleHash = standardPuzzleHash(catCoins[0].syntheticPublicKey)

  let coinSpends: CoinSpend[]
  let collateralCoin: Coin
  let unlockTime: bigint | undefined
  if (args.format === 'vault') {
    unlockTime = args.unlockTime ?? args.now + DEFAULT_VAULT_SECONDS
    if (unlockTime <= args.now) throw new UnlockTimeInPastError({ unlockTime, now: args.now })
    const r = lockCollateralVault({ assetId, launcherId, amount, unlockTime, catCoins, fee, feeCoins })
    coinSpends = r.coinSpends
    collateralCoin = r.vault.coin
  } else {
    const r = lockCollateral({ assetId, launcherId, amount, catCoins, fee, feeCoins })
    coinSpends = r.coinSpends
    collateralCoin = r.collateral.coin
  }
  const collateralCoinId = coinId(collateralCoin)
  return {
    coinSpends,
    description: {
      action: 'lock',
      format: args.format,
      launcherId,
      amount,
      ...(unlockTime === undefined ? {} : { unlockTime }),
      fee,
      lockerPuzzleHash,
      collateralCoinId,
    },
    maxWalletOutflow: fee,
    maxFee: fee,
    walletPuzzleHashes: walletPuzzleHashesWithFee(lockerPuzzleHash, feeCoins),
    watch: { spentCoinId: coinId(catCoins[0].coin), expectedChildId: collateralCoinId },
  }
}
