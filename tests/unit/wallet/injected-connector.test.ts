import { describe, expect, it } from 'vitest'

import { bytesToHex } from '@/lib/chia/primitives/bytes'
import { type Chip0002Provider, createInjectedConnector } from '@/lib/wallet/injected-connector'
import { WalletNetworkMismatchError, WalletRejectedError, WalletTimeoutError, WalletUnavailableError } from '@/lib/wallet/wallet-errors'

const owner = {
  syntheticPublicKey: 'a1269a37de04a186a417fea2ed3e646731d5533245e73b2732f2fe8570564532de0c2d46e5fdef49c2efa444d0c9aae9',
  puzzleHash: '0e6793e2219b067d2387d2fa2eace700aa23b007bd6bb7b7cd0186188f72c193',
  xchAddress: 'xch1pene8c3pnvr86gu86tazat88qz4z8vq8h44m0d7dqxrp3rmjcxfs2zuk37',
}
const sig = `a8${'00'.repeat(95)}`

type Handler = (params: unknown) => unknown
const rpcError = (code: number, message: string) => Object.assign(new Error(message), { code })

function goby(overrides: Partial<Record<string, Handler>> = {}): Chip0002Provider & { calls: { method: string; params: unknown }[] } {
  const calls: { method: string; params: unknown }[] = []
  const handlers: Record<string, Handler> = {
    connect: () => true,
    chainId: () => '0x01',
    getPublicKeys: () => [owner.syntheticPublicKey],
    signCoinSpends: () => sig,
    signMessage: () => sig,
    ...overrides,
  }
  return {
    isGoby: true,
    selectedAddress: `0x${owner.puzzleHash}`,
    calls,
    async request({ method, params }) {
      calls.push({ method, params })
      const h = handlers[method]
      if (!h) throw rpcError(4004, 'Method not found')
      return h(params)
    },
  }
}

describe('injected CHIP-0002 connector', () => {
  it('is unavailable without window.chia and says so when asked to connect', async () => {
    const c = createInjectedConnector({ network: 'mainnet', getProvider: () => undefined })
    expect(c.isAvailable()).toBe(false)
    await expect(c.connect()).rejects.toBeInstanceOf(WalletUnavailableError)
    expect(await c.restore()).toBeUndefined()
  })

  it('connects to Goby (chainId "0x01" is mainnet) and reads the address from selectedAddress', async () => {
    const provider = goby()
    const c = createInjectedConnector({ network: 'mainnet', getProvider: () => provider })
    expect(c.label).toBe('Goby')
    const wallet = await c.connect()
    expect(wallet.account.walletName).toBe('Goby')
    expect(await wallet.getAddress()).toBe(owner.xchAddress)
    expect(provider.calls.map((x) => x.method)).toEqual(['connect', 'chainId'])
  })

  it('refuses a wallet on another network', async () => {
    const c = createInjectedConnector({ network: 'testnet11', getProvider: () => goby() })
    await expect(c.connect()).rejects.toBeInstanceOf(WalletNetworkMismatchError)
  })

  it('maps Goby rejection (4001 "User rejected the request.") to WalletRejectedError', async () => {
    const provider = goby({
      signCoinSpends: () => {
        throw rpcError(4001, 'User rejected the request.')
      },
    })
    const wallet = await createInjectedConnector({ network: 'mainnet', getProvider: () => provider }).connect()
    await expect(wallet.signCoinSpends([])).rejects.toBeInstanceOf(WalletRejectedError)
  })

  it('times out when the extension never answers', async () => {
    const provider = goby({ signCoinSpends: () => new Promise(() => undefined) })
    const wallet = await createInjectedConnector({ network: 'mainnet', getProvider: () => provider, signTimeoutMs: 50 }).connect()
    await expect(wallet.signCoinSpends([])).rejects.toBeInstanceOf(WalletTimeoutError)
  })

  it('signMessage finds the key behind the address and sends the message as hex', async () => {
    const provider = goby()
    const wallet = await createInjectedConnector({ network: 'mainnet', getProvider: () => provider }).connect()
    const signed = await wallet.signMessage({ message: 'hi', address: owner.xchAddress })
    expect(bytesToHex(signed.publicKey)).toBe(owner.syntheticPublicKey)
    expect(provider.calls.at(-1)).toEqual({ method: 'signMessage', params: { message: '6869', publicKey: owner.syntheticPublicKey } })
  })

  it('the DIG Browser uses Sage method names for address and message signing', async () => {
    const provider: Chip0002Provider = {
      isDIG: true,
      async request({ method }) {
        if (method === 'connect') return true
        if (method === 'chainId') return 'mainnet'
        if (method === 'chia_getAddress') return { address: owner.xchAddress }
        if (method === 'chia_signMessageByAddress') return { publicKey: owner.syntheticPublicKey, signature: sig }
        throw rpcError(4001, `Unsupported method: ${method}`)
      },
    }
    const wallet = await createInjectedConnector({ network: 'mainnet', getProvider: () => provider }).connect()
    expect(await wallet.getAddress()).toBe(owner.xchAddress)
    expect((await wallet.signMessage({ message: 'x', address: owner.xchAddress })).signature).toHaveLength(96)
  })
})
