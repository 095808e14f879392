/**
 * Full-node RPC JSON shapes and explicit converters, one per type (STYLE.md "Wire formats").
 * Hex on the wire is `0x`-prefixed; integers are JSON numbers that the transport parses
 * losslessly (amounts may exceed 2^53), so they arrive here as bigint or number.
 * Shapes: full-node-rpc.md §A.2, §A.4.
 */
import { bytesToPrefixedHex, hexToBytes, hexToBytes32 } from './bytes'
import type { Coin } from './coin'
import type { CoinRecord, CoinSpend, SpendBundle } from './coin-spend'

export type RpcInt = bigint | number

export interface RpcCoin {
  parent_coin_info: string
  puzzle_hash: string
  amount: RpcInt
}
export interface RpcCoinSpend {
  coin: RpcCoin
  puzzle_reveal: string
  solution: string
}
export interface RpcSpendBundle {
  coin_spends: RpcCoinSpend[]
  aggregated_signature: string
}
export interface RpcCoinRecord {
  coin: RpcCoin
  confirmed_block_index: number
  spent_block_index: number
  spent: boolean
  coinbase: boolean
  timestamp: RpcInt
}

const toBig = (v: RpcInt | string): bigint => (typeof v === 'bigint' ? v : BigInt(v))

/** @example coinFromRpc({ parent_coin_info: '0x…', puzzle_hash: '0x…', amount: 1 }) */
export const coinFromRpc = (c: RpcCoin): Coin => ({
  parentCoinInfo: hexToBytes32(c.parent_coin_info, 'parent_coin_info'),
  puzzleHash: hexToBytes32(c.puzzle_hash, 'puzzle_hash'),
  amount: toBig(c.amount),
})

/** @example coinToRpc(coin).amount // bigint, serialized losslessly by the transport */
export const coinToRpc = (c: Coin): RpcCoin => ({
  parent_coin_info: bytesToPrefixedHex(c.parentCoinInfo),
  puzzle_hash: bytesToPrefixedHex(c.puzzleHash),
  amount: c.amount,
})

/** @example coinSpendFromRpc(rpc.coin_solution) */
export const coinSpendFromRpc = (s: RpcCoinSpend): CoinSpend => ({
  coin: coinFromRpc(s.coin),
  puzzleReveal: hexToBytes(s.puzzle_reveal, 'puzzle_reveal'),
  solution: hexToBytes(s.solution, 'solution'),
})

/** @example coinSpendToRpc(coinSpend) */
export const coinSpendToRpc = (s: CoinSpend): RpcCoinSpend => ({
  coin: coinToRpc(s.coin),
  puzzle_reveal: bytesToPrefixedHex(s.puzzleReveal),
  solution: bytesToPrefixedHex(s.solution),
})

/** @example spendBundleFromRpc(body.spend_bundle) */
export const spendBundleFromRpc = (b: RpcSpendBundle): SpendBundle => ({
  coinSpends: b.coin_spends.map(coinSpendFromRpc),
  aggregatedSignature: hexToBytes(b.aggregated_signature, 'aggregated_signature'),
})

/** @example spendBundleToRpc(bundle) */
export const spendBundleToRpc = (b: SpendBundle): RpcSpendBundle => ({
  coin_spends: b.coinSpends.map(coinSpendToRpc),
  aggregated_signature: bytesToPrefixedHex(b.aggregatedSignature),
})

/** @example coinRecordFromRpc(rpc.coin_record) */
export const coinRecordFromRpc = (r: RpcCoinRecord): CoinRecord => ({
  coin: coinFromRpc(r.coin),
  confirmedBlockIndex: Number(r.confirmed_block_index),
  spentBlockIndex: Number(r.spent_block_index),
  coinbase: Boolean(r.coinbase),
  timestamp: toBig(r.timestamp),
})

/** @example coinRecordToRpc(record) */
export const coinRecordToRpc = (r: CoinRecord): RpcCoinRecord => ({
  coin: coinToRpc(r.coin),
  confirmed_block_index: r.confirmedBlockIndex,
  spent_block_index: r.spentBlockIndex,
  spent: r.spentBlockIndex > 0,
  coinbase: r.coinbase,
  timestamp: r.timestamp,
})
