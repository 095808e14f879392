import { describe, expect, it } from 'vitest'

import { createHealthCheck, genesisMatchesNetwork } from '@/lib/chain/upstream-health'
import type { UpstreamPool } from '@/lib/chain/upstream-pool'
import { MAINNET_GENESIS_CHALLENGE, TESTNET11_GENESIS_CHALLENGE } from '@/lib/chia/primitives/network'
import { bytesToHex } from '@/lib/chia/primitives/bytes'

const fakePool = (genesis: Uint8Array) => {
  let calls = 0
  const pool = {
    size: 1,
    close() {},
    status: () => [{ url: 'https://user:secret@node.example:8555/key/123', breaker: 'closed' as const, consecutiveFailures: 0 }],
    request: async () => {
      throw new Error('unused')
    },
    requestFrom: async (_i: number, method: string) => {
      calls++
      return method === 'get_network_info'
        ? { success: true, genesis_challenge: `0x${bytesToHex(genesis)}` }
        : { success: true, blockchain_state: { peak: { height: 42 }, sync: { synced: true } } }
    },
  } satisfies UpstreamPool
  return { pool, calls: () => calls }
}

describe('upstream health', () => {
  it('checks the genesis challenge against the configured network', () => {
    expect(genesisMatchesNetwork(MAINNET_GENESIS_CHALLENGE, 'mainnet')).toBe(true)
    expect(genesisMatchesNetwork(TESTNET11_GENESIS_CHALLENGE, 'mainnet')).toBe(false)
    expect(genesisMatchesNetwork(TESTNET11_GENESIS_CHALLENGE, 'testnet11')).toBe(true)
    expect(genesisMatchesNetwork(new Uint8Array(32).fill(9), 'devnet')).toBe(true)
    expect(genesisMatchesNetwork(MAINNET_GENESIS_CHALLENGE, 'devnet')).toBe(false)
  })

  it('reports a mainnet node on a testnet11 app as not matching, and hides URL secrets', async () => {
    const { pool } = fakePool(MAINNET_GENESIS_CHALLENGE)
    const report = await createHealthCheck(pool, 'testnet11', () => 0)()
    expect(report.ok).toBe(false)
    expect(report.upstreams[0]).toMatchObject({ upstream: 'https://node.example:8555', reachable: true, peakHeight: 42, genesisMatches: false })
    expect(JSON.stringify(report)).not.toMatch(/secret|key\/123/)
  })

  it('answers from the last report for the TTL and coalesces concurrent calls', async () => {
    let t = 0
    const { pool, calls } = fakePool(MAINNET_GENESIS_CHALLENGE)
    const health = createHealthCheck(pool, 'mainnet', () => t, 2_000)
    await Promise.all([health(), health(), health()])
    expect(calls()).toBe(2)
    t = 1_999
    await health()
    expect(calls()).toBe(2)
    t = 2_000
    expect((await health()).ok).toBe(true)
    expect(calls()).toBe(4)
  })
})
