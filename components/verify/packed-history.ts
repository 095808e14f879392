/**
 * The store history handed from the server page to its client components, packed: a store can
 * have thousands of generations, and the page's RSC payload carries every prop (escaped) next to
 * the HTML. Hex strings are concatenated without `0x` (64 characters per generation).
 */
import type { StoreView } from '@/lib/chain/store-view'

export type PackedHistory = {
  /** Coin ids, 64 hex characters each, oldest first. */
  coinIds: string
  /** Root hashes, 64 hex characters each. */
  rootHashes: string
  confirmedHeights: number[]
  /** 0 = unspent. */
  spentHeights: number[]
  /** Block timestamps (seconds). */
  timestamps: number[]
}

const strip = (hex: string) => hex.replace(/^0x/, '')

/** Packs a view's history (server side). */
export function packHistory(history: StoreView['history']): PackedHistory {
  return {
    coinIds: history.map((h) => strip(h.coinId)).join(''),
    rootHashes: history.map((h) => strip(h.rootHash)).join(''),
    confirmedHeights: history.map((h) => h.confirmedHeight),
    spentHeights: history.map((h) => h.spentHeight ?? 0),
    timestamps: history.map((h) => Number(h.timestamp)),
  }
}

export type HistoryRow = { generation: number; coinId: string; rootHash: string; confirmedHeight: number; spentHeight: number; timestamp: number }

/** Unpacks into one row per generation, hex `0x`-prefixed. */
export function unpackHistory(p: PackedHistory): HistoryRow[] {
  return p.confirmedHeights.map((confirmedHeight, g) => ({
    generation: g,
    coinId: `0x${p.coinIds.slice(g * 64, g * 64 + 64)}`,
    rootHash: `0x${p.rootHashes.slice(g * 64, g * 64 + 64)}`,
    confirmedHeight,
    spentHeight: p.spentHeights[g],
    timestamp: p.timestamps[g],
  }))
}
