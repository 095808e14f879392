import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ChainCache } from '@/lib/chain/chain-cache'
import { createNodeProxy } from '@/lib/chain/node-proxy'
import { createRedisCache } from '@/lib/chain/redis-cache'
import { createUpstream } from '@/lib/chain/upstream'
import { createUpstreamPool } from '@/lib/chain/upstream-pool'

import { startFakeFullNode, type FakeFullNode } from './fake-full-node'
import { startRedisServer, type RedisProcess } from './redis-server'

const H = (byte: string) => `0x${byte.repeat(32)}`

let redis: RedisProcess
let node: FakeFullNode
const caches: ChainCache[] = []

beforeAll(async () => {
  redis = await startRedisServer()
  node = await startFakeFullNode({
    get_blockchain_state: () => ({ blockchain_state: { peak: { height: 500 } } }),
    get_puzzle_and_solution: (p) => ({
      coin_solution: {
        coin: { parent_coin_info: H('11'), puzzle_hash: H('22'), amount: 18446744073709551615n },
        puzzle_reveal: '0xff0180',
        solution: `0x${p.height === 3 ? '80' : '01'}`,
      },
    }),
  })
}, 320_000)
afterAll(async () => {
  await Promise.all(caches.map((c) => c.close()))
  await node?.close()
  await redis?.stop()
})

const cache = (prefix = 'test:') => {
  const c = createRedisCache({ url: redis.url, prefix })
  caches.push(c)
  return c
}

const instance = (c: ChainCache) =>
  createNodeProxy({
    pool: createUpstreamPool({
      upstreams: [createUpstream({ url: node.url })],
      now: Date.now,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    }),
    cache: c,
    now: Date.now,
  })

describe('Redis-backed cache (real redis-server)', () => {
  it('stores, reads and expires values', async () => {
    const c = cache('unit:')
    expect(await c.get('missing')).toBeUndefined()
    await c.set('forever', '{"a":18446744073709551615}')
    await c.set('brief', 'x', 50)
    expect(await c.get('forever')).toBe('{"a":18446744073709551615}')
    expect(await c.get('brief')).toBe('x')
    await new Promise((r) => setTimeout(r, 120))
    expect(await c.get('brief')).toBeUndefined()
    expect(c.stats()).toMatchObject({ hits: 2, misses: 2, sets: 2 })
  })

  it('lets two server instances share immutable replies: the second is a hit with no upstream call', async () => {
    const first = instance(cache('shared:'))
    const second = instance(cache('shared:'))
    const req = () =>
      new Request('http://app/api/node/get_puzzle_and_solution', {
        method: 'POST',
        body: JSON.stringify({ coin_id: H('ab'), height: 3 }),
      })
    const a = await first.handle('get_puzzle_and_solution', req())
    expect(a.headers.get('x-cache')).toBe('miss')
    const textA = await a.text()
    expect(textA).toContain('18446744073709551615')
    const before = node.calls.filter((c) => c.method === 'get_puzzle_and_solution').length
    const b = await second.handle('get_puzzle_and_solution', req())
    expect(b.headers.get('x-cache')).toBe('hit')
    expect(await b.text()).toBe(textA)
    expect(node.calls.filter((c) => c.method === 'get_puzzle_and_solution').length).toBe(before)
  })

  it('degrades to cache misses, not failures, when Redis is unreachable', async () => {
    const broken = createRedisCache({ url: 'redis://127.0.0.1:1', prefix: 'x:' })
    caches.push(broken)
    const proxy = instance(broken)
    const res = await proxy.handle(
      'get_puzzle_and_solution',
      new Request('http://app/api/node/get_puzzle_and_solution', {
        method: 'POST',
        body: JSON.stringify({ coin_id: H('cd'), height: 4 }),
      }),
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('x-cache')).toBe('miss')
  })
})
