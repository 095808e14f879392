import { describe, expect, it } from 'vitest'

import { createHttpRpcCall, RpcHttpError } from '@/lib/chain/http-rpc-call'
import { createRpcClient, type RpcCall, UnexpectedRpcShapeError } from '@/lib/chain/rpc-client'
import { RpcError, rpcErrorFromBody } from '@/lib/chain/rpc-error'
import { hexToBytes32 } from '@/lib/chia/primitives/bytes'

const H = (b: string) => `0x${b.repeat(32)}`
const rec = (amount: bigint | number = 1, spent = 0) => ({
  coin: { parent_coin_info: H('01'), puzzle_hash: H('02'), amount },
  confirmed_block_index: 3,
  spent_block_index: spent,
  spent: spent > 0,
  coinbase: false,
  timestamp: 1_700_000_000,
})

function recording(reply: (method: string, params: Record<string, unknown>) => Record<string, unknown>) {
  const sent: { method: string; params: Record<string, unknown> }[] = []
  const call: RpcCall = async (method, params) => {
    sent.push({ method, params })
    return { success: true, ...reply(method, params) }
  }
  return { sent, client: createRpcClient(call) }
}

describe('ChainClient over an RpcCall', () => {
  it('includes spent coins by default and sends 0x hex and height windows', async () => {
    const { sent, client } = recording(() => ({ coin_records: [rec(5n, 9)] }))
    const out = await client.getCoinRecordsByHint(hexToBytes32(H('aa')), { startHeight: 2, endHeight: 9 })
    expect(sent[0]).toEqual({
      method: 'get_coin_records_by_hint',
      params: { hint: H('aa'), include_spent_coins: true, start_height: 2, end_height: 9 },
    })
    expect(out[0]).toMatchObject({ confirmedBlockIndex: 3, spentBlockIndex: 9, timestamp: 1_700_000_000n })
    expect(out[0].coin.amount).toBe(5n)
    await client.getCoinRecordsByParentIds([hexToBytes32(H('bb'))], { includeSpentCoins: false })
    expect(sent[1].params).toEqual({ parent_ids: [H('bb')], include_spent_coins: false })
  })

  it('maps "not found" (structured, legacy text, or coinset null) to undefined', async () => {
    const notFound: RpcCall = async (m) => {
      throw rpcErrorFromBody(m, { success: false, error: 'Coin record 0xab not found' })
    }
    expect(await createRpcClient(notFound).getCoinRecordByName(hexToBytes32(H('ab')))).toBeUndefined()
    const { client } = recording(() => ({ coin_record: null }))
    expect(await client.getCoinRecordByName(hexToBytes32(H('ab')))).toBeUndefined()
    const other: RpcCall = async (m) => {
      throw rpcErrorFromBody(m, { success: false, error: 'database locked' })
    }
    await expect(createRpcClient(other).getCoinRecordByName(hexToBytes32(H('ab')))).rejects.toBeInstanceOf(RpcError)
  })

  it('reads get_puzzle_and_solution from the legacy coin_solution key', async () => {
    const { sent, client } = recording(() => ({
      coin_solution: { coin: rec().coin, puzzle_reveal: '0xff0180', solution: '0x80' },
    }))
    const spend = await client.getPuzzleAndSolution(hexToBytes32(H('cc')), 42)
    expect(sent[0].params).toEqual({ coin_id: H('cc'), height: 42 })
    expect(spend.puzzleReveal).toEqual(new Uint8Array([0xff, 0x01, 0x80]))
  })

  it('checks push_tx status and shapes', async () => {
    const { client } = recording(() => ({ status: 'PENDING' }))
    const bundle = { coinSpends: [], aggregatedSignature: new Uint8Array(96) }
    expect(await client.pushTx(bundle)).toBe('PENDING')
    const bad = recording(() => ({ status: 'MAYBE' }))
    await expect(bad.client.pushTx(bundle)).rejects.toBeInstanceOf(UnexpectedRpcShapeError)
  })

  it('builds fee estimate requests with exactly one cost source', async () => {
    const { sent, client } = recording(() => ({ estimates: [10n, 5n], target_times: [60, 120], current_fee_rate: 0.5, peak_height: 7 }))
    const r = await client.getFeeEstimate({ targetTimes: [60, 120], spendType: 'nft_transfer_nft', spendCount: 2 })
    expect(sent[0].params).toEqual({ target_times: [60, 120], spend_type: 'nft_transfer_nft', spend_count: 2 })
    expect(r.estimates).toEqual([10n, 5n])
    await client.getFeeEstimate({ targetTimes: [60], cost: 5_000_000n })
    expect(sent[1].params).toEqual({ target_times: [60], cost: 5_000_000n })
  })

  it('parses blockchain state, mempool items and block records', async () => {
    const { client } = recording((m) => {
      if (m === 'get_blockchain_state') {
        return {
          blockchain_state: {
            peak: { header_hash: H('0a'), prev_hash: H('0b'), height: 12, weight: 99n, timestamp: null, prev_transaction_block_height: 10 },
            sync: { synced: true, sync_mode: false },
            space: 25193321725003644928n,
            mempool_min_fees: { cost_5000000: 0n },
          },
        }
      }
      if (m === 'get_mempool_items_by_coin_name') {
        return { mempool_items: [{ spend_bundle_name: H('0c'), fee: 100n, cost: 5n, additions: [rec().coin], removals: [] }] }
      }
      return { block_record: { header_hash: H('0d'), prev_hash: H('0e'), height: 5, weight: 1, timestamp: 1700000000, prev_transaction_block_height: 4 } }
    })
    const s = await client.getBlockchainState()
    expect(s.peak?.height).toBe(12)
    expect(s.peak?.isTransactionBlock).toBe(false)
    expect(s.space).toBe(25193321725003644928n)
    expect(s.synced).toBe(true)
    const items = await client.getMempoolItemsByCoinName(hexToBytes32(H('ab')))
    expect(items[0].fee).toBe(100n)
    expect((await client.getBlockRecordByHeight(5)).timestamp).toBe(1700000000n)
  })
})

describe('createHttpRpcCall', () => {
  const fakeFetch = (status: number, text: string) => (async () => new Response(text, { status })) as unknown as typeof fetch

  it('posts lossless JSON and returns success bodies', async () => {
    let seen = ''
    const f = (async (url: string, init: RequestInit) => {
      seen = `${url} ${init.body}`
      return new Response('{"success":true,"coin_record":{"coin":{"amount":18446744073709551615}}}')
    }) as unknown as typeof fetch
    const call = createHttpRpcCall({ baseUrl: '/api/node/', fetch: f })
    const r = await call('get_fee_estimate', { target_times: [60], cost: 2n ** 60n })
    expect(seen).toBe('/api/node/get_fee_estimate {"target_times":[60],"cost":1152921504606846976}')
    expect((r.coin_record as { coin: { amount: bigint } }).coin.amount).toBe(2n ** 64n - 1n)
  })

  it('maps success:false on HTTP 200 to RpcError with the structured code', async () => {
    const call = createHttpRpcCall({
      baseUrl: '',
      fetch: fakeFetch(200, '{"success":false,"error":"Failed to include transaction 0x1, error DOUBLE_SPEND","structuredError":{"code":"TRANSACTION_FAILED","message":"x","data":{"error":"DOUBLE_SPEND"}}}'),
    })
    const e = await call('push_tx', {}).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(RpcError)
    expect((e as RpcError).code).toBe('TRANSACTION_FAILED')
    expect((e as RpcError).data).toEqual({ error: 'DOUBLE_SPEND' })
  })

  it('maps proxy 4xx/5xx and non-JSON to RpcHttpError with the status', async () => {
    const limited = createHttpRpcCall({ baseUrl: '', fetch: fakeFetch(429, '{"success":false,"error":"Too many requests; retry in 2 s."}') })
    const e = await limited('get_blockchain_state', {}).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(RpcHttpError)
    expect((e as RpcHttpError).status).toBe(429)
    expect((e as RpcHttpError).shortMessage).toMatch(/Too many requests/)
    const html = createHttpRpcCall({ baseUrl: '', fetch: fakeFetch(502, '<html>bad gateway</html>') })
    await expect(html('get_blockchain_state', {})).rejects.toMatchObject({ name: 'RpcHttpError', status: 502 })
  })

  it('strips tracebacks from upstream error text', () => {
    const e = rpcErrorFromBody('x', { success: false, error: 'boom\nTraceback (most recent call last): /home/x.py', traceback: 'T' })
    expect(e.upstreamMessage).toBe('boom')
    expect(e.message).not.toMatch(/home/)
  })
})
