/**
 * The browser-safe half of the configuration (STYLE.md: "lib/env.ts … server/client split").
 *
 * Client components never import `lib/env` (it reads `process.env` and holds server-only
 * settings). The root layout resolves `publicEnv()` on the server and hands the result down as
 * props; this module only describes its shape and the network vocabulary, so it is safe anywhere.
 */

export const CHIA_NETWORKS = ['devnet', 'testnet11', 'mainnet'] as const

export type ChiaNetwork = (typeof CHIA_NETWORKS)[number]

/** Human labels used by the network badge and page text. */
export const NETWORK_LABELS: Record<ChiaNetwork, string> = {
  devnet: 'Devnet',
  testnet11: 'Testnet11',
  mainnet: 'Mainnet',
}

/** Configuration the browser may see. Nothing secret (no cert paths, no Redis URL). */
export type PublicEnv = {
  network: ChiaNetwork
  walletConnectProjectId?: string
  walletConnectRelayUrl?: string
  /** Warn before signing when the fee exceeds this many mojos. */
  feeWarnMojos: bigint
  /** Where users can buy $DIG when their collateral falls short. */
  exchangeUrl: string
  collateral: CollateralPolicy
  /** Configured $DIG asset id (hex, no 0x), when the node cannot say (testnet11). */
  digAssetId?: string
}

/**
 * Required collateral = ceil(size / unitBytes) × ratePerUnit, times `multiplier` for stores
 * larger than `multiplierThresholdBytes` when both are set (PRODUCT.md §4).
 */
export type CollateralPolicy = {
  /** DIG mojos (1 DIG = 1,000 mojos) per started unit. */
  ratePerUnit: bigint
  /** The decimal DIG amount as configured, for display. */
  rateDig: string
  unitBytes: bigint
  multiplier?: number
  multiplierThresholdBytes?: bigint
}
