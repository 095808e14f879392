/**
 * Store history the fast way (full-node-rpc.md §C.3, CHIP-0035 "Memos"): one wave of three
 * parallel calls — the launcher record, `get_coin_records_by_hint(launcherId, spent included)`
 * and the launcher's children (the eve coin is not hinted) — then every spend fetched in
 * parallel with bounded concurrency, then parsed in order. Stores whose coins carry no hint
 * (Chia reference-wallet stores) fall back to a lineage walk by parent id. A melted store ends
 * with a melt entry. Parsing is injected (`StoreSpendParser`), so this module needs no runner.
 */
import { AppError } from '@/lib/chia/errors/app-error'
import { bytesToHex, equalBytes, type Bytes32 } from '@/lib/chia/primitives/bytes'
import { coinId, type Coin } from '@/lib/chia/primitives/coin'
import type { CoinRecord, CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { SINGLETON_LAUNCHER_HASH } from '@/lib/chia/puzzles/singleton-launcher'

import { mapWithConcurrency } from './map-with-concurrency'
import type { ChainClient } from './rpc-client'

/** `unknown`: a delegation-layer spend by a puzzle that is not among the parent's known delegates. */
export type StoreAuthority = 'owner' | 'admin' | 'writer' | 'oracle' | 'mint' | 'unknown'

export type StoreDelegate =
  | { type: 'admin'; innerPuzzleHash: Bytes32 }
  | { type: 'writer'; innerPuzzleHash: Bytes32 }
  | { type: 'oracle'; oraclePuzzleHash: Bytes32; oracleFee: bigint }

/** A store's state as carried by one coin of its lineage. */
export type StoreState = {
  coin: Coin
  rootHash: Bytes32
  label?: string
  description?: string
  bytes?: bigint
  ownerPuzzleHash: Bytes32
  delegatedPuzzles: StoreDelegate[]
}

/** What one spend did: the state it created, or a melt. Authority = who signed the spend. */
export type StoreSpendOutcome =
  | { kind: 'child'; state: StoreState; authority: StoreAuthority }
  | { kind: 'melt'; authority: StoreAuthority }

/**
 * Parses a launcher spend (previous = undefined → the eve state, authority `mint`) or a store coin
 * spend (previous = the spent coin's state). Returns `undefined` when the spend is not a store's.
 */
export type StoreSpendParser = (coinSpend: CoinSpend, previous: StoreState | undefined) => StoreSpendOutcome | undefined

export type StoreHistoryEntry = {
  generation: number
  coinId: Bytes32
  record: CoinRecord
  state: StoreState
  /** Who created this coin: `mint` for the eve coin, otherwise the signer of the parent's spend. */
  authority: StoreAuthority
}

export type StoreMelt = { coinId: Bytes32; height: number; authority: StoreAuthority }

export type StoreHistory = {
  launcherId: Bytes32
  launcherRecord: CoinRecord
  /** Oldest first; generation 0 is the eve coin. */
  entries: StoreHistoryEntry[]
  melt?: StoreMelt
  /** How the lineage was found: hints (fast) or the parent-id walk (reference-wallet stores). */
  lineageSource: 'hint' | 'parent-walk'
  /** Upstream waves that had to wait on each other (the latency multiplier). */
  sequentialRoundTrips: number
}

export class NotAStoreError extends AppError {
  override name = 'NotAStoreError' as const
  constructor({ launcherId, reason }: { launcherId: Bytes32; reason: string }) {
    super('This id is not a DataLayer store.', { details: `${bytesToHex(launcherId)}: ${reason}` })
  }
}

export class BrokenLineageError extends AppError {
  override name = 'BrokenLineageError' as const
  constructor({ launcherId, generation, reason }: { launcherId: Bytes32; generation: number; reason: string }) {
    super('The store history on chain does not link up.', {
      details: `${bytesToHex(launcherId)} generation ${generation}: ${reason}`,
    })
  }
}

/**
 * The parse memo: a Map of outcomes by `coinId@spentHeight`, optionally backed by a shared cache
 * (`createSharedParseMemo`) that `syncStore` preloads before fetching and feeds with outcomes of
 * reorg-safe spends, so other server instances skip both the fetch and the parse.
 */
export interface ParseMemo extends Map<string, StoreSpendOutcome> {
  preload?(keys: string[]): Promise<void>
  share?(key: string, outcome: StoreSpendOutcome): void
}

/** Spends at least this far below the highest height seen are shared (reorg-safe, issue 5). */
export const SHARE_DEPTH = 32

export type SyncStoreOptions = {
  parser: StoreSpendParser
  /** Parallel `get_puzzle_and_solution` calls (node CPU per call). */
  concurrency?: number
  /**
   * Memo of parsed spends, keyed by coin id and spent height, shared across calls by the server.
   * A reorg that re-spends a coin differently at the same height is caught by the child check,
   * and the sync then runs once more without the memo.
   */
  memo?: ParseMemo
  /** Bound on the parent-id walk, so a hostile chain cannot keep us looping. */
  maxGenerations?: number
  /** Called with the tip record as soon as the lineage is known, before spends are fetched (lets callers overlap work). */
  onTip?: (tip: CoinRecord) => void
}

// Coin ids and their hex, once per coin object: the lineage walk, the fetch list and the checks
// each need them, and every one is a sha256.
const ids = new WeakMap<Coin, { id: Bytes32; hex: string }>()
function idsOf(c: Coin): { id: Bytes32; hex: string } {
  let hit = ids.get(c)
  if (!hit) {
    const id = coinId(c)
    hit = { id, hex: bytesToHex(id) }
    ids.set(c, hit)
  }
  return hit
}
const idOf = (c: Coin): Bytes32 => idsOf(c).id
const idHex = (r: CoinRecord) => idsOf(r.coin).hex
const isOdd = (c: Coin) => (c.amount & 1n) === 1n

/**
 * Loads and parses the whole history of the store `launcherId`; `undefined` when the chain does
 * not know the launcher. Throws `NotAStoreError` for a coin that is not a store launcher.
 *
 * @example
 * const history = await syncStore(client, launcherId, { parser: parseStoreSpend })
 * history?.entries.at(-1)?.state.rootHash
 */
export async function syncStore(
  client: ChainClient,
  launcherId: Bytes32,
  options: SyncStoreOptions,
): Promise<StoreHistory | undefined> {
  try {
    return await syncStoreOnce(client, launcherId, options)
  } catch (e) {
    // A memoized parse that no longer matches the chain (reorg): forget it and sync afresh.
    if (!(e instanceof BrokenLineageError) || !options.memo || options.memo.size === 0) throw e
    options.memo.clear()
    return syncStoreOnce(client, launcherId, options)
  }
}

async function syncStoreOnce(
  client: ChainClient,
  launcherId: Bytes32,
  { parser, concurrency = 100, memo, maxGenerations = 100_000, onTip }: SyncStoreOptions,
): Promise<StoreHistory | undefined> {
  let sequentialRoundTrips = 1
  const [launcherRecord, hinted, launcherChildren, peakHeight] = await Promise.all([
    client.getCoinRecordByName(launcherId),
    client.getCoinRecordsByHint(launcherId, { includeSpentCoins: true }),
    client.getCoinRecordsByParentIds([launcherId], { includeSpentCoins: true }),
    // Only to decide which parsed spends are reorg-safe enough to share; optional.
    memo?.share
      ? client.getBlockchainState().then(
          (s) => s.peak?.height,
          () => undefined,
        )
      : undefined,
  ])
  if (!launcherRecord) return undefined
  if (!equalBytes(launcherRecord.coin.puzzleHash, SINGLETON_LAUNCHER_HASH)) {
    throw new NotAStoreError({ launcherId, reason: 'the coin is not a singleton launcher' })
  }
  if (launcherRecord.spentBlockIndex === 0) {
    throw new NotAStoreError({ launcherId, reason: 'the launcher has not been spent yet' })
  }

  // Lineage by parent links over everything we know; odd-amount children only (singleton rule).
  const childrenOf = new Map<string, CoinRecord[]>()
  for (const r of [...launcherChildren, ...hinted]) {
    if (!isOdd(r.coin)) continue
    const parent = bytesToHex(r.coin.parentCoinInfo)
    const list = childrenOf.get(parent) ?? []
    if (!list.some((x) => idHex(x) === idHex(r))) list.push(r)
    childrenOf.set(parent, list)
  }
  const lineage: CoinRecord[] = []
  let lineageSource: StoreHistory['lineageSource'] = 'hint'
  let current = childrenOf.get(bytesToHex(launcherId))?.[0]
  if (!current) throw new NotAStoreError({ launcherId, reason: 'the launcher created no singleton coin' })
  while (current) {
    lineage.push(current)
    if (lineage.length > maxGenerations) {
      throw new BrokenLineageError({ launcherId, generation: lineage.length, reason: 'too many generations' })
    }
    if (current.spentBlockIndex === 0) break
    const id: string = idHex(current)
    let next: CoinRecord | undefined = childrenOf.get(id)?.[0]
    if (!next) {
      // Not hinted (or a melt): ask for the children directly. One sequential round trip each.
      sequentialRoundTrips++
      const kids = await client.getCoinRecordsByParentIds([idOf(current.coin)], { includeSpentCoins: true })
      next = kids.find((k) => isOdd(k.coin))
      if (next) lineageSource = 'parent-walk'
    }
    current = next
  }

  onTip?.(lineage[lineage.length - 1])

  // Every spend we need: the launcher's (gives the eve state) and each spent lineage coin's.
  const toFetch: { id: Bytes32; height: number }[] = [
    { id: launcherId, height: launcherRecord.spentBlockIndex },
    ...lineage.filter((r) => r.spentBlockIndex > 0).map((r) => ({ id: idOf(r.coin), height: r.spentBlockIndex })),
  ]
  const memoKey = (id: Bytes32, height: number) => `${bytesToHex(id)}@${height}`
  const heightOf = new Map(toFetch.map((f) => [bytesToHex(f.id), f.height]))
  await memo?.preload?.(toFetch.map((f) => memoKey(f.id, f.height)))
  const needed = toFetch.filter((f) => !memo?.has(memoKey(f.id, f.height)))
  // The peak (or at least the highest height we have seen): spends this deep cannot be reorged.
  const seenHeight = lineage.reduce((m, r) => Math.max(m, r.confirmedBlockIndex, r.spentBlockIndex), peakHeight ?? 0)
  const shareable = (height: number) => height > 0 && height <= seenHeight - SHARE_DEPTH
  sequentialRoundTrips += Math.ceil(needed.length / concurrency)
  // Fetch in lineage order with bounded concurrency and parse as soon as each spend arrives, so
  // parsing (CPU) overlaps the remaining fetches (network) instead of following them.
  const pending = new Map<string, { promise: Promise<CoinSpend>; resolve: (s: CoinSpend) => void; reject: (e: unknown) => void }>()
  for (const f of needed) {
    let resolve!: (s: CoinSpend) => void
    let reject!: (e: unknown) => void
    const promise = new Promise<CoinSpend>((res, rej) => {
      resolve = res
      reject = rej
    })
    promise.catch(() => {}) // observed below, in order; avoid unhandled rejections for later ones
    pending.set(bytesToHex(f.id), { promise, resolve, reject })
  }
  const fetching = mapWithConcurrency(needed, concurrency, async (f) => {
    const slot = pending.get(bytesToHex(f.id))!
    try {
      slot.resolve(await client.getPuzzleAndSolution(f.id, f.height))
    } catch (e) {
      slot.reject(e)
      throw e
    }
  })
  fetching.catch(() => {})

  const outcome = async (id: Bytes32, previous: StoreState | undefined, generation: number): Promise<StoreSpendOutcome> => {
    const key = bytesToHex(id)
    const mkey = memoKey(id, heightOf.get(key) ?? 0)
    const known = memo?.get(mkey)
    if (known) return known
    const slot = pending.get(key)
    if (!slot) throw new BrokenLineageError({ launcherId, generation, reason: 'spend missing' })
    const parsed = parser(await slot.promise, previous)
    if (!parsed) {
      if (generation < 0) throw new NotAStoreError({ launcherId, reason: 'the launcher spend does not create a DataLayer store' })
      throw new BrokenLineageError({ launcherId, generation, reason: 'the spend is not a store spend' })
    }
    memo?.set(mkey, parsed)
    if (shareable(heightOf.get(key) ?? 0)) memo?.share?.(mkey, parsed)
    return parsed
  }

  const entries: StoreHistoryEntry[] = []
  let melt: StoreMelt | undefined
  let produced = await outcome(launcherId, undefined, -1)
  for (let g = 0; g < lineage.length; g++) {
    const record = lineage[g]
    const id = idOf(record.coin)
    if (produced.kind !== 'child') throw new BrokenLineageError({ launcherId, generation: g, reason: 'coin after a melt' })
    if (!equalBytes(idOf(produced.state.coin), id)) {
      throw new BrokenLineageError({ launcherId, generation: g, reason: 'the parsed child is not the coin on chain' })
    }
    entries.push({ generation: g, coinId: id, record, state: produced.state, authority: produced.authority })
    if (record.spentBlockIndex === 0) break
    produced = await outcome(id, produced.state, g)
    if (produced.kind === 'melt') {
      if (g !== lineage.length - 1) throw new BrokenLineageError({ launcherId, generation: g, reason: 'melted coin has a child' })
      melt = { coinId: id, height: record.spentBlockIndex, authority: produced.authority }
    } else if (g === lineage.length - 1) {
      throw new BrokenLineageError({ launcherId, generation: g + 1, reason: 'the spent tip has no child on chain yet' })
    }
  }

  return { launcherId, launcherRecord, entries, melt, lineageSource, sequentialRoundTrips }
}
