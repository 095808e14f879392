/**
 * Builds a connector on demand, wired to the app: the node proxy for chain reads, the faucet
 * route, the browser CLVM runner and the network's genesis challenge for local signature checks.
 * Every connector module is a dynamic import, so none of them (nor sign-client, nor the BLS code)
 * is in the first-load bundle: they load when the user picks a wallet, or when a previous choice
 * is restored.
 */
import { AppError } from '@/lib/chia/errors/app-error'
import type { SigningContext } from '@/lib/chia/spends/sign-coin-spends'
import type { NetworkName } from '@/lib/chia/primitives/network'

import type { BurnerConnector } from './burner-connector'
import type { InjectedConnector } from './injected-connector'
import type { WalletKind } from './wallet'
import type { WalletConnectConnector, WalletConnectMetadata } from './walletconnect-connector'

export interface AppWalletConfig {
  network: NetworkName
  walletConnectProjectId?: string
  walletConnectRelayUrl?: string
  metadata: WalletConnectMetadata
  /** Base of the full-node proxy (`/api/node`). */
  nodeBaseUrl?: string
  /** The faucet route (`/api/faucet`). */
  faucetUrl?: string
  /** Browser storage for the burner mnemonic. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
  fetch?: typeof fetch
}

export type LoadedConnector = WalletConnectConnector | InjectedConnector | BurnerConnector

/** The faucet refused or failed; carries the server's message. */
export class FaucetRequestError extends AppError {
  override name = 'FaucetRequestError' as const
  constructor({ status, code, message }: { status: number; code?: string; message: string }) {
    super(message, { details: `HTTP ${status}${code ? ` ${code}` : ''}` })
  }
}

/**
 * Posts `{address}` to the faucet route and returns its grant.
 *
 * @example
 * await requestFaucetFunds('txch1…')
 */
export async function requestFaucetFunds(address: string, { url = '/api/faucet', fetchImpl = globalThis.fetch } = {}): Promise<unknown> {
  const res = await fetchImpl(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ address }) })
  const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }
  if (!res.ok) throw new FaucetRequestError({ status: res.status, code: body.error?.code, message: body.error?.message ?? 'The faucet did not answer.' })
  return body
}

/**
 * Loads and configures the connector of one kind.
 *
 * @example
 * const wc = (await loadConnector('walletconnect', config)) as WalletConnectConnector
 */
export async function loadConnector(kind: WalletKind, config: AppWalletConfig): Promise<LoadedConnector> {
  const fetchImpl = config.fetch ?? globalThis.fetch.bind(globalThis)
  const nodeBaseUrl = config.nodeBaseUrl ?? '/api/node'

  const chainClient = async () => {
    const [{ createRpcClient }, { createHttpRpcCall }] = await Promise.all([import('@/lib/chain/rpc-client'), import('@/lib/chain/http-rpc-call')])
    return createRpcClient(createHttpRpcCall({ baseUrl: nodeBaseUrl, fetch: fetchImpl }))
  }

  let signing: Promise<SigningContext> | undefined
  const signingContext = () => {
    signing ??= (async () => {
      const [{ createTsRunner }, network] = await Promise.all([import('@/lib/chia/clvm/run-program'), import('@/lib/chia/primitives/network')])
      const runner = createTsRunner()
      if (config.network === 'mainnet') return { genesisChallenge: network.MAINNET_GENESIS_CHALLENGE, runner }
      if (config.network === 'testnet11') return { genesisChallenge: network.TESTNET11_GENESIS_CHALLENGE, runner }
      // The devnet has its own genesis challenge; ask it.
      const info = await (await chainClient()).getNetworkInfo()
      return { genesisChallenge: info.genesisChallenge, runner }
    })()
    signing.catch(() => {
      signing = undefined
    })
    return signing
  }

  if (kind === 'walletconnect') {
    const [{ createWalletConnectConnector }, { walletSignatureVerifier }] = await Promise.all([
      import('./walletconnect-connector'),
      import('./verify-wallet-signature'),
    ])
    return createWalletConnectConnector({
      network: config.network,
      projectId: config.walletConnectProjectId,
      relayUrl: config.walletConnectRelayUrl,
      metadata: config.metadata,
      verifySignature: walletSignatureVerifier(signingContext),
    })
  }
  if (kind === 'injected') {
    const [{ createInjectedConnector }, { walletSignatureVerifier }] = await Promise.all([import('./injected-connector'), import('./verify-wallet-signature')])
    return createInjectedConnector({ network: config.network, verifySignature: walletSignatureVerifier(signingContext) })
  }
  const { createBurnerConnector } = await import('./burner-connector')
  const storage = config.storage ?? globalThis.localStorage
  return createBurnerConnector({
    network: config.network,
    storage,
    randomBytes: (length) => globalThis.crypto.getRandomValues(new Uint8Array(length)),
    chain: {
      getUnspentCoinRecords: async (puzzleHashes) => (await chainClient()).getCoinRecordsByPuzzleHashes(puzzleHashes, { includeSpentCoins: false }),
      getCoinSpend: async (coinId, height) => (await chainClient()).getPuzzleAndSolution(coinId, height),
    },
    signingContext,
    requestFunds: (address) => requestFaucetFunds(address, { url: config.faucetUrl, fetchImpl }),
  })
}
