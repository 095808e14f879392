/**
 * How long a successful RPC reply may be cached (issue 5, PRODUCT.md §6). Data that a reorg
 * cannot change any more — spent coins, puzzle/solutions and blocks at least `reorgDepth`
 * below the peak — is immutable; anything about the tip lives `tipTtlMs`; `push_tx` never.
 * Returns `undefined` for "immutable", a number of ms, or 0 for "do not cache".
 */
import type { RpcMethod } from './rpc-methods'

export type CachePolicyOptions = {
  /** Current peak height, when known; without it nothing counts as deep. */
  peakHeight?: number
  reorgDepth: number
  tipTtlMs: number
}

const isDeep = (height: number, o: CachePolicyOptions) =>
  o.peakHeight !== undefined && height > 0 && height <= o.peakHeight - o.reorgDepth

const recordIsFinal = (r: unknown, o: CachePolicyOptions): boolean => {
  if (!r || typeof r !== 'object') return false
  const spent = Number((r as { spent_block_index?: unknown }).spent_block_index ?? 0)
  return isDeep(spent, o)
}

/**
 * Decides the cache lifetime of one successful reply.
 *
 * @example
 * cacheTtlFor('get_puzzle_and_solution', { height: 10 }, body, { peakHeight: 100, reorgDepth: 32, tipTtlMs: 2000 }) // undefined (immutable)
 */
export function cacheTtlFor(
  method: RpcMethod,
  params: Record<string, unknown>,
  body: Record<string, unknown>,
  o: CachePolicyOptions,
): number | undefined {
  if (body.success !== true) return 0
  switch (method) {
    case 'push_tx':
      return 0
    case 'get_network_info':
      return undefined
    case 'get_puzzle_and_solution':
    case 'get_block_record_by_height':
      return isDeep(Number(params.height), o) ? undefined : o.tipTtlMs
    case 'get_coin_record_by_name':
      return recordIsFinal(body.coin_record, o) ? undefined : o.tipTtlMs
    case 'get_coin_records_by_names':
    case 'get_coin_records_by_puzzle_hash':
    case 'get_coin_records_by_puzzle_hashes':
    case 'get_coin_records_by_hint':
    case 'get_coin_records_by_parent_ids': {
      // A window that closed deep in the past, holding only deep-spent coins, can no longer change.
      const end = params.end_height === undefined ? undefined : Number(params.end_height)
      const records = Array.isArray(body.coin_records) ? body.coin_records : []
      const allNamed =
        method === 'get_coin_records_by_names' && Array.isArray(params.names) && records.length === params.names.length
      const final =
        (allNamed || (end !== undefined && isDeep(end, o))) &&
        params.include_spent_coins === true &&
        records.every((r) => recordIsFinal(r, o))
      return final ? undefined : o.tipTtlMs
    }
    default:
      return o.tipTtlMs
  }
}

/**
 * Whether knowing the peak could make this reply immutable (so it is worth fetching the peak).
 *
 * @example
 * mayBecomeImmutable('get_blockchain_state', {}, body) // false
 */
export function mayBecomeImmutable(method: RpcMethod, params: Record<string, unknown>, body: Record<string, unknown>): boolean {
  if (body.success !== true) return false
  switch (method) {
    case 'get_puzzle_and_solution':
    case 'get_block_record_by_height':
      return true
    case 'get_coin_record_by_name':
      return Number((body.coin_record as { spent_block_index?: unknown } | undefined)?.spent_block_index ?? 0) > 0
    case 'get_coin_records_by_names':
    case 'get_coin_records_by_puzzle_hash':
    case 'get_coin_records_by_puzzle_hashes':
    case 'get_coin_records_by_hint':
    case 'get_coin_records_by_parent_ids':
      return params.include_spent_coins === true && (params.end_height !== undefined || method === 'get_coin_records_by_names')
    default:
      return false
  }
}
