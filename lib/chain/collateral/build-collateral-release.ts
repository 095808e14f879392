/**
 * Builds the release of a collateral coin back to the wallet that locked it: a DIG-format coin
 * (lib/chia `releaseCollateral`, any time) or a vault (`releaseCollateralVault`, refused before
 * its unlock time, which the chain would reject with ASSERT_SECONDS_ABSOLUTE_FAILED). The returned
 * DIG is hinted to the locker's puzzle hash so it shows in their balance.
 */
import { releaseCollateralVault } from '@/lib/chia/collateral/collateral-vault'
import { releaseCollateral } from '@/lib/chia/collateral/release-collateral'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { type Bytes32, bytesToHex, equalBytes } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'

import { type BuiltCollateralAction, CollateralNotInWalletError, type WalletCoinInput } from './collateral-action'
import { pickFeeCoins, walletPuzzleHashesWithFee } from './pick-fee-coins'
import type { ReleasableCollateral } from './store-collateral-view'

/**
 * Builds the unsigned spends of a release.
 *
 * @example
 * const built = buildCollateralRelease({ assetId, launcherId, collateral, walletPublicKeys, fee: 0n, xchCoins: [], lastBlockTimestamp })
 */
export function buildCollateralRelease(args: {
  assetId: Bytes32
  launcherId: Bytes32
  collateral: ReleasableCollateral
  /** The wallet's synthetic keys: the locker's key must be among them. */
  walletPublicKeys: readonly Uint8Array[]
  fee: bigint
  xchCoins: readonly WalletCoinInput[]
  /** Latest transaction block timestamp: a vault release is refused before its unlock time. */
  lastBlockTimestamp: bigint
}): BuiltCollateralAction {
  const { assetId, launcherId, collateral, fee } = args
  const id = coinId(collateral.coin)
  if (!args.walletPublicKeys.some((k) => equalBytes(k, collateral.syntheticPublicKey))) {
    throw new CollateralNotInWalletError({ coinId: bytesToHex(id) })
  }
  const feeCoins = pickFeeCoins(args.xchCoins, fee)
  const destinationPuzzleHash = standardPuzzleHash(collateral.syntheticPublicKey)
  const r =
    collateral.kind === 'vault'
      ? releaseCollateralVault({
          assetId,
          vault: { coin: collateral.coin, lineageProof: collateral.lineageProof, syntheticPublicKey: collateral.syntheticPublicKey, unlockTime: collateral.unlockTime ?? 0n },
          now: args.lastBlockTimestamp,
          fee,
          feeCoins,
        })
      : releaseCollateral({
          assetId,
          collateral: { coin: collateral.coin, generation: collateral.generation ?? 'rue', lineageProof: collateral.lineageProof },
          syntheticPublicKey: collateral.syntheticPublicKey,
          fee,
          feeCoins,
        })
  return {
    coinSpends: r.coinSpends,
    description: { action: 'release', format: collateral.kind, launcherId, amount: collateral.coin.amount, fee, destinationPuzzleHash, collateralCoinId: id },
    maxWalletOutflow: fee,
    maxFee: fee,
    walletPuzzleHashes: walletPuzzleHashesWithFee(destinationPuzzleHash, feeCoins),
    watch: { spentCoinId: id, expectedChildId: coinId(r.returned.coin) },
  }
}
