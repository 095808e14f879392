import { afterEach, describe, expect, it, vi } from 'vitest'

import { AddressPrefixMismatchError } from '@/lib/chia/keys/address'
import { FaucetFailedError, requestDevnetFunds } from '@/lib/wallet/devnet-faucet'

const txch = 'txch1pene8c3pnvr86gu86tazat88qz4z8vq8h44m0d7dqxrp3rmjcxfs89mqsd'
const xch = 'xch1pene8c3pnvr86gu86tazat88qz4z8vq8h44m0d7dqxrp3rmjcxfs2zuk37'

function fakeFetch(answers: Record<string, { status?: number; body: unknown }>) {
  const calls: { url: string; body: unknown }[] = []
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)) })
    const method = url.split('/').at(-1)!
    const a = answers[method] ?? { status: 404, body: { success: false, error: 'no such method' } }
    return new Response(JSON.stringify(a.body), { status: a.status ?? 200 })
  }) as unknown as typeof fetch
  return { impl, calls }
}

describe('requestDevnetFunds', () => {
  it('farms a block to the address, then issues DIG', async () => {
    const { impl, calls } = fakeFetch({ farm_block: { body: { success: true } }, create_dig: { body: { success: true } } })
    const grant = await requestDevnetFunds({ rpcUrl: 'http://127.0.0.1:18555/', address: txch, fetchImpl: impl })
    expect(grant).toEqual({ address: txch, blocks: 1, digMojos: '1000000' })
    expect(calls).toEqual([
      { url: 'http://127.0.0.1:18555/farm_block', body: { address: txch, blocks: 1, guarantee_tx_block: true } },
      { url: 'http://127.0.0.1:18555/create_dig', body: { address: txch, amount: 1000000 } },
    ])
  })

  it('refuses a mainnet address before calling the devnet', async () => {
    const { impl, calls } = fakeFetch({})
    await expect(requestDevnetFunds({ rpcUrl: 'http://x', address: xch, fetchImpl: impl })).rejects.toBeInstanceOf(AddressPrefixMismatchError)
    expect(calls).toHaveLength(0)
  })

  it('reports devnet errors (success:false) and unreachable devnets as FaucetFailedError', async () => {
    const { impl } = fakeFetch({ farm_block: { body: { success: false, error: 'not a simulator' } } })
    await expect(requestDevnetFunds({ rpcUrl: 'http://x', address: txch, fetchImpl: impl })).rejects.toThrow(/farm_block: not a simulator/)
    const down = (async () => {
      throw new TypeError('fetch failed')
    }) as unknown as typeof fetch
    await expect(requestDevnetFunds({ rpcUrl: 'http://x', address: txch, fetchImpl: down })).rejects.toBeInstanceOf(FaucetFailedError)
  })
})

describe('POST /api/faucet', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.unstubAllGlobals()
    vi.resetModules()
  })

  const post = async (body: unknown) => {
    const { POST } = await import('@/app/api/faucet/route')
    return POST(new Request('http://localhost/api/faucet', { method: 'POST', body: JSON.stringify(body) }))
  }

  it.each(['mainnet', 'testnet11'])('is a 404 on %s', async (network) => {
    vi.stubEnv('CHIA_NETWORK', network)
    const fetchSpy = vi.fn()
    vi.stubGlobal('fetch', fetchSpy)
    const res = await post({ address: txch })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'notFound' } })
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('on devnet: 400 for a bad body or address, 200 with the grant otherwise', async () => {
    vi.stubEnv('CHIA_NETWORK', 'devnet')
    vi.stubEnv('FULL_NODE_URLS', '')
    const { impl, calls } = fakeFetch({ farm_block: { body: { success: true } }, create_dig: { body: { success: true } } })
    vi.stubGlobal('fetch', impl)
    expect((await post({})).status).toBe(400)
    const bad = await post({ address: xch })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { code: 'invalidAddress' } })
    const ok = await post({ address: txch })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ address: txch, blocks: 1 })
    expect(calls[0].url).toBe('http://127.0.0.1:18555/farm_block')
  })
})
