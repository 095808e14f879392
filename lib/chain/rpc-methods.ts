/**
 * The full-node RPC methods the proxy forwards, each with the zod schema of its parameters
 * (shapes: full-node-rpc.md §A.4). Parsing normalizes the params (hex lowercased and
 * `0x`-prefixed, unknown keys refused), so the forwarded body and the cache key are canonical.
 * Integers arrive from the lossless parser as number or bigint.
 */
import { z } from 'zod'

import { AppError } from '@/lib/chia/errors/app-error'

const UINT32_MAX = 2n ** 32n - 1n
const UINT64_MAX = 2n ** 64n - 1n
/** Bytes of CLVM a single puzzle reveal or solution may carry through the proxy. */
const MAX_PROGRAM_BYTES = 512 * 1024
/** Chia's RPC server caps bodies at 1 MiB (full-node-rpc.md §A.1); lists stay well below it. */
export const MAX_LIST_ITEMS = 500
export const MAX_COIN_SPENDS = 500

const normalizeHex = (v: string) => `0x${v.replace(/^0x/i, '').toLowerCase()}`

const hexBytes = (name: string, bytes: number) =>
  z
    .string({ error: `${name} must be a string of ${bytes * 2} hex characters (optionally 0x-prefixed)` })
    .regex(new RegExp(`^(0x|0X)?[0-9a-fA-F]{${bytes * 2}}$`), {
      error: `${name} must be ${bytes * 2} hex characters (${bytes} bytes), optionally 0x-prefixed`,
    })
    .transform(normalizeHex)

const bytes32 = (name: string) => hexBytes(name, 32)

const program = (name: string) =>
  z
    .string({ error: `${name} must be a hex string` })
    .max(MAX_PROGRAM_BYTES * 2 + 2, { error: `${name} is larger than ${MAX_PROGRAM_BYTES} bytes` })
    .regex(/^(0x|0X)?([0-9a-fA-F]{2})+$/, { error: `${name} must be non-empty hex with an even number of digits` })
    .transform(normalizeHex)

const integer = (name: string, min: bigint, max: bigint) =>
  z
    .union([z.number(), z.bigint()], { error: `${name} must be an integer between ${min} and ${max}` })
    .refine((v) => (typeof v === 'bigint' ? true : Number.isInteger(v)), {
      error: `${name} must be an integer between ${min} and ${max}`,
    })
    .transform((v) => BigInt(v))
    .refine((v) => v >= min && v <= max, { error: `${name} must be an integer between ${min} and ${max}` })

const height = (name: string) => integer(name, 0n, UINT32_MAX).transform(Number)

const boolean = (name: string) => z.boolean({ error: `${name} must be true or false` })

const list = <T extends z.ZodType>(name: string, item: T, max = MAX_LIST_ITEMS) =>
  z
    .array(item, { error: `${name} must be an array` })
    .min(1, { error: `${name} must contain at least one item` })
    .max(max, { error: `${name} may contain at most ${max} items` })

const heightRange = {
  start_height: height('start_height').optional(),
  end_height: height('end_height').optional(),
  include_spent_coins: boolean('include_spent_coins').optional(),
}

const withRange = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ ...shape, ...heightRange }).refine(
    (p) => {
      const { start_height: s, end_height: e } = p as { start_height?: number; end_height?: number }
      return s === undefined || e === undefined || s <= e
    },
    { error: 'start_height must not exceed end_height' },
  )

const coin = z.strictObject({
  parent_coin_info: bytes32('coin.parent_coin_info'),
  puzzle_hash: bytes32('coin.puzzle_hash'),
  amount: integer('coin.amount', 0n, UINT64_MAX),
})

export const spendBundleParams = z.strictObject({
  coin_spends: list(
    'spend_bundle.coin_spends',
    z.strictObject({ coin, puzzle_reveal: program('puzzle_reveal'), solution: program('solution') }),
    MAX_COIN_SPENDS,
  ),
  aggregated_signature: hexBytes('spend_bundle.aggregated_signature', 96),
})

/** Spend types `get_fee_estimate` accepts (chia `_get_spendbundle_type_cost`). */
export const FEE_SPEND_TYPES = [
  'send_xch_transaction',
  'cat_spend',
  'take_offer',
  'cancel_offer',
  'nft_set_nft_did',
  'nft_transfer_nft',
  'create_new_pool_wallet',
  'pw_absorb_rewards',
  'create_new_did_wallet',
] as const

const empty = z.strictObject({})

const feeEstimate = z
  .strictObject({
    target_times: list('target_times', integer('target_times[]', 0n, 86_400n * 7n).transform(Number), 10),
    spend_bundle: spendBundleParams.optional(),
    cost: integer('cost', 0n, 11_000_000_000n).optional(),
    spend_type: z.enum(FEE_SPEND_TYPES, { error: `spend_type must be one of ${FEE_SPEND_TYPES.join(', ')}` }).optional(),
    spend_count: integer('spend_count', 1n, 1000n).transform(Number).optional(),
  })
  .refine((p) => [p.spend_bundle, p.cost, p.spend_type].filter((v) => v !== undefined).length === 1, {
    error: 'get_fee_estimate needs exactly one of spend_bundle, cost or spend_type',
  })
  .refine((p) => p.spend_count === undefined || p.spend_type !== undefined, {
    error: 'spend_count is only valid together with spend_type',
  })

/** How a method may be cached and retried. */
export type MethodKind = 'tip' | 'coin' | 'immutable' | 'write' | 'mempool'

type MethodSpec = { params: z.ZodType<Record<string, unknown>>; kind: MethodKind }

const spec = (params: z.ZodType, kind: MethodKind): MethodSpec => ({
  params: params as z.ZodType<Record<string, unknown>>,
  kind,
})

/** The allowlist: reads the app needs plus `push_tx`. Anything else is refused with 404. */
export const RPC_METHODS = {
  get_blockchain_state: spec(empty, 'tip'),
  get_network_info: spec(empty, 'immutable'),
  get_coin_record_by_name: spec(z.strictObject({ name: bytes32('name') }), 'coin'),
  get_coin_records_by_names: spec(withRange({ names: list('names', bytes32('names[]')) }), 'coin'),
  get_coin_records_by_puzzle_hash: spec(withRange({ puzzle_hash: bytes32('puzzle_hash') }), 'coin'),
  get_coin_records_by_puzzle_hashes: spec(
    withRange({ puzzle_hashes: list('puzzle_hashes', bytes32('puzzle_hashes[]')) }),
    'coin',
  ),
  get_coin_records_by_hint: spec(withRange({ hint: bytes32('hint') }), 'coin'),
  get_coin_records_by_parent_ids: spec(withRange({ parent_ids: list('parent_ids', bytes32('parent_ids[]')) }), 'coin'),
  get_puzzle_and_solution: spec(
    z.strictObject({ coin_id: bytes32('coin_id'), height: height('height') }),
    'immutable',
  ),
  push_tx: spec(z.strictObject({ spend_bundle: spendBundleParams }), 'write'),
  get_fee_estimate: spec(feeEstimate, 'mempool'),
  get_mempool_items_by_coin_name: spec(z.strictObject({ coin_name: bytes32('coin_name') }), 'mempool'),
  get_mempool_item_by_tx_id: spec(
    z.strictObject({ tx_id: bytes32('tx_id'), include_pending: boolean('include_pending').optional() }),
    'mempool',
  ),
  get_block_record_by_height: spec(z.strictObject({ height: height('height') }), 'coin'),
  get_additions_and_removals: spec(z.strictObject({ header_hash: bytes32('header_hash') }), 'coin'),
} as const satisfies Record<string, MethodSpec>

export type RpcMethod = keyof typeof RPC_METHODS

export const isRpcMethod = (m: string): m is RpcMethod => Object.hasOwn(RPC_METHODS, m)

/** Reads that can be retried and failed over freely; `push_tx` is only re-sent when it never left. */
export const isIdempotent = (m: RpcMethod): boolean => RPC_METHODS[m].kind !== 'write'

export class UnknownRpcMethodError extends AppError {
  override name = 'UnknownRpcMethodError' as const
  constructor({ method }: { method: string }) {
    super(`Unknown or disallowed full-node method "${method.slice(0, 60)}".`, {
      details: `allowed: ${Object.keys(RPC_METHODS).join(', ')}`,
    })
  }
}

export class InvalidRpcParamsError extends AppError {
  override name = 'InvalidRpcParamsError' as const
  readonly problems: string[]
  constructor({ method, problems }: { method: string; problems: string[] }) {
    super(`Invalid parameters for ${method}: ${problems.slice(0, 5).join('; ')}`)
    this.problems = problems
  }
}

/**
 * Checks a method name against the allowlist and validates and normalizes its parameters.
 *
 * @example
 * parseRpcParams('get_coin_record_by_name', { name: 'AB'.repeat(32) }) // { name: '0xabab…' }
 */
export function parseRpcParams(method: string, body: unknown): Record<string, unknown> {
  if (!isRpcMethod(method)) throw new UnknownRpcMethodError({ method })
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InvalidRpcParamsError({ method, problems: ['the body must be a JSON object (use {} for no parameters)'] })
  }
  const result = RPC_METHODS[method].params.safeParse(body)
  if (!result.success) {
    const problems = result.error.issues.map((i) => {
      if (i.code === 'unrecognized_keys') return `unknown parameter ${i.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ')}`
      const path = i.path.map(String).join('.')
      const last = String(i.path.at(-1) ?? '')
      const plain = path === '' || (i.message.startsWith(last) && !i.path.some((p) => typeof p === 'number'))
      return plain ? i.message : `${path}: ${i.message}`
    })
    throw new InvalidRpcParamsError({ method, problems })
  }
  return result.data
}
