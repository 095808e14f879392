/**
 * The route handlers, called directly with `new Request(...)`, wired by env to a fake upstream:
 * hundreds of malformed proxy requests must each get a 4xx with a clear message (never 5xx, never
 * an upstream call), plus /api/health and the 400/404 cases of /api/stores/<launcherId>.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startFakeFullNode, type FakeFullNode } from './fake-full-node'

const H = (byte: string) => `0x${byte.repeat(32)}`
const TESTNET11 = '0x37a90eb5185a9c4439a91ddc98bbadce7b4feba060d50116a067de66bf236615'

let node: FakeFullNode
let deadUrl: string
let POST: (req: Request, ctx: { params: Promise<{ method: string }> }) => Promise<Response>
let HEALTH: () => Promise<Response>
let STORE: (req: Request, ctx: { params: Promise<{ launcherId: string }> }) => Promise<Response>

beforeAll(async () => {
  node = await startFakeFullNode({
    get_blockchain_state: () => ({ blockchain_state: { peak: { height: 77 }, sync: { synced: true } } }),
    get_network_info: () => ({ network_name: 'testnet11', network_prefix: 'txch', genesis_challenge: TESTNET11 }),
    get_coin_record_by_name: (p) => {
      if (p.name === H('aa')) {
        return {
          coin_record: {
            coin: { parent_coin_info: H('01'), puzzle_hash: H('02'), amount: 1 },
            confirmed_block_index: 3,
            spent_block_index: 0,
            spent: false,
            coinbase: false,
            timestamp: 1,
          },
        }
      }
      throw new Error('unreachable')
    },
    get_coin_records_by_hint: () => ({ coin_records: [] }),
    get_coin_records_by_parent_ids: () => ({ coin_records: [] }),
  })
  // Unknown coins: the node answers like Chia does.
  const original = node.handlers.get_coin_record_by_name
  node.handlers.get_coin_record_by_name = (p) =>
    p.name === H('aa') ? original(p) : ({ coin_record: null } as Record<string, unknown>)
  const dead = await startFakeFullNode()
  deadUrl = dead.url
  await dead.close()
  process.env.CHIA_NETWORK = 'testnet11'
  process.env.FULL_NODE_URLS = `${node.url},${deadUrl}`
  delete process.env.REDIS_URL
  POST = (await import('@/app/api/node/[method]/route')).POST
  HEALTH = (await import('@/app/api/health/route')).GET
  STORE = (await import('@/app/api/stores/[launcherId]/route')).GET
})
afterAll(async () => {
  await node.close()
})

type Case = { method: string; body: string; why: string; status?: number; expect?: RegExp }

const okCoin = { parent_coin_info: H('11'), puzzle_hash: H('22'), amount: 1 }
const okSpend = { coin: okCoin, puzzle_reveal: '0x80', solution: '0x80' }
const okSig = `0x${'c0'}${'00'.repeat(95)}`
const bundle = (over: Record<string, unknown> = {}) => ({ coin_spends: [okSpend], aggregated_signature: okSig, ...over })
const j = (v: unknown) => JSON.stringify(v)

const BAD_HEX32: [unknown, string][] = [
  ['ab'.repeat(31), '62 chars'],
  ['ab'.repeat(33), '66 chars'],
  [`0x${'ab'.repeat(31)}a`, '63 chars'],
  ['zz'.repeat(32), 'non-hex'],
  [`0x${'g1'.repeat(32)}`, 'non-hex with prefix'],
  ['', 'empty'],
  ['0x', 'prefix only'],
  [12345, 'number'],
  [null, 'null'],
  [true, 'boolean'],
  [[H('aa')], 'array'],
  [{ hex: H('aa') }, 'object'],
  [` ${H('aa')}`, 'leading space'],
  [`${H('aa')}\n`, 'trailing newline'],
  [`0x0x${'ab'.repeat(32)}`, 'double prefix'],
]
const BAD_HEIGHT: [unknown, string][] = [
  [-1, 'negative'],
  [1.5, 'fraction'],
  [4294967296, '2^32'],
  ['10', 'string'],
  [null, 'null'],
  [true, 'boolean'],
  [1e30, 'huge'],
  [[1], 'array'],
]
const BAD_BOOL: [unknown, string][] = [
  ['true', 'string'],
  [1, 'number'],
  [0, 'zero'],
  [null, 'null'],
]

function cases(): Case[] {
  const out: Case[] = []
  // 1. Methods outside the allowlist.
  for (const m of [
    'get_all_mempool_items', 'stop_node', 'get_routes', 'close_connection', 'open_connection', 'get_connections',
    'GET_BLOCKCHAIN_STATE', 'get-blockchain-state', '..%2Fetc%2Fpasswd', 'push_tx ', 'push_tx\u0000', 'a'.repeat(65),
    'healthz', 'get_block', 'create_signed_transaction', 'get_private_key',
  ]) out.push({ method: m, body: '{}', why: `method ${m.slice(0, 20)}`, status: 404, expect: /Unknown or disallowed/ })
  // 2. Bodies that are not JSON objects.
  for (const body of ['{', '}', '{"name":}', "{'name':'x'}", 'null', '[]', '"text"', '42', 'true', '{"a":1}{"b":2}', 'NaN', '{"name": 0x12}', '\u0000', '{"name":"x",}', '<xml/>', '{"name":"' + 'a'.repeat(10) + '}', '{"a":1,"a":2}']) {
    out.push({ method: 'get_coin_record_by_name', body, why: `body ${body.slice(0, 15)}`, expect: /JSON|object|parameter|name/ })
  }
  // 3. Every 32-byte hex parameter with every kind of bad value.
  const hexFields: [string, (v: unknown) => Record<string, unknown>][] = [
    ['get_coin_record_by_name', (v) => ({ name: v })],
    ['get_coin_records_by_hint', (v) => ({ hint: v })],
    ['get_coin_records_by_puzzle_hash', (v) => ({ puzzle_hash: v })],
    ['get_puzzle_and_solution', (v) => ({ coin_id: v, height: 1 })],
    ['get_mempool_items_by_coin_name', (v) => ({ coin_name: v })],
    ['get_mempool_item_by_tx_id', (v) => ({ tx_id: v })],
    ['get_additions_and_removals', (v) => ({ header_hash: v })],
    ['get_coin_records_by_names', (v) => ({ names: [H('aa'), v] })],
    ['get_coin_records_by_parent_ids', (v) => ({ parent_ids: [v] })],
    ['get_coin_records_by_puzzle_hashes', (v) => ({ puzzle_hashes: [v] })],
    ['push_tx', (v) => ({ spend_bundle: bundle({ coin_spends: [{ ...okSpend, coin: { ...okCoin, parent_coin_info: v } }] }) })],
  ]
  for (const [method, make] of hexFields) {
    for (const [v, what] of BAD_HEX32) out.push({ method, body: j(make(v)), why: `${method} hex ${what}`, expect: /hex|string|JSON|array|must/ })
  }
  // 4. Heights and ranges.
  for (const [v, what] of BAD_HEIGHT) {
    out.push({ method: 'get_block_record_by_height', body: j({ height: v }), why: `height ${what}`, expect: /height/ })
    out.push({ method: 'get_puzzle_and_solution', body: j({ coin_id: H('aa'), height: v }), why: `pas height ${what}`, expect: /height/ })
    out.push({ method: 'get_coin_records_by_hint', body: j({ hint: H('aa'), start_height: v }), why: `start ${what}`, expect: /start_height/ })
    out.push({ method: 'get_coin_records_by_puzzle_hash', body: j({ puzzle_hash: H('aa'), end_height: v }), why: `end ${what}`, expect: /end_height/ })
  }
  out.push({ method: 'get_coin_records_by_hint', body: j({ hint: H('aa'), start_height: 10, end_height: 5 }), why: 'start>end', expect: /start_height must not exceed end_height/ })
  // 5. Booleans.
  for (const [v, what] of BAD_BOOL) {
    for (const method of ['get_coin_records_by_hint', 'get_coin_records_by_names']) {
      const base = method === 'get_coin_records_by_hint' ? { hint: H('aa') } : { names: [H('aa')] }
      out.push({ method, body: j({ ...base, include_spent_coins: v }), why: `${method} bool ${what}`, expect: /include_spent_coins must be true or false/ })
    }
    out.push({ method: 'get_mempool_item_by_tx_id', body: j({ tx_id: H('aa'), include_pending: v }), why: `include_pending ${what}`, expect: /include_pending/ })
  }
  // 6. Array sizes and shapes.
  for (const field of ['names', 'parent_ids', 'puzzle_hashes']) {
    const method = { names: 'get_coin_records_by_names', parent_ids: 'get_coin_records_by_parent_ids', puzzle_hashes: 'get_coin_records_by_puzzle_hashes' }[field]!
    out.push({ method, body: j({ [field]: [] }), why: `${field} empty`, expect: /at least one/ })
    out.push({ method, body: j({ [field]: Array(501).fill(H('aa')) }), why: `${field} 501`, expect: /at most 500/ })
    out.push({ method, body: j({ [field]: H('aa') }), why: `${field} not array`, expect: /must be an array/ })
    out.push({ method, body: j({}), why: `${field} missing`, expect: /must be an array/ })
  }
  // 7. Missing and unknown parameters.
  for (const [method, good] of [
    ['get_blockchain_state', {}],
    ['get_network_info', {}],
    ['get_coin_record_by_name', { name: H('aa') }],
    ['get_coin_records_by_hint', { hint: H('aa') }],
    ['get_puzzle_and_solution', { coin_id: H('aa'), height: 1 }],
    ['get_block_record_by_height', { height: 1 }],
    ['get_additions_and_removals', { header_hash: H('aa') }],
    ['get_mempool_items_by_coin_name', { coin_name: H('aa') }],
    ['get_fee_estimate', { target_times: [60], cost: 1 }],
    ['push_tx', { spend_bundle: bundle() }],
  ] as [string, Record<string, unknown>][]) {
    out.push({ method, body: j({ ...good, bogus_key: 1 }), why: `${method} unknown key`, expect: /unknown parameter "bogus_key"/ })
    out.push({ method, body: j({ ...good, __proto__x: 1, extra: 'x' }), why: `${method} 2 unknown keys`, expect: /unknown parameter/ })
    for (const key of Object.keys(good)) {
      const rest = { ...good }
      delete rest[key]
      out.push({ method, body: j(rest), why: `${method} missing ${key}`, expect: new RegExp(key.replace(/_/g, '_')) })
    }
  }
  // 8. push_tx spend bundles.
  const pushBad: [unknown, string, RegExp][] = [
    [bundle({ coin_spends: [{ ...okSpend, coin: null }] }), 'null coin', /coin/],
    [bundle({ aggregated_signature: '0x' + '00'.repeat(95) }), 'sig 95 bytes', /aggregated_signature/],
    [bundle({ aggregated_signature: '0x' + '00'.repeat(97) }), 'sig 97 bytes', /aggregated_signature/],
    [bundle({ aggregated_signature: 7 }), 'sig number', /aggregated_signature/],
    [bundle({ coin_spends: [] }), 'no spends', /at least one/],
    [bundle({ coin_spends: Array(501).fill(okSpend) }), '501 spends', /at most 500/],
    [bundle({ coin_spends: okSpend }), 'spends not array', /array/],
    [bundle({ coin_spends: [{ ...okSpend, coin: { ...okCoin, amount: -1 } }] }), 'negative amount', /amount/],
    [bundle({ coin_spends: [{ ...okSpend, coin: { ...okCoin, amount: 2n ** 64n } }] }), 'amount 2^64', /amount/],
    [bundle({ coin_spends: [{ ...okSpend, coin: { ...okCoin, amount: 0.5 } }] }), 'amount fraction', /amount/],
    [bundle({ coin_spends: [{ ...okSpend, coin: { ...okCoin, amount: '1' } }] }), 'amount string', /amount/],
    [bundle({ coin_spends: [{ ...okSpend, puzzle_reveal: '0x8' }] }), 'odd reveal', /puzzle_reveal/],
    [bundle({ coin_spends: [{ ...okSpend, puzzle_reveal: '0x' }] }), 'empty reveal', /puzzle_reveal/],
    [bundle({ coin_spends: [{ ...okSpend, puzzle_reveal: 'xyz0' }] }), 'nonhex reveal', /puzzle_reveal/],
    [bundle({ coin_spends: [{ ...okSpend, solution: null }] }), 'null solution', /solution/],
    [bundle({ coin_spends: [{ ...okSpend, solution: '0x' + 'ff'.repeat(512 * 1024 + 1) }] }), 'huge solution', /solution|larger/],
    [bundle({ coin_spends: [{ ...okSpend, coin: { ...okCoin, extra: 1 } }] }), 'coin extra key', /unknown parameter/],
    [bundle({ coin_spends: [{ coin: okCoin, puzzle_reveal: '0x80' }] }), 'no solution', /solution/],
    [{ ...bundle(), memo: 'x' }, 'bundle extra key', /unknown parameter "memo"/],
  ]
  for (const [sb, what, re] of pushBad) {
    const body = sb === undefined ? '{}' : JSON.stringify({ spend_bundle: sb }, (_k, v) => (typeof v === 'bigint' ? `__${v}__` : v)).replace(/"__(\d+)__"/g, '$1')
    out.push({ method: 'push_tx', body, why: `push_tx ${what}`, expect: re, status: what === 'huge solution' ? undefined : 400 })
  }
  // 9. Fee estimates.
  const feeBad: [Record<string, unknown>, string, RegExp][] = [
    [{ target_times: [60, 120], spend_count: 1 }, 'none of three', /exactly one/],
    [{ target_times: [60], cost: 1, spend_type: 'cat_spend' }, 'two of three', /exactly one/],
    [{ target_times: [60], cost: 1, spend_bundle: bundle() }, 'cost and bundle', /exactly one/],
    [{ target_times: [60], spend_type: 'mint_everything' }, 'bad spend type', /spend_type must be one of/],
    [{ target_times: [], cost: 1 }, 'no times', /at least one/],
    [{ target_times: Array(11).fill(60), cost: 1 }, '11 times', /at most 10/],
    [{ target_times: [-5], cost: 1 }, 'negative time', /target_times/],
    [{ target_times: [60], cost: -1 }, 'negative cost', /cost/],
    [{ target_times: [60], cost: 11_000_000_001 }, 'cost above block', /cost/],
    [{ target_times: [60], cost: 1, spend_count: 2 }, 'count without type', /spend_count is only valid/],
    [{ target_times: [60], spend_type: 'cat_spend', spend_count: 0 }, 'zero count', /spend_count/],
    [{ target_times: '60', cost: 1 }, 'times string', /target_times/],
  ]
  for (const [p, what, re] of feeBad) out.push({ method: 'get_fee_estimate', body: j(p), why: `fee ${what}`, expect: re })
  return out
}

describe('POST /api/node/[method] with malformed requests', () => {
  const all = cases()

  it('has at least 200 distinct malformed requests', () => {
    expect(all.length).toBeGreaterThanOrEqual(200)
    expect(new Set(all.map((c) => `${c.method} ${c.body}`)).size).toBe(all.length)
  })

  it('answers every one with a 4xx and a clear message, and never calls the upstream', async () => {
    const before = node.calls.length
    const failures: string[] = []
    for (const [i, c] of all.entries()) {
      const req = new Request(`http://app/api/node/${encodeURIComponent(c.method)}`, {
        method: 'POST',
        body: c.body,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i % 250}` },
      })
      const res = await POST(req, { params: Promise.resolve({ method: c.method }) })
      const text = await res.text()
      let body: { success?: unknown; error?: unknown } = {}
      try {
        body = JSON.parse(text)
      } catch {
        failures.push(`${c.why}: non-JSON reply`)
        continue
      }
      const expected = c.status ?? 400
      if (c.status === undefined ? res.status < 400 || res.status > 499 : res.status !== expected) {
        failures.push(`${c.why}: HTTP ${res.status} ${text.slice(0, 120)}`)
      }
      if (body.success !== false || typeof body.error !== 'string' || body.error.length < 10) failures.push(`${c.why}: unclear ${text.slice(0, 80)}`)
      else if (c.expect && !c.expect.test(body.error)) failures.push(`${c.why}: message "${body.error}" does not match ${c.expect}`)
      if (/traceback|stack|at \w+ \(|\.ts:\d+/i.test(text)) failures.push(`${c.why}: leaks a stack`)
    }
    expect(failures).toEqual([])
    expect(node.calls.length).toBe(before)
  })

  it('still serves a well-formed request from the same route', async () => {
    const req = new Request('http://app/api/node/get_network_info', { method: 'POST', body: '{}' })
    const res = await POST(req, { params: Promise.resolve({ method: 'get_network_info' }) })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ success: true, genesis_challenge: TESTNET11 })
  })

  it('accepts an empty body as {} for parameterless methods', async () => {
    const req = new Request('http://app/api/node/get_blockchain_state', { method: 'POST' })
    const res = await POST(req, { params: Promise.resolve({ method: 'get_blockchain_state' }) })
    expect(res.status).toBe(200)
  })
})

describe('GET /api/health', () => {
  it('reports each upstream: reachable, peak, genesis match and breaker state', async () => {
    const res = await HEALTH()
    expect(res.status).toBe(200)
    const report = await res.json()
    expect(report.network).toBe('testnet11')
    expect(report.ok).toBe(true)
    expect(report.upstreams[0]).toMatchObject({ reachable: true, peakHeight: 77, genesisMatches: true, breaker: 'closed', genesisChallenge: TESTNET11 })
    expect(report.upstreams[1]).toMatchObject({ reachable: false })
    expect(report.upstreams[1].error).toMatch(/Could not reach/)
  })
})

describe('GET /api/stores/[launcherId]', () => {
  const get = (id: string) => STORE(new Request(`http://app/api/stores/${id}`), { params: Promise.resolve({ launcherId: id }) })

  for (const id of ['xyz', 'ab'.repeat(31), 'ab'.repeat(33), '0x', '', ' ', 'g'.repeat(64), `0x${'ab'.repeat(32)}00`]) {
    it(`400 for malformed id "${id.slice(0, 12)}"`, async () => {
      const res = await get(id)
      expect(res.status).toBe(400)
      const body = await res.json()
      expect(body.error.code).toBe('INVALID_STORE_ID')
      expect(body.error.message).toMatch(/store id/i)
    })
  }

  it('404 for an unknown coin', async () => {
    const res = await get('bb'.repeat(32))
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('STORE_NOT_FOUND')
  })

  it('404 for a coin that is not a store launcher', async () => {
    const res = await get(`0x${'AA'.repeat(32)}`)
    expect(res.status).toBe(404)
    const body = await res.json()
    expect(body.error).toMatchObject({ code: 'NOT_A_STORE' })
  })
})
