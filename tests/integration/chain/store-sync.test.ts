/**
 * Store sync against a real (in-process) devnet over its full-node RPC, through our upstream pool
 * and proxy: hinted stores in few round trips, reference-wallet (hint-less) stores by the
 * parent walk, melted stores ending with a melt entry, and the JSON view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadStoreView } from '@/lib/chain/load-store-view'
import { createMemoryCache } from '@/lib/chain/memory-cache'
import { createNodeProxy } from '@/lib/chain/node-proxy'
import { createRpcClient, type ChainClient } from '@/lib/chain/rpc-client'
import { createStoreSpendParser } from '@/lib/chain/store-spend-parser'
import { createSharedParseMemo } from '@/lib/chain/shared-parse-memo'
import { NotAStoreError, syncStore, type StoreSpendOutcome } from '@/lib/chain/store-sync'
import { createUpstream } from '@/lib/chain/upstream'
import { createUpstreamPool } from '@/lib/chain/upstream-pool'
import { bytesToHex, equalBytes } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import { updateDataStore } from '@/lib/chia/datastore/update-data-store'
import { signCoinSpends } from '@/lib/chia/spends/sign-coin-spends'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'

import { buildStore, key, startDevnetChain, type BuiltStore, type DevnetChain } from './devnet-store'

let chain: DevnetChain
let client: ChainClient
let upstreamCalls = 0
const parser = createStoreSpendParser(createClvmRsRunner())
let hinted: BuiltStore
let writerStore: BuiltStore
let hintless: BuiltStore
let melted: BuiltStore

beforeAll(async () => {
  chain = await startDevnetChain()
  hinted = buildStore(chain.devnet, { updates: 12 })
  writerStore = buildStore(chain.devnet, { updates: 6, writerEvery: 2 })
  hintless = buildStore(chain.devnet, { updates: 5, hintless: true })
  melted = buildStore(chain.devnet, { updates: 3, melt: true })
  chain.devnet.farmBlocks(40)
  const upstream = createUpstream({ url: chain.url })
  const counting = { ...upstream, post: (m: string, b: string, t: number) => (upstreamCalls++, upstream.post(m, b, t)) }
  const pool = createUpstreamPool({ upstreams: [counting], now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) })
  const proxy = createNodeProxy({ pool, cache: createMemoryCache({ now: Date.now }), now: Date.now })
  client = createRpcClient(proxy.call)
}, 120_000)
afterAll(async () => {
  await chain?.close()
})

describe('syncStore on the devnet', () => {
  it('loads a hinted store: every generation in order, roots and heights from the chain', async () => {
    const h = await syncStore(client, hinted.launcherId, { parser })
    expect(h).toBeDefined()
    expect(h!.lineageSource).toBe('hint')
    expect(h!.entries.map((e) => bytesToHex(e.state.rootHash))).toEqual(hinted.roots.map(bytesToHex))
    expect(h!.entries.map((e) => e.generation)).toEqual(hinted.roots.map((_, i) => i))
    expect(h!.entries.map((e) => e.authority)).toEqual(hinted.authorities)
    expect(equalBytes(h!.entries.at(-1)!.coinId, coinId(hinted.store!.coin))).toBe(true)
    expect(h!.entries.at(-1)!.record.spentBlockIndex).toBe(0)
    for (let i = 1; i < h!.entries.length; i++) {
      expect(h!.entries[i].record.confirmedBlockIndex).toBe(h!.entries[i - 1].record.spentBlockIndex)
    }
    expect(h!.melt).toBeUndefined()
    // 1 parallel wave (launcher, hint, eve) + 1 wave of spends: not one round trip per generation.
    expect(h!.sequentialRoundTrips).toBe(2)
  })

  it('names the authority of writer updates', async () => {
    const h = await syncStore(client, writerStore.launcherId, { parser })
    expect(h!.entries.map((e) => e.authority)).toEqual(writerStore.authorities)
    expect(h!.entries[0].state.delegatedPuzzles).toHaveLength(1)
  })

  it('falls back to the parent walk for stores without hints (reference wallet)', async () => {
    const h = await syncStore(client, hintless.launcherId, { parser })
    expect(h!.lineageSource).toBe('parent-walk')
    expect(h!.entries.map((e) => bytesToHex(e.state.rootHash))).toEqual(hintless.roots.map(bytesToHex))
    expect(h!.sequentialRoundTrips).toBeGreaterThan(2)
  })

  it('ends a melted store with a melt entry', async () => {
    const h = await syncStore(client, melted.launcherId, { parser })
    expect(h!.entries).toHaveLength(4)
    expect(h!.melt).toMatchObject({ authority: 'owner' })
    expect(equalBytes(h!.melt!.coinId, h!.entries.at(-1)!.coinId)).toBe(true)
    expect(h!.melt!.height).toBe(h!.entries.at(-1)!.record.spentBlockIndex)
  })

  it('returns undefined for an unknown id and refuses a non-launcher coin', async () => {
    expect(await syncStore(client, new Uint8Array(32).fill(7), { parser })).toBeUndefined()
    const someCoin = hinted.store!.coin
    await expect(syncStore(client, coinId(someCoin), { parser })).rejects.toBeInstanceOf(NotAStoreError)
  })

  it('a second sync is served from the cache and the parse memo', async () => {
    const memo = new Map<string, StoreSpendOutcome>()
    await syncStore(client, hinted.launcherId, { parser, memo })
    const before = upstreamCalls
    const again = await syncStore(client, hinted.launcherId, { parser, memo })
    expect(again!.entries).toHaveLength(13)
    // Only tip data may be refetched (hint list, launcher children, launcher record): no spends.
    expect(upstreamCalls - before).toBeLessThanOrEqual(3)
    expect(memo.size).toBe(13)
  })
})

describe('parse memo shared between server instances', () => {
  it('a second instance with an empty memo fetches and parses no deep spend again', async () => {
    const shared = createMemoryCache({ now: Date.now })
    let puzzleCalls = 0
    const instance = () => {
      const upstream = createUpstream({ url: chain.url })
      const counting = {
        ...upstream,
        post: (m: string, b: string, t: number) => {
          if (m === 'get_puzzle_and_solution') puzzleCalls++
          return upstream.post(m, b, t)
        },
      }
      const pool = createUpstreamPool({ upstreams: [counting], now: Date.now, sleep: async () => {} })
      return createRpcClient(createNodeProxy({ pool, cache: createMemoryCache({ now: Date.now }), now: Date.now }).call)
    }
    const first = await syncStore(instance(), hinted.launcherId, { parser, memo: createSharedParseMemo(shared) })
    expect(puzzleCalls).toBe(13)
    puzzleCalls = 0
    const second = await syncStore(instance(), hinted.launcherId, { parser, memo: createSharedParseMemo(shared) })
    expect(puzzleCalls).toBe(0)
    expect(second!.entries.map((e) => bytesToHex(e.coinId))).toEqual(first!.entries.map((e) => bytesToHex(e.coinId)))
    expect(second!.entries.map((e) => e.authority)).toEqual(first!.entries.map((e) => e.authority))
  })
})

describe('syncStore across a reorg', () => {
  it('re-parses generations whose spends moved to other heights, reusing the memo for the rest', async () => {
    const reorged = buildStore(chain.devnet, { updates: 6 })
    const memo = new Map<string, StoreSpendOutcome>()
    const fresh = () =>
      createRpcClient(
        createNodeProxy({
          pool: createUpstreamPool({ upstreams: [createUpstream({ url: chain.url })], now: Date.now, sleep: async () => {} }),
          cache: createMemoryCache({ now: Date.now }),
          now: Date.now,
        }).call,
      )
    const before = await syncStore(fresh(), reorged.launcherId, { parser, memo })
    expect(before!.entries).toHaveLength(7)
    // Undo the last three blocks (three updates): their bundles return to the mempool and confirm again later.
    chain.devnet.reorgBlocks(3, 4)
    chain.devnet.farmBlocks(3)
    const after = await syncStore(fresh(), reorged.launcherId, { parser, memo })
    // Whatever the chain kept (chained re-spends may be dropped), the history matches it exactly.
    const n = after!.entries.length
    expect(n).toBeGreaterThanOrEqual(4)
    expect(after!.entries.map((e) => bytesToHex(e.state.rootHash))).toEqual(reorged.roots.slice(0, n).map(bytesToHex))
    expect(after!.entries[n - 1].record.spentBlockIndex).toBe(0)
    expect(after!.entries[4].record.confirmedBlockIndex).not.toBe(before!.entries[4].record.confirmedBlockIndex)
    for (let i = 1; i < after!.entries.length; i++) {
      expect(after!.entries[i].record.confirmedBlockIndex).toBe(after!.entries[i - 1].record.spentBlockIndex)
    }
  })
})

describe('store view', () => {
  it('builds the GET /api/stores JSON for a live store', async () => {
    const view = await loadStoreView(client, hinted.launcherId, { network: 'devnet', parser })
    expect(view).toMatchObject({
      launcherId: `0x${bytesToHex(hinted.launcherId)}`,
      network: 'devnet',
      status: 'live',
      current: {
        coinId: `0x${bytesToHex(coinId(hinted.store!.coin))}`,
        rootHash: `0x${bytesToHex(hinted.roots.at(-1)!)}`,
        label: 'bench store',
        bytes: 1024n,
        ownerPuzzleHash: `0x${bytesToHex(key('owner').puzzleHash)}`,
        delegatedPuzzles: [],
      },
    })
    expect(view!.current.ownerAddress).toMatch(/^txch1/)
    expect(view!.history).toHaveLength(13)
    expect(view!.history[0]).toMatchObject({ generation: 0, authority: 'mint' })
    expect(view!.history[12].spentHeight).toBeUndefined()
    expect(typeof view!.history[3].timestamp).toBe('bigint')
    expect(view!.creationHeight).toBeGreaterThan(0)
    expect(view!.creationHeight).toBeLessThan(view!.history[0].confirmedHeight + 1)
  })

  it('a view read back from the view cache has the same values and types as a fresh one', async () => {
    const viewCache = createMemoryCache({ now: Date.now })
    const fresh = await loadStoreView(client, writerStore.launcherId, { network: 'devnet', parser, viewCache })
    const cached = await loadStoreView(client, writerStore.launcherId, { network: 'devnet', parser, viewCache })
    expect(viewCache.stats().hits).toBe(1)
    expect(cached).toEqual(fresh)
    expect(typeof cached!.current.bytes).toBe('bigint')
    expect(typeof cached!.history[0].timestamp).toBe('bigint')
  })

  it('reports melted stores with their final state', async () => {
    const view = await loadStoreView(client, melted.launcherId, { network: 'devnet', parser })
    expect(view!.status).toBe('melted')
    expect(view!.melt?.authority).toBe('owner')
    expect(view!.current.rootHash).toBe(`0x${bytesToHex(melted.roots.at(-1)!)}`)
  })

  it('reports a pending update while the tip has a mempool spend', async () => {
    const owner = key('owner')
    const r = updateDataStore({ store: hinted.store!, spender: { role: 'owner', syntheticKey: owner.publicKey }, rootHash: new Uint8Array(32).fill(9) })
    const aggregatedSignature = signCoinSpends(r.coinSpends, [owner.secretKey], {
      genesisChallenge: chain.devnet.genesisChallenge,
      runner: createClvmRsRunner(),
      partial: true,
    })
    chain.devnet.pushTx({ coinSpends: r.coinSpends, aggregatedSignature })
    const fresh = createRpcClient(
      createNodeProxy({
        pool: createUpstreamPool({ upstreams: [createUpstream({ url: chain.url })], now: Date.now, sleep: async () => {} }),
        cache: createMemoryCache({ now: Date.now }),
        now: Date.now,
      }).call,
    )
    const view = await loadStoreView(fresh, hinted.launcherId, { network: 'devnet', parser })
    expect(view!.status).toBe('pending')
    expect(view!.current.rootHash).toBe(`0x${bytesToHex(hinted.roots.at(-1)!)}`)
  })

  it('lists writer delegates', async () => {
    const view = await loadStoreView(client, writerStore.launcherId, { network: 'devnet', parser })
    expect(view!.current.delegatedPuzzles).toEqual([{ type: 'writer', innerPuzzleHash: expect.stringMatching(/^0x[0-9a-f]{64}$/) }])
  })
})

describe('GET /api/stores/[launcherId] and /api/health on the devnet', () => {
  it('serves the store JSON through the app singletons (env → upstream pool → devnet)', async () => {
    process.env.CHIA_NETWORK = 'devnet'
    process.env.FULL_NODE_URLS = chain.url
    delete process.env.REDIS_URL
    const { GET } = await import('@/app/api/stores/[launcherId]/route')
    const id = `0x${bytesToHex(hinted.launcherId)}`
    const res = await GET(new Request(`http://app/api/stores/${id}`), { params: Promise.resolve({ launcherId: id }) })
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).toContain('"bytes":1024')
    const view = JSON.parse(text)
    expect(view).toMatchObject({ launcherId: id, network: 'devnet', creationHeight: expect.any(Number) })
    expect(view.history.length).toBeGreaterThanOrEqual(13)
    expect(view.history[0]).toMatchObject({ generation: 0, authority: 'mint', rootHash: `0x${bytesToHex(hinted.roots[0])}` })
    const melt = `0x${bytesToHex(melted.launcherId)}`
    const meltRes = await GET(new Request(`http://app/api/stores/${melt}`), { params: Promise.resolve({ launcherId: melt }) })
    expect((await meltRes.json()).status).toBe('melted')
  })

  it('health: the devnet upstream is reachable and not a public network', async () => {
    const { GET } = await import('@/app/api/health/route')
    const report = await (await GET()).json()
    expect(report).toMatchObject({ ok: true, network: 'devnet' })
    expect(report.upstreams[0]).toMatchObject({ reachable: true, genesisMatches: true, breaker: 'closed' })
    expect(report.upstreams[0].peakHeight).toBe(chain.devnet.peak.height)
  })
})
