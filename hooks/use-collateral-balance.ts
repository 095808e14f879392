'use client'

/**
 * The $DIG asset id of this network (asked from the node through the proxy) and the connected
 * wallet's spendable DIG: its CAT coins of that asset, as the wallet lists them.
 */
import useSWR from 'swr'

import { usePublicEnv } from '@/hooks/use-public-env'
import { useWallet } from '@/hooks/use-wallet'
import { walletId } from '@/hooks/wallet-id'
import { usableDigCoins } from '@/lib/chain/collateral/build-collateral-lock'
import { resolveDigAssetId } from '@/lib/chain/collateral/resolve-dig-asset-id'
import { createHttpRpcCall } from '@/lib/chain/http-rpc-call'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { type Bytes32, bytesToHex } from '@/lib/chia/primitives/bytes'
import type { SpendableCoin, Wallet } from '@/lib/wallet/wallet'

const call = createHttpRpcCall({ baseUrl: '/api/node' })

let assetId: Promise<Bytes32> | undefined

/**
 * This network's DIG asset id (cached per tab); `override` is the configured `digAssetId` of the
 * public env, when set. @example const assetId = await digAssetId(env.digAssetId)
 */
export function digAssetId(override?: string): Promise<Bytes32> {
  if (override !== undefined) return resolveDigAssetId(call, { override })
  assetId ??= resolveDigAssetId(call)
  assetId.catch(() => (assetId = undefined))
  return assetId
}

/** The DIG asset id as SWR data. @example const { data: assetId } = useDigAssetId() */
export const useDigAssetId = () => {
  const { digAssetId: override } = usePublicEnv()
  return useSWR<Bytes32>(['dig-asset-id', override ?? ''], () => digAssetId(override), { revalidateOnFocus: false })
}

export interface CollateralBalance {
  assetId: Bytes32
  /** Spendable base units in coins a lock may use (standard inner puzzle). */
  total: bigint
  coins: SpendableCoin[]
  /** DIG coins the app will not spend (clawback and other inner puzzles). */
  skipped: number
}

/**
 * Loads a wallet's DIG balance.
 * @example const balance = await loadCollateralBalance(wallet, assetId)
 */
export async function loadCollateralBalance(wallet: Wallet, asset: Bytes32): Promise<CollateralBalance> {
  const coins = (await wallet.getSpendableCoins({ assetId: asset })).filter((c) => !c.locked)
  const { usable, skipped } = usableDigCoins(asset, coins)
  return { assetId: asset, total: usable.reduce((t, c) => t + c.coin.amount, 0n), coins, skipped }
}

/**
 * The connected wallet's DIG; `undefined` while loading or disconnected.
 * @example const { data: balance } = useCollateralBalance()
 */
export function useCollateralBalance(refreshMs = 0) {
  const { wallet } = useWallet()
  const { data: asset } = useDigAssetId()
  return useSWR<CollateralBalance>(wallet && asset ? ['dig-balance', walletId(wallet), bytesToHex(asset)] : null, () => loadCollateralBalance(wallet!, asset!), {
    refreshInterval: refreshMs,
  })
}

/**
 * The connected wallet's standard puzzle hashes (hex with 0x, first 100 keys): which collateral
 * coins this wallet locked and may release.
 * @example const { data: mine } = useCollateralWalletPuzzleHashes()
 */
export function useCollateralWalletPuzzleHashes() {
  const { wallet } = useWallet()
  return useSWR<Set<string>>(wallet ? ['collateral-wallet-keys', walletId(wallet)] : null, async () => {
    const keys = await wallet!.getPublicKeys({ limit: 100 })
    return new Set(keys.map((k) => `0x${bytesToHex(standardPuzzleHash(k))}`))
  })
}
