/**
 * "Was root R committed?": scans a store's root history (one entry per lineage coin) for a root
 * hash. Root R was committed at height h ⇔ a lineage coin whose metadata root is R was confirmed
 * at h; it is current ⇔ that coin is the unspent tip of a live store. Rows are keyed by
 * generation, never by timestamp (a reorg can move a timestamp: Chia-Network/cadt issue #971).
 * Source: full-node-rpc.md §D.2 item 5; CHIP-0035
 * (https://github.com/Chia-Network/chips/blob/main/CHIPs/chip-0035.md).
 */
import { type Bytes32, equalBytes } from '../primitives/bytes'

/** One generation's root as the history lists it. */
export interface RootHistoryEntry {
  generation: number
  rootHash: Bytes32
  confirmedHeight: number
  /** Height the coin was spent at; absent for the unspent tip. */
  spentHeight?: number
  /** Seconds since the epoch of the confirming block. */
  timestamp?: bigint
}

export interface RootCommitment {
  generation: number
  confirmedHeight: number
  timestamp?: bigint
  /** The root stopped being current at this height (the coin's spend), if it did. */
  replacedAtHeight?: number
}

export interface RootLookup {
  /** Every generation whose coin committed the root, oldest first; empty = never committed. */
  commitments: RootCommitment[]
  /** The root is the store's current root (live store, unspent tip). */
  current: boolean
}

/**
 * Finds every generation that committed `rootHash`, and whether it is still the current root.
 *
 * @example
 * const { commitments, current } = findRootCommitments(history, rootHash, { melted: false })
 * commitments[0]?.confirmedHeight // height of the first commitment
 */
export function findRootCommitments(history: readonly RootHistoryEntry[], rootHash: Bytes32, { melted }: { melted: boolean }): RootLookup {
  const commitments: RootCommitment[] = history
    .filter((e) => equalBytes(e.rootHash, rootHash))
    .sort((a, b) => a.generation - b.generation)
    .map((e) => ({
      generation: e.generation,
      confirmedHeight: e.confirmedHeight,
      ...(e.timestamp === undefined ? {} : { timestamp: e.timestamp }),
      ...(e.spentHeight === undefined || e.spentHeight === 0 ? {} : { replacedAtHeight: e.spentHeight }),
    }))
  const tip = history.reduce<RootHistoryEntry | undefined>((a, e) => (a === undefined || e.generation > a.generation ? e : a), undefined)
  const current = !melted && tip !== undefined && !tip.spentHeight && equalBytes(tip.rootHash, rootHash)
  return { commitments, current }
}
