import { describe, expect, it } from 'vitest'

import { cacheTtlFor, mayBecomeImmutable } from '@/lib/chain/cache-policy'

const o = { peakHeight: 1000, reorgDepth: 32, tipTtlMs: 2000 }
const rec = (spent: number) => ({ coin: {}, confirmed_block_index: 1, spent_block_index: spent })

describe('cache policy', () => {
  it('puzzle/solutions and block records are immutable exactly from reorgDepth below the peak', () => {
    expect(cacheTtlFor('get_puzzle_and_solution', { height: 968 }, { success: true }, o)).toBeUndefined()
    expect(cacheTtlFor('get_puzzle_and_solution', { height: 969 }, { success: true }, o)).toBe(2000)
    expect(cacheTtlFor('get_block_record_by_height', { height: 10 }, { success: true }, o)).toBeUndefined()
    expect(cacheTtlFor('get_block_record_by_height', { height: 10 }, { success: true }, { ...o, peakHeight: undefined })).toBe(2000)
  })

  it('coin records are immutable only when spent deep enough', () => {
    expect(cacheTtlFor('get_coin_record_by_name', {}, { success: true, coin_record: rec(900) }, o)).toBeUndefined()
    expect(cacheTtlFor('get_coin_record_by_name', {}, { success: true, coin_record: rec(990) }, o)).toBe(2000)
    expect(cacheTtlFor('get_coin_record_by_name', {}, { success: true, coin_record: rec(0) }, o)).toBe(2000)
  })

  it('record lists are immutable only for closed deep windows of spent coins, including spent ones', () => {
    const body = { success: true, coin_records: [rec(10), rec(20)] }
    expect(cacheTtlFor('get_coin_records_by_hint', { include_spent_coins: true, end_height: 900 }, body, o)).toBeUndefined()
    expect(cacheTtlFor('get_coin_records_by_hint', { include_spent_coins: true }, body, o)).toBe(2000)
    expect(cacheTtlFor('get_coin_records_by_hint', { include_spent_coins: false, end_height: 900 }, body, o)).toBe(2000)
    expect(cacheTtlFor('get_coin_records_by_hint', { include_spent_coins: true, end_height: 900 }, { success: true, coin_records: [rec(0)] }, o)).toBe(2000)
    expect(cacheTtlFor('get_coin_records_by_names', { include_spent_coins: true, names: ['a', 'b'] }, body, o)).toBeUndefined()
    expect(cacheTtlFor('get_coin_records_by_names', { include_spent_coins: true, names: ['a', 'b', 'c'] }, body, o)).toBe(2000)
  })

  it('never caches push_tx or failures; network info forever; the rest briefly', () => {
    expect(cacheTtlFor('push_tx', {}, { success: true }, o)).toBe(0)
    expect(cacheTtlFor('get_puzzle_and_solution', { height: 1 }, { success: false }, o)).toBe(0)
    expect(cacheTtlFor('get_network_info', {}, { success: true }, o)).toBeUndefined()
    expect(cacheTtlFor('get_blockchain_state', {}, { success: true }, o)).toBe(2000)
    expect(cacheTtlFor('get_mempool_items_by_coin_name', {}, { success: true }, o)).toBe(2000)
  })

  it('asks for the peak only when it could make the reply immutable', () => {
    expect(mayBecomeImmutable('get_blockchain_state', {}, { success: true })).toBe(false)
    expect(mayBecomeImmutable('get_puzzle_and_solution', {}, { success: true })).toBe(true)
    expect(mayBecomeImmutable('get_coin_record_by_name', {}, { success: true, coin_record: rec(0) })).toBe(false)
    expect(mayBecomeImmutable('get_coin_record_by_name', {}, { success: true, coin_record: rec(5) })).toBe(true)
    expect(mayBecomeImmutable('get_coin_records_by_hint', { include_spent_coins: true }, { success: true })).toBe(false)
  })
})
