/**
 * The JSON twin of a verification page, `GET /api/stores/<launcherId>` (issue 5): hex is
 * `0x`-prefixed, integers are JSON numbers (serialize with `stringifyLosslessJson`: `bytes` and
 * fees are bigint and may exceed 2^53). Pure: takes a synced history and the mempool verdict.
 */
import { bytesToPrefixedHex } from '@/lib/chia/primitives/bytes'
import { addressPrefix } from '@/lib/chia/primitives/network'
import { puzzleHashToAddress } from '@/lib/chia/keys/address'
import type { ChiaNetwork } from '@/lib/env-client'

import { parseLosslessJson } from './lossless-json'

import type { StoreAuthority, StoreDelegate, StoreHistory, StoreState } from './store-sync'

export type StoreStatus = 'live' | 'melted' | 'pending'

export type StoreDelegateView =
  | { type: 'admin' | 'writer'; innerPuzzleHash: string }
  | { type: 'oracle'; oraclePuzzleHash: string; oracleFee: bigint }

export type StoreView = {
  launcherId: string
  network: ChiaNetwork
  status: StoreStatus
  current: {
    coinId: string
    rootHash: string
    label?: string
    description?: string
    bytes?: bigint
    ownerPuzzleHash: string
    ownerAddress: string
    delegatedPuzzles: StoreDelegateView[]
    confirmedHeight: number
  }
  history: {
    generation: number
    coinId: string
    rootHash: string
    label?: string
    description?: string
    bytes?: bigint
    confirmedHeight: number
    spentHeight?: number
    timestamp: bigint
    authority: StoreAuthority
  }[]
  creationHeight: number
  melt?: { coinId: string; height: number; authority: StoreAuthority }
}

const delegateView = (d: StoreDelegate): StoreDelegateView =>
  d.type === 'oracle'
    ? { type: 'oracle', oraclePuzzleHash: bytesToPrefixedHex(d.oraclePuzzleHash), oracleFee: d.oracleFee }
    : { type: d.type, innerPuzzleHash: bytesToPrefixedHex(d.innerPuzzleHash) }

const metadataView = (s: StoreState) => ({
  rootHash: bytesToPrefixedHex(s.rootHash),
  ...(s.label === undefined ? {} : { label: s.label }),
  ...(s.description === undefined ? {} : { description: s.description }),
  ...(s.bytes === undefined ? {} : { bytes: s.bytes }),
})

/**
 * Builds the store view from a history; `pendingUpdate` = the tip coin has mempool items.
 *
 * @example
 * const view = storeViewFromHistory(history, { network: 'mainnet', pendingUpdate: false })
 * view.status // 'live'
 */
export function storeViewFromHistory(
  history: StoreHistory,
  { network, pendingUpdate }: { network: ChiaNetwork; pendingUpdate: boolean },
): StoreView {
  const tip = history.entries[history.entries.length - 1]
  const status: StoreStatus = history.melt ? 'melted' : pendingUpdate ? 'pending' : 'live'
  return {
    launcherId: bytesToPrefixedHex(history.launcherId),
    network,
    status,
    current: {
      coinId: bytesToPrefixedHex(tip.coinId),
      ...metadataView(tip.state),
      ownerPuzzleHash: bytesToPrefixedHex(tip.state.ownerPuzzleHash),
      ownerAddress: puzzleHashToAddress(tip.state.ownerPuzzleHash, addressPrefix(network)),
      delegatedPuzzles: tip.state.delegatedPuzzles.map(delegateView),
      confirmedHeight: tip.record.confirmedBlockIndex,
    },
    history: history.entries.map((e) => ({
      generation: e.generation,
      coinId: bytesToPrefixedHex(e.coinId),
      ...metadataView(e.state),
      confirmedHeight: e.record.confirmedBlockIndex,
      ...(e.record.spentBlockIndex > 0 ? { spentHeight: e.record.spentBlockIndex } : {}),
      timestamp: e.record.timestamp,
      authority: e.authority,
    })),
    creationHeight: history.launcherRecord.confirmedBlockIndex,
    ...(history.melt
      ? { melt: { coinId: bytesToPrefixedHex(history.melt.coinId), height: history.melt.height, authority: history.melt.authority } }
      : {}),
  }
}

/**
 * Reads a serialized `StoreView` back with the same types as a freshly built one: `bytes`,
 * `timestamp` and `oracleFee` as bigint whatever their size (the lossless parser alone would
 * return small ones as numbers).
 *
 * @example
 * const view = storeViewFromJson(await viewCache.get(key))
 */
export function storeViewFromJson(text: string): StoreView {
  const v = parseLosslessJson(text) as StoreView
  const big = (x: unknown) => (typeof x === 'number' ? BigInt(x) : (x as bigint))
  const fixDelegates = (ds: StoreDelegateView[]) =>
    ds.map((d) => (d.type === 'oracle' ? { ...d, oracleFee: big(d.oracleFee) } : d))
  return {
    ...v,
    current: {
      ...v.current,
      ...(v.current.bytes === undefined ? {} : { bytes: big(v.current.bytes) }),
      delegatedPuzzles: fixDelegates(v.current.delegatedPuzzles),
    },
    history: v.history.map((h) => ({
      ...h,
      ...(h.bytes === undefined ? {} : { bytes: big(h.bytes) }),
      timestamp: big(h.timestamp),
    })),
  }
}
