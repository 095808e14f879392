/**
 * Fetches the evidence `verifyStoreHistory` checks, from any full-node-RPC source the caller
 * passes in (our `/api/node` proxy, the visitor's own node, a coinset-compatible API): the
 * launcher record, the record of every claimed generation, and the spend of every spent coin.
 * Records are fetched in batches by name; a claimed id with no matching record in a batch is asked
 * for on its own, so a record that does not hash to its id is still attributed to its generation
 * (and fails its checks) instead of vanishing. Spends are fetched in parallel. A failed request
 * leaves that piece of evidence missing, which fails the checks that need it.
 * Source: full-node-rpc.md §A.4 (get_coin_records_by_names, get_puzzle_and_solution), §D.2.
 */
import { type Bytes32, bytesToHex } from '../primitives/bytes'
import { coinId } from '../primitives/coin'
import type { CoinRecord, CoinSpend } from '../primitives/coin-spend'
import type { StoreEvidence } from './verify-store-history'

/** The reads the loader needs; a lib/chain `ChainClient` satisfies it. */
export interface StoreEvidenceSource {
  getCoinRecordByName(coinId: Bytes32): Promise<CoinRecord | undefined>
  getCoinRecordsByNames(coinIds: Bytes32[], query?: { includeSpentCoins?: boolean }): Promise<CoinRecord[]>
  getPuzzleAndSolution(coinId: Bytes32, height: number): Promise<CoinSpend>
}

export interface LoadStoreEvidenceOptions {
  /** Names per `get_coin_records_by_names` call (the proxy allows 500). */
  batchSize?: number
  /** Parallel `get_puzzle_and_solution` calls. */
  concurrency?: number
  /** Progress: requests finished out of requests planned so far. */
  onProgress?: (done: number, total: number) => void
  /** Each request that failed, with the error (the evidence is left missing). */
  onError?: (what: string, error: unknown) => void
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await fn(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/**
 * Loads the evidence for `launcherId` and the claimed generation coin ids (oldest first).
 *
 * @example
 * const evidence = await loadStoreEvidence(createRpcClient(createHttpRpcCall({ baseUrl: '/api/node' })), launcherId, claims)
 * verifyStoreHistory(evidence, createTsRunner()).passed
 */
export async function loadStoreEvidence(
  source: StoreEvidenceSource,
  launcherId: Bytes32,
  claims: readonly { coinId: Bytes32; rootHash?: Bytes32 }[],
  { batchSize = 500, concurrency = 12, onProgress, onError }: LoadStoreEvidenceOptions = {},
): Promise<StoreEvidence> {
  let done = 0
  let total = 1 + Math.ceil(claims.length / batchSize)
  const tick = () => onProgress?.(++done, total)
  const attempt = async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn()
    } catch (e) {
      onError?.(what, e)
      return undefined
    } finally {
      tick()
    }
  }

  const byId = new Map<string, CoinRecord>()
  const batches: Bytes32[][] = []
  for (let i = 0; i < claims.length; i += batchSize) batches.push(claims.slice(i, i + batchSize).map((c) => c.coinId))
  const [launcherRecord] = await Promise.all([
    attempt('launcher record', () => source.getCoinRecordByName(launcherId)),
    ...batches.map((ids, i) =>
      attempt(`coin records batch ${i + 1}`, async () => {
        for (const r of await source.getCoinRecordsByNames(ids, { includeSpentCoins: true })) byId.set(bytesToHex(coinId(r.coin)), r)
      }),
    ),
  ])

  const missing = claims.filter((c) => !byId.has(bytesToHex(c.coinId)))
  total += missing.length
  const records = new Map<string, CoinRecord>(byId)
  await mapLimit(missing, concurrency, async (c) => {
    const r = await attempt(`coin record ${bytesToHex(c.coinId)}`, () => source.getCoinRecordByName(c.coinId))
    if (r) records.set(bytesToHex(c.coinId), r)
  })

  const spendsToFetch: { id: Bytes32; height: number }[] = []
  if (launcherRecord && launcherRecord.spentBlockIndex > 0) spendsToFetch.push({ id: launcherId, height: launcherRecord.spentBlockIndex })
  for (const c of claims) {
    const r = records.get(bytesToHex(c.coinId))
    if (r && r.spentBlockIndex > 0) spendsToFetch.push({ id: c.coinId, height: r.spentBlockIndex })
  }
  total += spendsToFetch.length
  const spends = new Map<string, CoinSpend>()
  await mapLimit(spendsToFetch, concurrency, async (f) => {
    const s = await attempt(`spend of ${bytesToHex(f.id)}`, () => source.getPuzzleAndSolution(f.id, f.height))
    if (s) spends.set(bytesToHex(f.id), s)
  })

  return {
    launcherId,
    ...(launcherRecord ? { launcherRecord } : {}),
    ...(spends.has(bytesToHex(launcherId)) ? { launcherSpend: spends.get(bytesToHex(launcherId))! } : {}),
    generations: claims.map((c) => {
      const key = bytesToHex(c.coinId)
      const record = records.get(key)
      const coinSpend = spends.get(key)
      return { coinId: c.coinId, ...(c.rootHash ? { rootHash: c.rootHash } : {}), ...(record ? { record } : {}), ...(coinSpend ? { coinSpend } : {}) }
    }),
  }
}
