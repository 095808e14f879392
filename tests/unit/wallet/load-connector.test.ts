import { describe, expect, it } from 'vitest'

import type { BurnerConnector } from '@/lib/wallet/burner-connector'
import { FaucetRequestError, loadConnector, requestFaucetFunds } from '@/lib/wallet/load-connector'

const metadata = { name: 'DataLayer Studio', description: '', url: 'http://localhost', icons: [] }

function memoryStorage() {
  const map = new Map<string, string>()
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) }
}

describe('loadConnector', () => {
  it('loads each kind lazily with the right availability', async () => {
    const wc = await loadConnector('walletconnect', { network: 'mainnet', metadata })
    expect(wc.kind).toBe('walletconnect')
    expect(wc.isAvailable()).toBe(false) // no project id configured
    expect((await loadConnector('walletconnect', { network: 'mainnet', metadata, walletConnectProjectId: 'ab'.repeat(16) })).isAvailable()).toBe(true)
    expect((await loadConnector('injected', { network: 'mainnet', metadata })).isAvailable()).toBe(false) // no window.chia in Node
    expect((await loadConnector('burner', { network: 'mainnet', metadata, storage: memoryStorage() })).isAvailable()).toBe(false)
  })

  it('wires the burner to the faucet route and the node proxy', async () => {
    const calls: { url: string; body: string }[] = []
    const fetchImpl = (async (url: string, init: RequestInit) => {
      calls.push({ url, body: String(init.body) })
      if (url === '/api/faucet') return Response.json({ address: JSON.parse(String(init.body)).address, blocks: 1 })
      return Response.json({ success: true, coin_records: [] })
    }) as unknown as typeof fetch
    const burner = (await loadConnector('burner', { network: 'devnet', metadata, storage: memoryStorage(), fetch: fetchImpl })) as BurnerConnector
    const wallet = await burner.connect()
    expect(await wallet.fund()).toMatchObject({ address: wallet.address })
    expect(await wallet.getSpendableCoins()).toEqual([])
    expect(calls.map((c) => c.url)).toEqual(['/api/faucet', '/api/node/get_coin_records_by_puzzle_hashes'])
    expect(JSON.parse(calls[1].body)).toMatchObject({ include_spent_coins: false })
  })
})

describe('requestFaucetFunds', () => {
  it('surfaces the route error message', async () => {
    const fetchImpl = (async () => Response.json({ error: { code: 'notFound', message: 'The faucet exists only on the devnet.' } }, { status: 404 })) as unknown as typeof fetch
    const error = await requestFaucetFunds('txch1x', { fetchImpl }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FaucetRequestError)
    expect((error as FaucetRequestError).shortMessage).toBe('The faucet exists only on the devnet.')
    expect((error as FaucetRequestError).details).toBe('HTTP 404 notFound')
  })
})
