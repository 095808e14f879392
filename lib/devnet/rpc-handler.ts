/**
 * Chia full-node RPC methods over a {@link Devnet}, with the request/response shapes of
 * chia-blockchain `chia/full_node/full_node_rpc_api.py` and the simulator's
 * `chia/simulator/simulator_full_node_rpc_api.py` (full-node-rpc.md §A.2–A.4). Responses carry
 * `success: true`; failures `{ success: false, error, structuredError }` (chia/rpc/util.py).
 * Integers are bigint/number and are written as JSON numbers by the lossless serializer.
 */
import { addressToPuzzleHash } from '@/lib/chia/keys/address'
import { AppError } from '@/lib/chia/errors/app-error'
import { type Bytes32, bytesToHex, bytesToPrefixedHex, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import { type RpcSpendBundle, coinRecordToRpc, coinSpendToRpc, coinToRpc, spendBundleFromRpc, spendBundleToRpc } from '@/lib/chia/primitives/rpc-json'
import { ConsensusError } from './chia-err'
import { spendBundleName } from './spend-bundle-name'
import type { CoinQuery, StoredCoinRecord } from './coin-store'
import type { Devnet, DevnetBlock } from './devnet'
import { DEVNET_ADDRESS_PREFIX, DEVNET_NETWORK_NAME, MAX_BLOCK_COST } from './devnet-constants'
import { DEVNET_DIG_ASSET_ID } from './dig-issuance'
import type { MempoolItem } from './mempool'

export type Json = null | boolean | number | bigint | string | Json[] | { [k: string]: Json | undefined }
type Params = Record<string, unknown>

/** An RPC-level failure; `code` is the structuredError code of chia/rpc/rpc_errors.py. */
export class RpcError extends AppError {
  override name = 'RpcError' as const
  constructor(
    message: string,
    readonly code: string,
    readonly data: Record<string, Json> = {},
  ) {
    super(message)
  }
}

const str = (p: Params, key: string): string => {
  const v = p[key]
  if (typeof v !== 'string') throw new RpcError(`'${key}' is required`, 'INVALID_REQUEST', { field: key })
  return v
}
const hex32 = (p: Params, key: string): Bytes32 => {
  try {
    return hexToBytes32(str(p, key), key)
  } catch (e) {
    if (e instanceof RpcError) throw e
    throw new RpcError(`'${key}' must be 32 bytes of hex`, 'INVALID_REQUEST', { field: key })
  }
}
const hexList = (p: Params, key: string): string[] => {
  const v = p[key]
  if (!Array.isArray(v)) throw new RpcError(`'${key}' must be a list`, 'INVALID_REQUEST', { field: key })
  return v.map((x, i) => {
    if (typeof x !== 'string') throw new RpcError(`'${key}[${i}]' must be hex`, 'INVALID_REQUEST', { field: key })
    try {
      return bytesToHex(hexToBytes32(x, key))
    } catch {
      throw new RpcError(`'${key}[${i}]' must be 32 bytes of hex`, 'INVALID_REQUEST', { field: key })
    }
  })
}
const int = (p: Params, key: string, fallback?: number): number => {
  const v = p[key]
  if (v === undefined || v === null) {
    if (fallback === undefined) throw new RpcError(`'${key}' is required`, 'INVALID_REQUEST', { field: key })
    return fallback
  }
  if (typeof v === 'bigint') return Number(v)
  if (typeof v === 'number' && Number.isInteger(v)) return v
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v)
  throw new RpcError(`'${key}' must be an integer`, 'INVALID_REQUEST', { field: key })
}
const bigint = (p: Params, key: string): bigint => {
  const v = p[key]
  if (typeof v === 'bigint') return v
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v)
  if (typeof v === 'string' && /^\d+$/.test(v)) return BigInt(v)
  throw new RpcError(`'${key}' must be an integer`, 'INVALID_REQUEST', { field: key })
}
const bool = (p: Params, key: string, fallback: boolean): boolean => {
  const v = p[key]
  if (v === undefined || v === null) return fallback
  if (typeof v === 'boolean') return v
  throw new RpcError(`'${key}' must be a boolean`, 'INVALID_REQUEST', { field: key })
}
const query = (p: Params): CoinQuery => ({
  includeSpentCoins: bool(p, 'include_spent_coins', false),
  startHeight: p.start_height === undefined || p.start_height === null ? undefined : int(p, 'start_height'),
  endHeight: p.end_height === undefined || p.end_height === null ? undefined : int(p, 'end_height'),
})
const puzzleHashFromAddress = (p: Params, key: string): Bytes32 => {
  const v = str(p, key)
  try {
    return addressToPuzzleHash(v)
  } catch {
    try {
      return hexToBytes32(v, key)
    } catch {
      throw new RpcError(`'${key}' must be a txch address or a puzzle hash`, 'INVALID_REQUEST', { field: key })
    }
  }
}

const recordJson = (r: StoredCoinRecord): Json => coinRecordToRpc(r) as unknown as Json

function blockRecordJson(b: DevnetBlock, devnet: Devnet): Json {
  const prev = b.height > 0 ? devnet.blocks[b.height - 1] : undefined
  return {
    header_hash: bytesToPrefixedHex(b.headerHash),
    prev_hash: bytesToPrefixedHex(b.prevHash),
    height: b.height,
    weight: BigInt(b.height + 1) * 1000n,
    total_iters: BigInt(b.height + 1) * 1_000_000n,
    timestamp: b.timestamp,
    is_transaction_block: true,
    prev_transaction_block_height: prev ? prev.height : 0,
    prev_transaction_block_hash: prev ? bytesToPrefixedHex(prev.headerHash) : null,
    fees: b.fees,
    farmer_puzzle_hash: bytesToPrefixedHex(b.farmerPuzzleHash),
    pool_puzzle_hash: bytesToPrefixedHex(b.farmerPuzzleHash),
    sub_slot_iters: 134217728,
    deficit: 0,
    overflow: false,
    signage_point_index: 0,
    required_iters: 0,
    reward_claims_incorporated: [],
  }
}

function mempoolItemJson(i: MempoolItem): Json {
  const v = i.validated
  return {
    spend_bundle: spendBundleToRpc(v.bundle) as unknown as Json,
    spend_bundle_name: `0x${i.nameHex}`,
    fee: v.fee,
    cost: v.cost,
    additions: v.additions.map((a) => coinToRpc(a.coin) as unknown as Json),
    removals: v.removals.map((r) => coinToRpc(r.coin) as unknown as Json),
    height_added_to_mempool: i.heightAdded,
    assert_height: v.timeLocks.heightAbsolute || null,
    assert_before_height: v.timeLocks.beforeHeightAbsolute ?? null,
    assert_before_seconds: v.timeLocks.beforeSecondsAbsolute ?? null,
  }
}

function findBlockByHash(devnet: Devnet, hex: string): DevnetBlock | undefined {
  return devnet.blocks.find((b) => bytesToHex(b.headerHash) === hex)
}

type Handler = (devnet: Devnet, p: Params) => Record<string, Json | undefined>

export const RPC_METHODS: Record<string, Handler> = {
  healthz: () => ({}),

  get_network_info: (d) => ({
    network_name: DEVNET_NETWORK_NAME,
    network_prefix: DEVNET_ADDRESS_PREFIX,
    genesis_challenge: bytesToPrefixedHex(d.genesisChallenge),
    dig_asset_id: bytesToPrefixedHex(DEVNET_DIG_ASSET_ID),
  }),

  get_blockchain_state: (d) => ({
    blockchain_state: {
      peak: blockRecordJson(d.peak, d),
      genesis_challenge_initialized: true,
      sync: { sync_mode: false, synced: true, sync_tip_height: d.peak.height, sync_progress_height: d.peak.height },
      difficulty: 1,
      sub_slot_iters: 134217728,
      space: 0,
      average_block_time: d.blockSeconds,
      mempool_size: d.mempool.items.size,
      mempool_cost: d.mempool.totalCost,
      mempool_fees: d.mempool.totalFees,
      mempool_min_fees: { cost_5000000: 0 },
      mempool_max_total_cost: MAX_BLOCK_COST * 10n,
      block_max_cost: MAX_BLOCK_COST,
      node_id: bytesToHex(d.genesisChallenge),
    },
  }),

  get_coin_record_by_name: (d, p) => {
    const id = hex32(p, 'name')
    const r = d.coinStore.get(bytesToHex(id))
    if (!r) throw new RpcError(`Coin record 0x${bytesToHex(id)} not found`, 'COIN_RECORD_NOT_FOUND', { name: bytesToHex(id) })
    return { coin_record: recordJson(r) }
  },
  get_coin_records_by_names: (d, p) => ({ coin_records: d.coinStore.byNames(hexList(p, 'names'), query(p)).map(recordJson) }),
  get_coin_records_by_puzzle_hash: (d, p) => ({
    coin_records: d.coinStore.byPuzzleHashes([bytesToHex(hex32(p, 'puzzle_hash'))], query(p)).map(recordJson),
  }),
  get_coin_records_by_puzzle_hashes: (d, p) => ({
    coin_records: d.coinStore.byPuzzleHashes(hexList(p, 'puzzle_hashes'), query(p)).map(recordJson),
  }),
  get_coin_records_by_hint: (d, p) => ({ coin_records: d.coinStore.byHints([bytesToHex(hex32(p, 'hint'))], query(p)).map(recordJson) }),
  get_coin_records_by_hints: (d, p) => ({ coin_records: d.coinStore.byHints(hexList(p, 'hints'), query(p)).map(recordJson) }),
  get_coin_records_by_parent_ids: (d, p) => ({
    coin_records: d.coinStore.byParentIds(hexList(p, 'parent_ids'), query(p)).map(recordJson),
  }),

  get_puzzle_and_solution: (d, p) => {
    const id = bytesToHex(hex32(p, 'coin_id'))
    const height = int(p, 'height')
    const r = d.coinStore.get(id)
    if (!r || r.spentBlockIndex !== height) {
      throw new RpcError(`Invalid height ${height}. coin record ${r ? `spent at ${r.spentBlockIndex}` : 'not found'}`, 'INVALID_HEIGHT_FOR_COIN', {
        coin_id: id,
        height,
      })
    }
    const block = d.blocks[height]
    for (const tx of block.transactions) {
      for (const s of tx.spendBundle.coinSpends) {
        if (bytesToHex(coinId(s.coin)) === id) return { coin_solution: coinSpendToRpc(s) as unknown as Json }
      }
    }
    throw new RpcError(`Spend of 0x${id} not found in block ${height}`, 'PUZZLE_SOLUTION_FAILED', { coin_id: id })
  },

  push_tx: (d, p) => {
    const raw = p.spend_bundle
    if (!raw || typeof raw !== 'object') throw new RpcError("'spend_bundle' is required", 'INVALID_REQUEST', { field: 'spend_bundle' })
    let bundle
    try {
      bundle = spendBundleFromRpc(raw as RpcSpendBundle)
    } catch (e) {
      throw new RpcError(`Invalid spend bundle: ${(e as Error).message}`, 'INVALID_REQUEST', { field: 'spend_bundle' })
    }
    try {
      const r = d.pushTx(bundle)
      return { status: r.status }
    } catch (e) {
      if (e instanceof ConsensusError) {
        const name = `0x${bytesToHex(spendBundleName(bundle))}`
        throw new RpcError(`Failed to include transaction ${name}, error ${e.err}`, 'TRANSACTION_FAILED', {
          spend_name: name,
          error: e.err,
          details: e.details ?? null,
        })
      }
      throw e
    }
  },

  get_fee_estimate: (d, p) => {
    const targets = p.target_times
    if (!Array.isArray(targets)) throw new RpcError("'target_times' is required", 'TARGET_TIMES_REQUIRED')
    const given = ['spend_bundle', 'cost', 'spend_type'].filter((k) => p[k] !== undefined && p[k] !== null)
    if (given.length !== 1) throw new RpcError('Request must contain exactly one of spend_bundle, cost, spend_type', 'REQUEST_MUST_CONTAIN_EXACTLY_ONE')
    return {
      estimates: targets.map(() => 0),
      target_times: targets as Json[],
      current_fee_rate: 0,
      mempool_size: d.mempool.totalCost,
      mempool_fees: d.mempool.totalFees,
      num_spends: d.mempool.items.size,
      mempool_max_size: MAX_BLOCK_COST * 10n,
      full_node_synced: true,
      peak_height: d.peak.height,
      last_peak_timestamp: d.peak.timestamp,
      node_time_utc: d.now,
      last_block_cost: d.peak.cost,
      fees_last_block: d.peak.fees,
      fee_rate_last_block: d.peak.cost > 0n ? Number(d.peak.fees) / Number(d.peak.cost) : 0,
      last_tx_block_height: d.peak.height,
    }
  },

  get_mempool_items_by_coin_name: (d, p) => ({
    mempool_items: d.mempool.itemsSpending(bytesToHex(hex32(p, 'coin_name'))).map(mempoolItemJson),
  }),
  get_all_mempool_tx_ids: (d) => ({ tx_ids: [...d.mempool.items.keys()].map((k) => `0x${k}`) }),
  get_all_mempool_items: (d) => {
    const items: Record<string, Json> = {}
    for (const [k, v] of d.mempool.items) items[k] = mempoolItemJson(v)
    return { mempool_items: items }
  },
  get_mempool_item_by_tx_id: (d, p) => {
    const id = bytesToHex(hex32(p, 'tx_id'))
    const item = d.mempool.items.get(id) ?? (bool(p, 'include_pending', false) ? d.mempool.pending.get(id) ?? d.mempool.conflicting.get(id) : undefined)
    if (!item) throw new RpcError(`Tx id 0x${id} not in the mempool`, 'TX_NOT_IN_MEMPOOL', { tx_id: id })
    return { mempool_item: mempoolItemJson(item) }
  },

  get_block_record_by_height: (d, p) => {
    const h = int(p, 'height')
    const b = d.blocks[h]
    if (!b) throw new RpcError(`Block height ${h} not found in chain`, 'BLOCK_HEIGHT_NOT_FOUND', { height: h })
    return { block_record: blockRecordJson(b, d) }
  },
  get_block_record: (d, p) => {
    const hash = bytesToHex(hex32(p, 'header_hash'))
    const b = findBlockByHash(d, hash)
    if (!b) throw new RpcError(`Block 0x${hash} not found`, 'BLOCK_NOT_FOUND', { header_hash: hash })
    return { block_record: blockRecordJson(b, d) }
  },
  get_block_records: (d, p) => {
    const start = int(p, 'start')
    const end = Math.min(int(p, 'end'), d.peak.height + 1)
    const out: Json[] = []
    for (let h = start; h < end; h++) out.push(blockRecordJson(d.blocks[h], d))
    return { block_records: out }
  },
  get_additions_and_removals: (d, p) => {
    const hash = bytesToHex(hex32(p, 'header_hash'))
    const b = findBlockByHash(d, hash)
    if (!b) throw new RpcError(`Block 0x${hash} is not in the main chain`, 'BLOCK_IN_FORK', { header_hash: hash })
    const rec = (id: string) => d.coinStore.get(id)
    return {
      additions: b.additionIds.map(rec).filter((r): r is StoredCoinRecord => !!r).map(recordJson),
      removals: b.removalIds.map(rec).filter((r): r is StoredCoinRecord => !!r).map(recordJson),
    }
  },

  // Simulator extras (chia/simulator/simulator_full_node_rpc_api.py).
  farm_block: (d, p) => {
    const ph = puzzleHashFromAddress(p, 'address')
    const blocks = int(p, 'blocks', 1)
    return { new_peak_height: d.farmBlocks(blocks, ph) }
  },
  set_auto_farming: (d, p) => {
    d.setAutoFarming(bool(p, 'auto_farm', true))
    return { auto_farm_enabled: d.autoFarm }
  },
  get_auto_farming: (d) => ({ auto_farm_enabled: d.autoFarm }),
  revert_blocks: (d, p) => {
    const n = bool(p, 'delete_all_blocks', false) ? d.peak.height : int(p, 'num_of_blocks', 1)
    return { new_peak_height: d.revertBlocks(n) }
  },
  reorg_blocks: (d, p) => {
    const n = bool(p, 'revert_all_blocks', false) ? d.peak.height : int(p, 'num_of_blocks_to_rev', 1)
    const m = int(p, 'num_of_new_blocks', n + 1)
    return { new_peak_height: d.reorgBlocks(n, m) }
  },

  // Devnet-only.
  create_dig: (d, p) => {
    const ph = puzzleHashFromAddress(p, 'address')
    const amount = bigint(p, 'amount')
    if (amount <= 0n) throw new RpcError("'amount' must be positive", 'INVALID_REQUEST', { field: 'amount' })
    const r = d.createDig(ph, amount)
    return {
      asset_id: bytesToPrefixedHex(DEVNET_DIG_ASSET_ID),
      coin: coinToRpc(r.coin) as unknown as Json,
      coin_id: bytesToPrefixedHex(coinId(r.coin)),
      lineage_proof: {
        parent_name: bytesToPrefixedHex(r.lineageProof.parentParentCoinInfo),
        inner_puzzle_hash: bytesToPrefixedHex(r.lineageProof.parentInnerPuzzleHash),
        amount: r.lineageProof.parentAmount,
      },
      spend_bundle_name: `0x${r.nameHex}`,
      new_peak_height: d.peak.height,
    }
  },
  advance_time: (d, p) => ({ now: d.advanceTime(bigint(p, 'seconds')) }),
}

/** Runs one RPC method and returns Chia's response object (never throws). */
export function handleRpc(devnet: Devnet, method: string, params: unknown): Record<string, Json | undefined> {
  const handler = Object.hasOwn(RPC_METHODS, method) ? RPC_METHODS[method] : undefined
  if (!handler) return failure(new RpcError(`No such method: ${method}`, 'METHOD_NOT_FOUND', { method }))
  const p = (params && typeof params === 'object' ? params : {}) as Params
  try {
    return { ...handler(devnet, p), success: true }
  } catch (e) {
    if (e instanceof RpcError) return failure(e)
    const err = e instanceof Error ? e : new Error(String(e))
    return failure(new RpcError(err.message, 'INTERNAL_ERROR'))
  }
}

function failure(e: RpcError): Record<string, Json | undefined> {
  return { success: false, error: e.shortMessage, structuredError: { code: e.code, message: e.shortMessage, data: e.data } }
}

