/**
 * `ChainClient`: the one typed interface over the full-node RPC (shapes: full-node-rpc.md §A.4).
 * The browser builds it over the `/api/node` proxy (`createHttpRpcCall`), the server over the
 * upstream pool with its cache (`serverChain().client`), tests over anything that speaks RPC.
 * Results are lib/chia types: bytes as Uint8Array, amounts as bigint.
 */
import { bytesToPrefixedHex, hexToBytes32, type Bytes32 } from '@/lib/chia/primitives/bytes'
import type { Coin } from '@/lib/chia/primitives/coin'
import type { CoinRecord, CoinSpend, SpendBundle } from '@/lib/chia/primitives/coin-spend'
import {
  coinFromRpc,
  coinRecordFromRpc,
  coinSpendFromRpc,
  spendBundleToRpc,
  type RpcCoin,
  type RpcCoinRecord,
  type RpcCoinSpend,
} from '@/lib/chia/primitives/rpc-json'
import { AppError } from '@/lib/chia/errors/app-error'

import { RpcError } from './rpc-error'
import type { RpcMethod } from './rpc-methods'

/** Sends one RPC call; resolves with the `success: true` body, rejects with `RpcError` otherwise. */
export type RpcCall = (method: RpcMethod, params: Record<string, unknown>) => Promise<Record<string, unknown>>

export class UnexpectedRpcShapeError extends AppError {
  override name = 'UnexpectedRpcShapeError' as const
  constructor({ method, field }: { method: string; field: string }) {
    super('The full node answered with an unexpected shape.', { details: `${method}: missing or invalid ${field}` })
  }
}

export type BlockRecord = {
  headerHash: Bytes32
  prevHash: Bytes32
  height: number
  weight: bigint
  /** Only transaction blocks carry a timestamp. */
  timestamp?: bigint
  isTransactionBlock: boolean
  prevTransactionBlockHeight: number
}

export type BlockchainState = {
  peak?: BlockRecord
  synced: boolean
  syncMode: boolean
  space: bigint
  difficulty: bigint
  mempoolSize: number
  /** Mojos for 5,000,000 cost that the mempool currently requires (0 when not full). */
  mempoolMinFee5m: bigint
  averageBlockTime: number
}

export type NetworkInfo = { networkName: string; networkPrefix: string; genesisChallenge: Bytes32 }

/** Height window on the confirmation height: start inclusive, end exclusive (coin_store.py). */
export type CoinRecordQuery = {
  /** Unlike the RPC, whose default is false, spent coins are included unless this is false. */
  includeSpentCoins?: boolean
  startHeight?: number
  endHeight?: number
}

export type MempoolItem = {
  spendBundleName: Bytes32
  fee: bigint
  cost: bigint
  additions: Coin[]
  removals: Coin[]
}

export type PushTxStatus = 'SUCCESS' | 'PENDING'

export type FeeEstimateRequest = { targetTimes: number[] } & (
  | { cost: bigint }
  | { spendType: string; spendCount?: number }
  | { spendBundle: SpendBundle }
)

export type FeeEstimate = {
  /** Total mojos for the requested cost, one per target time, non-increasing. */
  estimates: bigint[]
  targetTimes: number[]
  currentFeeRate: number
  mempoolSize: number
  fullNodeSynced: boolean
  peakHeight: number
}

export interface ChainClient {
  getBlockchainState(): Promise<BlockchainState>
  getNetworkInfo(): Promise<NetworkInfo>
  /** `undefined` when the node does not know the coin. */
  getCoinRecordByName(coinId: Bytes32): Promise<CoinRecord | undefined>
  getCoinRecordsByNames(coinIds: Bytes32[], query?: CoinRecordQuery): Promise<CoinRecord[]>
  getCoinRecordsByPuzzleHash(puzzleHash: Bytes32, query?: CoinRecordQuery): Promise<CoinRecord[]>
  getCoinRecordsByPuzzleHashes(puzzleHashes: Bytes32[], query?: CoinRecordQuery): Promise<CoinRecord[]>
  getCoinRecordsByHint(hint: Bytes32, query?: CoinRecordQuery): Promise<CoinRecord[]>
  getCoinRecordsByParentIds(parentIds: Bytes32[], query?: CoinRecordQuery): Promise<CoinRecord[]>
  /** `height` must be the coin's `spentBlockIndex` (full-node-rpc.md §A.4). */
  getPuzzleAndSolution(coinId: Bytes32, height: number): Promise<CoinSpend>
  pushTx(spendBundle: SpendBundle): Promise<PushTxStatus>
  getFeeEstimate(request: FeeEstimateRequest): Promise<FeeEstimate>
  getMempoolItemsByCoinName(coinId: Bytes32): Promise<MempoolItem[]>
  /** `undefined` when the transaction is not (or no longer) in the mempool. */
  getMempoolItemByTxId(txId: Bytes32): Promise<MempoolItem | undefined>
  getBlockRecordByHeight(height: number): Promise<BlockRecord>
  getAdditionsAndRemovals(headerHash: Bytes32): Promise<{ additions: CoinRecord[]; removals: CoinRecord[] }>
}

const obj = (method: string, v: unknown, field: string): Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new UnexpectedRpcShapeError({ method, field })
  return v as Record<string, unknown>
}
const arr = (method: string, v: unknown, field: string): unknown[] => {
  if (!Array.isArray(v)) throw new UnexpectedRpcShapeError({ method, field })
  return v
}
const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : typeof v === 'number' ? BigInt(Math.trunc(v)) : 0n)
const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : 0)

/**
 * Converts an RPC BlockRecord (or `blockchain_state.peak`) to a `BlockRecord`.
 *
 * @example
 * blockRecordFromRpc(body.block_record).headerHash
 */
export function blockRecordFromRpc(r: Record<string, unknown>): BlockRecord {
  const timestamp = r.timestamp === null || r.timestamp === undefined ? undefined : big(r.timestamp)
  return {
    headerHash: hexToBytes32(String(r.header_hash), 'header_hash'),
    prevHash: hexToBytes32(String(r.prev_hash), 'prev_hash'),
    height: num(r.height),
    weight: big(r.weight),
    timestamp,
    isTransactionBlock: timestamp !== undefined,
    prevTransactionBlockHeight: num(r.prev_transaction_block_height),
  }
}

const mempoolItemFromRpc = (r: Record<string, unknown>): MempoolItem => ({
  spendBundleName: hexToBytes32(String(r.spend_bundle_name), 'spend_bundle_name'),
  fee: big(r.fee),
  cost: big(r.cost),
  additions: (Array.isArray(r.additions) ? r.additions : []).map((c) => coinFromRpc(c as RpcCoin)),
  removals: (Array.isArray(r.removals) ? r.removals : []).map((c) => coinFromRpc(c as RpcCoin)),
})

const isNotFound = (e: unknown, code: string) =>
  e instanceof RpcError && (e.code === code || /not found|not in mempool/i.test(e.upstreamMessage))

const rangeParams = (q: CoinRecordQuery = {}) => ({
  include_spent_coins: q.includeSpentCoins ?? true,
  ...(q.startHeight === undefined ? {} : { start_height: q.startHeight }),
  ...(q.endHeight === undefined ? {} : { end_height: q.endHeight }),
})

/**
 * Builds a `ChainClient` over any transport that sends one RPC call.
 *
 * @example
 * const client = createRpcClient(createHttpRpcCall({ baseUrl: '/api/node' }))
 * const record = await client.getCoinRecordByName(launcherId)
 */
export function createRpcClient(call: RpcCall): ChainClient {
  const records = async (method: RpcMethod, params: Record<string, unknown>) =>
    arr(method, (await call(method, params)).coin_records, 'coin_records').map((r) =>
      coinRecordFromRpc(r as RpcCoinRecord),
    )

  return {
    async getBlockchainState() {
      const s = obj('get_blockchain_state', (await call('get_blockchain_state', {})).blockchain_state, 'blockchain_state')
      const sync = (s.sync ?? {}) as Record<string, unknown>
      const minFees = (s.mempool_min_fees ?? {}) as Record<string, unknown>
      return {
        peak: s.peak ? blockRecordFromRpc(obj('get_blockchain_state', s.peak, 'peak')) : undefined,
        synced: sync.synced === true,
        syncMode: sync.sync_mode === true,
        space: big(s.space),
        difficulty: big(s.difficulty),
        mempoolSize: num(s.mempool_size),
        mempoolMinFee5m: big(minFees.cost_5000000),
        averageBlockTime: num(s.average_block_time),
      }
    },
    async getNetworkInfo() {
      const r = await call('get_network_info', {})
      if (typeof r.genesis_challenge !== 'string') {
        throw new UnexpectedRpcShapeError({ method: 'get_network_info', field: 'genesis_challenge' })
      }
      return {
        networkName: String(r.network_name),
        networkPrefix: String(r.network_prefix),
        genesisChallenge: hexToBytes32(r.genesis_challenge, 'genesis_challenge'),
      }
    },
    async getCoinRecordByName(coinId) {
      try {
        const r = await call('get_coin_record_by_name', { name: bytesToPrefixedHex(coinId) })
        // coinset may answer `{coin_record: null}` instead of an error (full-node-rpc.md §A.5).
        return r.coin_record ? coinRecordFromRpc(r.coin_record as RpcCoinRecord) : undefined
      } catch (e) {
        if (isNotFound(e, 'COIN_RECORD_NOT_FOUND')) return undefined
        throw e
      }
    },
    getCoinRecordsByNames: (ids, q) =>
      records('get_coin_records_by_names', { names: ids.map(bytesToPrefixedHex), ...rangeParams(q) }),
    getCoinRecordsByPuzzleHash: (ph, q) =>
      records('get_coin_records_by_puzzle_hash', { puzzle_hash: bytesToPrefixedHex(ph), ...rangeParams(q) }),
    getCoinRecordsByPuzzleHashes: (phs, q) =>
      records('get_coin_records_by_puzzle_hashes', { puzzle_hashes: phs.map(bytesToPrefixedHex), ...rangeParams(q) }),
    getCoinRecordsByHint: (hint, q) =>
      records('get_coin_records_by_hint', { hint: bytesToPrefixedHex(hint), ...rangeParams(q) }),
    getCoinRecordsByParentIds: (ids, q) =>
      records('get_coin_records_by_parent_ids', { parent_ids: ids.map(bytesToPrefixedHex), ...rangeParams(q) }),
    async getPuzzleAndSolution(coinId, height) {
      const r = await call('get_puzzle_and_solution', { coin_id: bytesToPrefixedHex(coinId), height })
      return coinSpendFromRpc(obj('get_puzzle_and_solution', r.coin_solution, 'coin_solution') as unknown as RpcCoinSpend)
    },
    async pushTx(spendBundle) {
      const r = await call('push_tx', { spend_bundle: spendBundleToRpc(spendBundle) })
      if (r.status !== 'SUCCESS' && r.status !== 'PENDING') {
        throw new UnexpectedRpcShapeError({ method: 'push_tx', field: 'status' })
      }
      return r.status
    },
    async getFeeEstimate(request) {
      const params: Record<string, unknown> = { target_times: request.targetTimes }
      if ('cost' in request) params.cost = request.cost
      else if ('spendType' in request) {
        params.spend_type = request.spendType
        if (request.spendCount !== undefined) params.spend_count = request.spendCount
      } else params.spend_bundle = spendBundleToRpc(request.spendBundle)
      const r = await call('get_fee_estimate', params)
      return {
        estimates: arr('get_fee_estimate', r.estimates, 'estimates').map(big),
        targetTimes: arr('get_fee_estimate', r.target_times, 'target_times').map(num),
        currentFeeRate: num(r.current_fee_rate),
        mempoolSize: num(r.mempool_size),
        fullNodeSynced: r.full_node_synced === true,
        peakHeight: num(r.peak_height),
      }
    },
    async getMempoolItemsByCoinName(coinId) {
      const r = await call('get_mempool_items_by_coin_name', { coin_name: bytesToPrefixedHex(coinId) })
      return arr('get_mempool_items_by_coin_name', r.mempool_items, 'mempool_items').map((i) =>
        mempoolItemFromRpc(obj('get_mempool_items_by_coin_name', i, 'mempool_items[]')),
      )
    },
    async getMempoolItemByTxId(txId) {
      try {
        const r = await call('get_mempool_item_by_tx_id', { tx_id: bytesToPrefixedHex(txId) })
        return r.mempool_item ? mempoolItemFromRpc(obj('get_mempool_item_by_tx_id', r.mempool_item, 'mempool_item')) : undefined
      } catch (e) {
        if (isNotFound(e, 'TX_NOT_IN_MEMPOOL')) return undefined
        throw e
      }
    },
    async getBlockRecordByHeight(height) {
      const r = await call('get_block_record_by_height', { height })
      return blockRecordFromRpc(obj('get_block_record_by_height', r.block_record, 'block_record'))
    },
    async getAdditionsAndRemovals(headerHash) {
      const r = await call('get_additions_and_removals', { header_hash: bytesToPrefixedHex(headerHash) })
      const conv = (field: 'additions' | 'removals') =>
        arr('get_additions_and_removals', r[field], field).map((x) => coinRecordFromRpc(x as RpcCoinRecord))
      return { additions: conv('additions'), removals: conv('removals') }
    },
  }
}
