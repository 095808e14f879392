/**
 * The JSON form of a store's collateral, `GET /api/stores/<launcherId>/collateral` (and the
 * `collateral` part of a store view): hex is `0x`-prefixed, amounts are JSON numbers (serialize
 * with `stringifyLosslessJson`). `collateralCoinFromView` turns a coin back into bytes for the
 * release builders in the browser.
 */
import type { CollateralPolicy } from '@/lib/chia/collateral/collateral-policy'
import type { CollateralGeneration } from '@/lib/chia/collateral/collateral-puzzle'
import { puzzleHashToAddress } from '@/lib/chia/keys/address'
import type { LineageProof } from '@/lib/chia/layers/lineage-proof'
import { type Bytes32, bytesToPrefixedHex, equalBytes, hexToBytes, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import type { Coin } from '@/lib/chia/primitives/coin'
import { addressPrefix } from '@/lib/chia/primitives/network'
import type { ChiaNetwork } from '@/lib/env-client'

import type { CollateralLifecycle } from './collateral-lifecycle'
import type { StoreCollateral, StoreCollateralRejection } from './load-store-collateral'
import type { CollateralSummary } from './summarize-store-collateral'

export type CollateralCoinView = {
  coinId: string
  parentCoinInfo: string
  puzzleHash: string
  amount: bigint
  kind: 'dig' | 'vault' | 'unknown'
  generation?: CollateralGeneration
  counted: boolean
  reason?: StoreCollateralRejection
  details?: string
  lifecycle: CollateralLifecycle
  releasing: boolean
  confirmedHeight?: number
  spentHeight?: number
  timestamp?: bigint
  /** Who locked it (the locker's wallet puzzle hash and address). */
  ownerPuzzleHash?: string
  ownerAddress?: string
  /** Whether the locker is the store's current owner. */
  lockedByStoreOwner?: boolean
  syntheticPublicKey?: string
  unlockTime?: bigint
  lineageProof?: { parentParentCoinInfo: string; parentInnerPuzzleHash: string; parentAmount: bigint }
}

export type CollateralPolicyView = {
  /** Base units (1 DIG = 1,000) per started unit. */
  rate: bigint
  unitBytes: bigint
  thresholdBytes?: bigint
  multiplierBps?: bigint
}

export type StoreCollateralView = {
  launcherId: string
  network: ChiaNetwork
  assetId: string
  hint: string
  /** The store's size the requirement is computed from (0 when it states none). */
  bytes: bigint
  /** The store's current owner, when known (where DIG for the store can be sent). */
  storeOwnerAddress?: string
  policy: CollateralPolicyView
  /** How coins are counted, in words for the page. */
  countingPolicy: string
  summary: CollateralSummary
  coins: CollateralCoinView[]
  lastBlockTimestamp: bigint
  peakHeight: number
  candidateCount: number
  truncated: boolean
}

export const COUNTING_POLICY =
  'Every valid, unspent collateral coin hinted to this store counts, whoever locked it. DIG-format coins can be withdrawn by their locker at any time; vaults not before their unlock date.'

/**
 * Builds the view.
 *
 * @example
 * const view = storeCollateralView(collateral, { network: 'mainnet', bytes, policy, summary, ownerPuzzleHash })
 */
export function storeCollateralView(
  collateral: StoreCollateral,
  { network, bytes, policy, summary, ownerPuzzleHash }: { network: ChiaNetwork; bytes: bigint; policy: CollateralPolicy; summary: CollateralSummary; ownerPuzzleHash?: Bytes32 },
): StoreCollateralView {
  const hex = bytesToPrefixedHex
  const prefix = addressPrefix(network)
  return {
    launcherId: hex(collateral.launcherId),
    network,
    assetId: hex(collateral.assetId),
    hint: hex(collateral.hint),
    bytes,
    ...(ownerPuzzleHash ? { storeOwnerAddress: puzzleHashToAddress(ownerPuzzleHash, prefix) } : {}),
    policy: {
      rate: policy.rate,
      unitBytes: policy.unitBytes,
      ...(policy.aboveThreshold ? { thresholdBytes: policy.aboveThreshold.thresholdBytes, multiplierBps: policy.aboveThreshold.multiplierBps } : {}),
    },
    countingPolicy: COUNTING_POLICY,
    summary,
    coins: collateral.coins.map((c) => ({
      coinId: hex(c.coinId),
      parentCoinInfo: hex(c.coin.parentCoinInfo),
      puzzleHash: hex(c.coin.puzzleHash),
      amount: c.amount,
      kind: c.kind,
      ...(c.generation ? { generation: c.generation } : {}),
      counted: c.counted,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.details ? { details: c.details } : {}),
      lifecycle: c.lifecycle,
      releasing: c.releasing,
      ...(c.confirmedHeight === undefined ? {} : { confirmedHeight: c.confirmedHeight }),
      ...(c.spentHeight === undefined ? {} : { spentHeight: c.spentHeight }),
      ...(c.timestamp === undefined ? {} : { timestamp: c.timestamp }),
      ...(c.ownerPuzzleHash
        ? {
            ownerPuzzleHash: hex(c.ownerPuzzleHash),
            ownerAddress: puzzleHashToAddress(c.ownerPuzzleHash, prefix),
            ...(ownerPuzzleHash ? { lockedByStoreOwner: equalBytes(c.ownerPuzzleHash, ownerPuzzleHash) } : {}),
          }
        : {}),
      ...(c.syntheticPublicKey ? { syntheticPublicKey: hex(c.syntheticPublicKey) } : {}),
      ...(c.unlockTime === undefined ? {} : { unlockTime: c.unlockTime }),
      ...(c.lineageProof
        ? {
            lineageProof: {
              parentParentCoinInfo: hex(c.lineageProof.parentParentCoinInfo),
              parentInnerPuzzleHash: hex(c.lineageProof.parentInnerPuzzleHash),
              parentAmount: c.lineageProof.parentAmount,
            },
          }
        : {}),
    })),
    lastBlockTimestamp: collateral.lastBlockTimestamp,
    peakHeight: collateral.peakHeight,
    candidateCount: collateral.candidateCount,
    truncated: collateral.truncated,
  }
}

/** What a release needs, back in bytes. */
export interface ReleasableCollateral {
  kind: 'dig' | 'vault'
  coin: Coin
  generation?: CollateralGeneration
  lineageProof: LineageProof
  syntheticPublicKey: Uint8Array
  unlockTime?: bigint
}

/**
 * Converts a counted coin of the view back into bytes for a release; `undefined` for coins that
 * cannot be released by a standard-key wallet (not counted, or missing data).
 *
 * @example
 * const releasable = collateralCoinFromView(view.coins[0])
 */
export function collateralCoinFromView(c: CollateralCoinView): ReleasableCollateral | undefined {
  if (!c.counted || (c.kind !== 'dig' && c.kind !== 'vault') || !c.lineageProof || !c.syntheticPublicKey) return undefined
  if (c.kind === 'dig' && !c.generation) return undefined
  if (c.kind === 'vault' && c.unlockTime === undefined) return undefined
  return {
    kind: c.kind,
    coin: { parentCoinInfo: hexToBytes32(c.parentCoinInfo), puzzleHash: hexToBytes32(c.puzzleHash), amount: BigInt(c.amount) },
    ...(c.generation ? { generation: c.generation } : {}),
    lineageProof: {
      parentParentCoinInfo: hexToBytes32(c.lineageProof.parentParentCoinInfo),
      parentInnerPuzzleHash: hexToBytes32(c.lineageProof.parentInnerPuzzleHash),
      parentAmount: BigInt(c.lineageProof.parentAmount),
    },
    syntheticPublicKey: hexToBytes(c.syntheticPublicKey),
    ...(c.unlockTime === undefined ? {} : { unlockTime: BigInt(c.unlockTime) }),
  }
}
