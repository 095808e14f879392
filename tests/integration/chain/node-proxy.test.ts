import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createMemoryCache } from '@/lib/chain/memory-cache'
import { createNodeProxy, type NodeProxy } from '@/lib/chain/node-proxy'
import { createRateLimiter } from '@/lib/chain/rate-limiter'
import { createRpcClient } from '@/lib/chain/rpc-client'
import { RpcError } from '@/lib/chain/rpc-error'
import { createUpstream } from '@/lib/chain/upstream'
import { createUpstreamPool, type UpstreamPool } from '@/lib/chain/upstream-pool'
import { hexToBytes32 } from '@/lib/chia/primitives/bytes'

import { startFakeFullNode, type FakeFullNode } from './fake-full-node'

const H = (byte: string) => `0x${byte.repeat(32)}`
const MAX_U64 = 2n ** 64n - 1n
const PEAK = 1_000

const record = (over: { amount?: bigint; spent?: number; confirmed?: number } = {}) => ({
  coin: { parent_coin_info: H('11'), puzzle_hash: H('22'), amount: over.amount ?? 1n },
  confirmed_block_index: over.confirmed ?? 5,
  spent_block_index: over.spent ?? 0,
  spent: (over.spent ?? 0) > 0,
  coinbase: false,
  timestamp: 1_700_000_000,
})

const chainHandlers = (): FakeFullNode['handlers'] => ({
  get_blockchain_state: () => ({
    blockchain_state: {
      peak: { height: PEAK, header_hash: H('aa'), prev_hash: H('ab'), weight: 1, timestamp: 1 },
      sync: { synced: true, sync_mode: false },
      space: 25193321725003644928n,
    },
  }),
  get_network_info: () => ({ network_name: 'testnet11', network_prefix: 'txch', genesis_challenge: H('37') }),
  get_coin_record_by_name: (p) =>
    p.name === H('de')
      ? { coin_record: record({ spent: 10 }) }
      : p.name === H('ee')
        ? { coin_record: record({ amount: MAX_U64 }) }
        : { coin_record: record() },
  get_puzzle_and_solution: (p) => ({
    coin_solution: { coin: record().coin, puzzle_reveal: '0x80', solution: `0x${Number(p.height) % 2 ? '01' : '80'}` },
  }),
  get_coin_records_by_hint: () => ({ coin_records: [record({ amount: MAX_U64 - 1n })] }),
  push_tx: () => ({ status: 'SUCCESS' }),
})

let a: FakeFullNode
let b: FakeFullNode
let clock = 0
const now = () => clock

function setup(opts: { upstreams?: FakeFullNode[]; limiter?: boolean; timeoutMs?: number } = {}) {
  const nodes = opts.upstreams ?? [a, b]
  const pool: UpstreamPool = createUpstreamPool({
    upstreams: nodes.map((n) => createUpstream({ url: n.url })),
    timeoutMs: opts.timeoutMs ?? 300,
    breaker: { failureThreshold: 3, openMs: 10_000 },
    backoffMs: 1,
    now,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  })
  const cache = createMemoryCache({ now })
  const proxy: NodeProxy = createNodeProxy({
    pool,
    cache,
    now,
    tipTtlMs: 2_000,
    limiter: opts.limiter ? createRateLimiter({ capacity: 5, refillPerSecond: 1, now }) : undefined,
    clientKey: (req) => req.headers.get('x-forwarded-for') ?? 'unknown',
    log: () => {},
  })
  return { pool, cache, proxy }
}

const post = (proxy: NodeProxy, method: string, body: string, headers: Record<string, string> = {}) =>
  proxy.handle(method, new Request(`http://app/api/node/${method}`, { method: 'POST', body, headers }))

const calls = (n: FakeFullNode, method: string) => n.calls.filter((c) => c.method === method).length

beforeAll(async () => {
  a = await startFakeFullNode(chainHandlers())
  b = await startFakeFullNode(chainHandlers())
})
afterAll(async () => {
  await a.close()
  await b.close()
})
beforeEach(() => {
  clock = 1_000_000
  for (const n of [a, b]) {
    n.mode = 'ok'
    n.failTimes = undefined
    n.calls.length = 0
  }
})

describe('lossless amounts', () => {
  it('returns uint64 amounts and uint128 space exactly through the proxy and the client', async () => {
    const { proxy } = setup()
    const res = await post(proxy, 'get_coin_record_by_name', JSON.stringify({ name: H('ee') }))
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('"amount":18446744073709551615')
    const client = createRpcClient(proxy.call)
    const r = await client.getCoinRecordByName(hexToBytes32(H('ee')))
    expect(r?.coin.amount).toBe(MAX_U64)
    expect((await client.getCoinRecordsByHint(hexToBytes32(H('01'))))[0].coin.amount).toBe(MAX_U64 - 1n)
    expect((await client.getBlockchainState()).space).toBe(25193321725003644928n)
  })

  it('forwards push_tx amounts above 2^53 unchanged', async () => {
    const { proxy } = setup()
    const body = `{"spend_bundle":{"coin_spends":[{"coin":{"parent_coin_info":"${H('11')}","puzzle_hash":"${H('22')}","amount":18446744073709551615},"puzzle_reveal":"0x80","solution":"0x80"}],"aggregated_signature":"0x${'c0' + '00'.repeat(95)}"}}`
    const res = await post(proxy, 'push_tx', body)
    expect(res.status).toBe(200)
    const sent = a.calls.find((c) => c.method === 'push_tx')!.params as { spend_bundle: { coin_spends: { coin: { amount: unknown } }[] } }
    expect(sent.spend_bundle.coin_spends[0].coin.amount).toBe(MAX_U64)
  })
})

describe('upstream errors', () => {
  it('maps success:false to a clean error without the traceback', async () => {
    const { proxy } = setup()
    a.mode = 'rpc-failure'
    const res = await post(proxy, 'get_coin_record_by_name', JSON.stringify({ name: H('01') }))
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).not.toMatch(/traceback|util\.py|\/home/i)
    expect(JSON.parse(text)).toEqual({
      success: false,
      error: 'Coin record 0xabc not found',
      structuredError: { code: 'COIN_RECORD_NOT_FOUND', message: 'Coin record not found', data: { name: 'abc' } },
    })
    // A clean refusal is an answer: no failover, no breaker strike.
    expect(calls(b, 'get_coin_record_by_name')).toBe(0)
    const client = createRpcClient(proxy.call)
    await expect(client.getCoinRecordsByHint(hexToBytes32(H('01')))).rejects.toBeInstanceOf(RpcError)
    expect(await client.getCoinRecordByName(hexToBytes32(H('01')))).toBeUndefined()
  })

  for (const mode of ['hang', 'http500', 'garbage', 'no-success-field'] as const) {
    it(`fails over from an upstream that answers "${mode}" with exactly one extra request`, async () => {
      const { proxy, pool } = setup()
      a.mode = mode
      const res = await post(proxy, 'get_coin_record_by_name', JSON.stringify({ name: H('01') }))
      expect(res.status).toBe(200)
      expect((await res.json()).success).toBe(true)
      expect(calls(a, 'get_coin_record_by_name') + calls(b, 'get_coin_record_by_name')).toBe(2)
      expect(pool.status()[0].consecutiveFailures).toBe(1)
    })
  }

  it('opens the breaker after repeated failures, skips the upstream, then half-opens and recovers', async () => {
    const { proxy, pool } = setup()
    a.mode = 'http500'
    for (let i = 0; i < 3; i++) {
      const res = await post(proxy, 'get_coin_records_by_hint', JSON.stringify({ hint: H(String(10 + i)) }))
      expect(res.status).toBe(200)
    }
    expect(pool.status()[0].breaker).toBe('open')
    const before = a.calls.length
    for (let i = 0; i < 5; i++) {
      expect((await post(proxy, 'get_coin_records_by_hint', JSON.stringify({ hint: H(String(20 + i)) }))).status).toBe(200)
    }
    expect(a.calls.length).toBe(before) // no request wasted on the open upstream
    clock += 10_001
    expect(pool.status()[0].breaker).toBe('half-open')
    a.mode = 'ok'
    expect((await post(proxy, 'get_coin_records_by_hint', JSON.stringify({ hint: H('30') }))).status).toBe(200)
    expect(a.calls.length).toBe(before + 1) // the single probe
    expect(pool.status()[0].breaker).toBe('closed')
  })

  it('a failed half-open probe re-opens the breaker at once', async () => {
    const { proxy, pool } = setup()
    a.mode = 'garbage'
    for (let i = 0; i < 3; i++) await post(proxy, 'get_coin_records_by_hint', JSON.stringify({ hint: H(String(40 + i)) }))
    clock += 10_001
    await post(proxy, 'get_coin_records_by_hint', JSON.stringify({ hint: H('50') }))
    expect(pool.status()[0].breaker).toBe('open')
  })

  it('retries a single upstream with backoff for reads', async () => {
    const { proxy } = setup({ upstreams: [a] })
    a.mode = 'http500'
    a.failTimes = 1
    const res = await post(proxy, 'get_coin_record_by_name', JSON.stringify({ name: H('02') }))
    expect(res.status).toBe(200)
    expect(calls(a, 'get_coin_record_by_name')).toBe(2)
  })

  it('answers at once, without touching the upstream, while every circuit is open', async () => {
    const { proxy, pool } = setup({ upstreams: [a] })
    a.mode = 'http500'
    for (let i = 0; i < 2; i++) await post(proxy, 'get_coin_records_by_hint', JSON.stringify({ hint: H(String(60 + i)) }))
    expect(pool.status()[0].breaker).toBe('open')
    const before = a.calls.length
    const res = await post(proxy, 'get_coin_records_by_hint', JSON.stringify({ hint: H('70') }))
    expect(res.status).toBe(503)
    expect((await res.json()).error).toMatch(/No full node is available/)
    expect(a.calls.length).toBe(before)
  })

  it('answers 503 with a clear message when every upstream fails', async () => {
    const { proxy } = setup()
    a.mode = 'http500'
    b.mode = 'hang'
    const res = await post(proxy, 'get_coin_record_by_name', JSON.stringify({ name: H('03') }))
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    const body = await res.json()
    expect(body).toMatchObject({ success: false, structuredError: { code: 'UPSTREAM_UNAVAILABLE' } })
    expect(body.error).toMatch(/No full node is available/)
  })

  it('does not re-send push_tx after a timeout (it may have reached the node)', async () => {
    const { proxy } = setup()
    a.mode = 'hang'
    const body = `{"spend_bundle":{"coin_spends":[{"coin":{"parent_coin_info":"${H('11')}","puzzle_hash":"${H('22')}","amount":1},"puzzle_reveal":"0x80","solution":"0x80"}],"aggregated_signature":"0x${'c0' + '00'.repeat(95)}"}}`
    const res = await post(proxy, 'push_tx', body)
    expect(res.status).toBe(504)
    expect(calls(b, 'push_tx')).toBe(0)
  })

  it('fails push_tx over when the first upstream refuses connections', async () => {
    const dead = await startFakeFullNode()
    await dead.close()
    const { proxy } = setup({ upstreams: [dead, b] })
    const body = `{"spend_bundle":{"coin_spends":[{"coin":{"parent_coin_info":"${H('11')}","puzzle_hash":"${H('22')}","amount":1},"puzzle_reveal":"0x80","solution":"0x80"}],"aggregated_signature":"0x${'c0' + '00'.repeat(95)}"}}`
    const res = await post(proxy, 'push_tx', body)
    expect(res.status).toBe(200)
    expect(calls(b, 'push_tx')).toBe(1)
  })
})

describe('cache', () => {
  it('serves puzzle/solutions of deep blocks from the cache forever', async () => {
    const { proxy } = setup()
    const body = JSON.stringify({ coin_id: H('05'), height: 10 })
    expect((await post(proxy, 'get_puzzle_and_solution', body)).headers.get('x-cache')).toBe('miss')
    clock += 24 * 3600 * 1000
    const again = await post(proxy, 'get_puzzle_and_solution', body.replace('0x', '0X'.toLowerCase()))
    expect(again.headers.get('x-cache')).toBe('hit')
    expect(calls(a, 'get_puzzle_and_solution')).toBe(1)
  })

  it('caches data near the tip only briefly', async () => {
    const { proxy } = setup()
    const body = JSON.stringify({ coin_id: H('06'), height: PEAK - 5 })
    await post(proxy, 'get_puzzle_and_solution', body)
    expect((await post(proxy, 'get_puzzle_and_solution', body)).headers.get('x-cache')).toBe('hit')
    clock += 2_001
    expect((await post(proxy, 'get_puzzle_and_solution', body)).headers.get('x-cache')).toBe('miss')
    expect(calls(a, 'get_puzzle_and_solution')).toBe(2)
  })

  it('treats a deep-spent coin record as immutable and an unspent one as tip data', async () => {
    const { proxy } = setup()
    const spent = JSON.stringify({ name: H('de') })
    const unspent = JSON.stringify({ name: H('07') })
    await post(proxy, 'get_coin_record_by_name', spent)
    await post(proxy, 'get_coin_record_by_name', unspent)
    clock += 60_000
    expect((await post(proxy, 'get_coin_record_by_name', spent)).headers.get('x-cache')).toBe('hit')
    expect((await post(proxy, 'get_coin_record_by_name', unspent)).headers.get('x-cache')).toBe('miss')
  })

  it('normalizes hex so 0x/no-0x and upper/lower case share one entry', async () => {
    const { proxy } = setup()
    await post(proxy, 'get_coin_record_by_name', JSON.stringify({ name: 'DE'.repeat(32) }))
    expect((await post(proxy, 'get_coin_record_by_name', JSON.stringify({ name: H('de') }))).headers.get('x-cache')).toBe('hit')
  })

  it('coalesces concurrent identical requests into one upstream call', async () => {
    const { proxy } = setup()
    a.latencyMs = 50
    try {
      const body = JSON.stringify({ hint: H('99') })
      const all = await Promise.all(Array.from({ length: 20 }, () => post(proxy, 'get_coin_records_by_hint', body)))
      expect(all.every((r) => r.status === 200)).toBe(true)
      expect(calls(a, 'get_coin_records_by_hint')).toBe(1)
    } finally {
      a.latencyMs = 0
    }
  })

  it('never caches push_tx', async () => {
    const { proxy } = setup()
    const body = `{"spend_bundle":{"coin_spends":[{"coin":{"parent_coin_info":"${H('11')}","puzzle_hash":"${H('22')}","amount":1},"puzzle_reveal":"0x80","solution":"0x80"}],"aggregated_signature":"0x${'c0' + '00'.repeat(95)}"}}`
    await post(proxy, 'push_tx', body)
    await post(proxy, 'push_tx', body)
    expect(calls(a, 'push_tx')).toBe(2)
  })
})

describe('rate limit', () => {
  it('answers 429 with Retry-After per client, and other clients are unaffected', async () => {
    const { proxy } = setup({ limiter: true })
    const body = JSON.stringify({ name: H('08') })
    for (let i = 0; i < 5; i++) {
      expect((await post(proxy, 'get_coin_record_by_name', body, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200)
    }
    const limited = await post(proxy, 'get_coin_record_by_name', body, { 'x-forwarded-for': '203.0.113.1' })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('1')
    expect((await limited.json()).structuredError.code).toBe('RATE_LIMITED')
    expect((await post(proxy, 'get_coin_record_by_name', body, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(200)
    clock += 1_000
    expect((await post(proxy, 'get_coin_record_by_name', body, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200)
  })
})

describe('body limit', () => {
  it('refuses bodies over 1 MiB with 413', async () => {
    const { proxy } = setup()
    const res = await post(proxy, 'push_tx', `{"spend_bundle":"${'a'.repeat(1024 * 1024 + 10)}"}`)
    expect(res.status).toBe(413)
    expect(a.calls.length).toBe(0)
  })
})

afterEach(() => {
  a.latencyMs = 0
})
