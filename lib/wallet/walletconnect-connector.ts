/**
 * WalletConnect v2 connector: our own thin Chia module on `@walletconnect/sign-client@2.25.0`
 * (wallets.md §1: `@chia-network/wallet-connect` is not published). Sage's method set first,
 * the Chia GUI best effort.
 *
 * - `optionalNamespaces.chia` only (requiredNamespaces is merged away since sign-client 2.21);
 * - the approved account `chia:<net>:<fingerprint>` is checked against the app's network
 *   (Sage approves its own network whatever was proposed) and a mismatch disconnects;
 * - replies are normalized (`null` → rejected, GUI `{data}` unwrapped);
 * - the aggregated signature is checked to be 96 bytes and, when a verifier is given, verified
 *   against the coin spends before it is returned (so nothing unsigned is broadcast);
 * - sign-client is loaded with a dynamic import on first use, so it stays out of the first-load
 *   bundle; sessions restore from sign-client's own storage (IndexedDB in browsers).
 */
import type { IKeyValueStorage } from '@walletconnect/keyvaluestorage'
import type SignClient from '@walletconnect/sign-client'
import type { SessionTypes, SignClientTypes } from '@walletconnect/types'

import { bytesToHex } from '@/lib/chia/primitives/bytes'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import type { NetworkName } from '@/lib/chia/primitives/network'

import { type ChiaAccount, checkApprovedAccounts, walletConnectChainId } from './chia-chain-id'
import { checkWalletSignature } from './check-wallet-signature'
import { coinSpendsToWallet } from './coin-spends-to-wallet'
import { unwrapWalletReply } from './unwrap-wallet-reply'
import type {
  GetPublicKeysOptions,
  GetSpendableCoinsOptions,
  SignCoinSpendsOptions,
  SpendableCoin,
  Wallet,
  WalletConnector,
  WalletEvent,
  WalletListener,
} from './wallet'
import { walletErrorFromRpc } from './wallet-error-from-rpc'
import {
  WalletMethodUnsupportedError,
  WalletSessionExpiredError,
  WalletTimeoutError,
  WalletUnavailableError,
} from './wallet-errors'
import { walletReplies } from './wallet-replies'
import { withTimeout } from './with-timeout'

/** Methods we propose: Sage's (wallets.md §2b) then the GUI's equivalents (§2a). */
export const WALLETCONNECT_METHODS = [
  'chip0002_chainId',
  'chip0002_getPublicKeys',
  'chip0002_getAssetCoins',
  'chip0002_signCoinSpends',
  'chip0002_signMessage',
  'chia_getAddress',
  'chia_signMessageByAddress',
  'chia_getCurrentAddress',
] as const

export type WalletConnectMethod = (typeof WALLETCONNECT_METHODS)[number]

/** Read requests give up after a minute; signing waits 15 minutes (users go find their wallet). */
export const READ_TIMEOUT_MS = 60_000
export const SIGN_TIMEOUT_MS = 15 * 60_000
export const CONNECT_TIMEOUT_MS = 20_000
/** Extend a restored session when less than this much of its 7 days is left. */
const SESSION_EXTEND_THRESHOLD_S = 24 * 3600
/** sign-client accepts request expiries of 300 s … 7 days (SESSION_REQUEST_EXPIRY_BOUNDARIES). */
const MIN_EXPIRY_S = 300
const MAX_EXPIRY_S = 7 * 24 * 3600

export type WalletConnectMetadata = SignClientTypes.Metadata

/** Checks a wallet signature against the coin spends; throws `WalletSignatureInvalidError`. */
export type SignatureVerifier = (coinSpends: readonly CoinSpend[], signature: Uint8Array) => void | Promise<void>

export interface WalletConnectOptions {
  network: NetworkName
  projectId: string | undefined
  relayUrl?: string
  metadata: WalletConnectMetadata
  /** Verifies each aggregated signature before it is handed out (see `verifyWalletSignature`). */
  verifySignature?: SignatureVerifier
  /** Tests: an in-memory store and a unique prefix per client in one JS realm. */
  storage?: IKeyValueStorage
  customStoragePrefix?: string
  readTimeoutMs?: number
  signTimeoutMs?: number
  /** How long reaching the relay and creating the pairing link may take (default 20 s). */
  connectTimeoutMs?: number
  /** Tests may inject the module; the default is a dynamic import. */
  loadSignClient?: () => Promise<SignClientFactory>
}

export interface SignClientFactory {
  init(options: SignClientTypes.Options): Promise<WcClient>
}

export interface WalletConnectConnectArgs {
  /** Called with the `wc:` pairing URI to show as a QR code and a copy link. */
  onUri: (uri: string) => void
  /** Aborting stops waiting for the wallet's approval. */
  signal?: AbortSignal
}

export interface WalletConnectConnector extends WalletConnector {
  readonly kind: 'walletconnect'
  connect(args: WalletConnectConnectArgs): Promise<Wallet>
  /** Closes the relay connection (tests, page unload). Sessions stay in storage. */
  close(): Promise<void>
}

const defaultLoadSignClient = async (): Promise<SignClientFactory> => {
  const mod = await import('@walletconnect/sign-client')
  return mod.SignClient as unknown as SignClientFactory
}

/** The sign-client instance type (a type-only import: the module itself loads lazily). */
type WcClient = SignClient

const USER_DISCONNECTED = { code: 6000, message: 'User disconnected.' }

/**
 * Creates the WalletConnect connector for the app's network.
 *
 * @example
 * const wc = createWalletConnectConnector({ network: 'testnet11', projectId, metadata })
 * const wallet = await wc.connect({ onUri: (uri) => showQr(uri) })
 */
export function createWalletConnectConnector(options: WalletConnectOptions): WalletConnectConnector {
  const chainId = walletConnectChainId(options.network)
  let clientPromise: Promise<WcClient> | undefined

  const getClient = (): Promise<WcClient> => {
    if (!options.projectId) {
      return Promise.reject(new WalletUnavailableError({ connector: 'WalletConnect', reason: 'no WalletConnect project id is configured.' }))
    }
    clientPromise ??= (async () => {
      const factory = await (options.loadSignClient ?? defaultLoadSignClient)()
      try {
        return await factory.init({
          projectId: options.projectId,
          relayUrl: options.relayUrl,
          metadata: options.metadata,
          telemetryEnabled: false,
          logger: 'error',
          ...(options.storage ? { storage: options.storage } : {}),
          ...(options.customStoragePrefix ? { customStoragePrefix: options.customStoragePrefix } : {}),
        })
      } catch (cause) {
        throw new WalletUnavailableError({ connector: 'WalletConnect', reason: 'the relay could not be reached.', cause })
      }
    })()
    clientPromise.catch(() => {
      clientPromise = undefined
    })
    return clientPromise
  }

  const openSession = async (client: WcClient, session: SessionTypes.Struct): Promise<Wallet> => {
    let account: ChiaAccount
    try {
      account = checkApprovedAccounts(session.namespaces.chia?.accounts ?? [], options.network)
    } catch (e) {
      await client.disconnect({ topic: session.topic, reason: USER_DISCONNECTED }).catch(() => undefined)
      throw e
    }
    return new WalletConnectWallet(client, session, account, chainId, options)
  }

  return {
    kind: 'walletconnect',
    label: 'WalletConnect (Sage)',
    isAvailable: () => Boolean(options.projectId),

    async connect({ onUri, signal }) {
      // Offline, sign-client keeps retrying the relay for over a minute before failing; the
      // user gets a clear answer sooner.
      const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS
      const relayDown = (cause?: unknown) =>
        new WalletUnavailableError({ connector: 'WalletConnect', reason: 'the WalletConnect relay could not be reached. Check your connection and try again.', cause })
      let connected: Awaited<ReturnType<WcClient['connect']>>
      try {
        connected = await withTimeout(
          getClient().then((client) =>
            client.connect({
              optionalNamespaces: { chia: { chains: [chainId], methods: [...WALLETCONNECT_METHODS], events: ['chainChanged', 'accountChanged'] } },
            }),
          ),
          connectTimeoutMs,
          relayDown,
        )
      } catch (cause) {
        if (cause instanceof WalletUnavailableError) throw cause
        if (/publish|socket|connect/i.test(cause instanceof Error ? cause.message : '')) throw relayDown(cause)
        throw walletErrorFromRpc('connect', cause, { expectedChain: chainId })
      }
      const client = await getClient()
      if (!connected.uri) throw new WalletUnavailableError({ connector: 'WalletConnect', reason: 'no pairing URI was created.' })
      onUri(connected.uri)
      const approval = connected.approval()
      let session: SessionTypes.Struct
      try {
        session = await (signal ? raceAbort(approval, signal) : approval)
      } catch (cause) {
        throw walletErrorFromRpc('connect', cause, { expectedChain: chainId })
      }
      return openSession(client, session)
    },

    async restore() {
      const client = await getClient()
      const now = Math.floor(Date.now() / 1000)
      const sessions = client.session
        .getAll()
        .filter((s) => s.namespaces.chia !== undefined && s.expiry > now)
        .sort((a, b) => b.expiry - a.expiry)
      const latest = sessions[0]
      if (!latest) return undefined
      // Sessions last 7 days; extend one that is within a day of expiring (wallets.md §1.5).
      if (latest.expiry - now < SESSION_EXTEND_THRESHOLD_S) {
        await client.extend({ topic: latest.topic }).then(({ acknowledged }) => acknowledged()).catch(() => undefined)
      }
      return openSession(client, client.session.get(latest.topic))
    },

    async close() {
      const pending = clientPromise
      clientPromise = undefined
      // A client still trying to reach a dead relay is not waited for.
      const client = pending ? await withTimeout(pending, 1000, () => new Error('init pending')).catch(() => undefined) : undefined
      await client?.core.relayer.transportClose().catch(() => undefined)
    },
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new WalletUnavailableError({ connector: 'WalletConnect', reason: 'pairing was cancelled.' }))
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

class WalletConnectWallet implements Wallet {
  readonly kind = 'walletconnect' as const
  readonly network: NetworkName
  readonly account: Wallet['account']
  private readonly listeners = new Set<WalletListener>()
  private ended = false
  private readonly detach: () => void

  constructor(
    private readonly client: WcClient,
    private session: SessionTypes.Struct,
    private readonly chiaAccount: ChiaAccount,
    private readonly chainId: string,
    private readonly options: WalletConnectOptions,
  ) {
    this.network = options.network
    this.account = { fingerprint: chiaAccount.fingerprint, walletName: session.peer.metadata.name }

    // On expiry sign-client emits session_delete and, a few microtasks later, session_expire:
    // decide after those so an expiry is reported as one.
    const onDelete = ({ topic }: { topic: string }) => {
      if (topic === this.session.topic) setTimeout(() => this.end('deleted'), 0)
    }
    const onExpire = ({ topic }: { topic: string }) => topic === this.session.topic && this.end('expired')
    const onUpdate = ({ topic }: { topic: string }) => {
      if (topic !== this.session.topic) return
      this.session = this.client.session.get(topic)
      try {
        checkApprovedAccounts(this.session.namespaces.chia?.accounts ?? [], this.network)
      } catch {
        // The wallet moved the session to another network: drop it rather than sign there.
        void this.disconnect()
        return
      }
      this.emit({ type: 'accountChanged' })
    }
    const onEvent = ({ topic }: { topic: string }) => topic === this.session.topic && this.emit({ type: 'accountChanged' })
    client.on('session_delete', onDelete)
    client.on('session_expire', onExpire)
    client.on('session_update', onUpdate)
    client.on('session_event', onEvent)
    this.detach = () => {
      client.off('session_delete', onDelete)
      client.off('session_expire', onExpire)
      client.off('session_update', onUpdate)
      client.off('session_event', onEvent)
    }
  }

  /** The session topic (for tests and diagnostics). */
  get topic(): string {
    return this.session.topic
  }

  on(listener: WalletListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(event: WalletEvent) {
    for (const l of [...this.listeners]) l(event)
  }

  private end(reason: 'deleted' | 'expired' | 'local') {
    if (this.ended) return
    this.ended = true
    this.detach()
    this.emit({ type: 'disconnected', reason })
  }

  private granted(method: string): boolean {
    return this.session.namespaces.chia?.methods.includes(method) ?? false
  }

  private async request(method: WalletConnectMethod, params: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
    if (this.ended || !this.client.session.keys.includes(this.session.topic)) {
      this.end('expired')
      throw new WalletSessionExpiredError({ topic: this.session.topic })
    }
    // The GUI only grants what it supports; ask nothing it did not grant.
    if (!this.granted(method)) throw new WalletMethodUnsupportedError({ method })
    // The GUI (≥ 2.7.1) checks `fingerprint` on its chia_* commands; Sage ignores it.
    const withFingerprint = method.startsWith('chia_') ? { ...params, fingerprint: this.chiaAccount.fingerprint } : params
    const expiry = Math.min(MAX_EXPIRY_S, Math.max(MIN_EXPIRY_S, Math.ceil(timeoutMs / 1000)))
    const pending = this.client.request<unknown>({
      topic: this.session.topic,
      chainId: this.chainId,
      request: { method, params: withFingerprint },
      expiry,
    })
    let raw: unknown
    try {
      // A late answer (or SDK expiry) after our timeout is observed by withTimeout, never unhandled.
      raw = await withTimeout(pending, timeoutMs, () => new WalletTimeoutError({ method, timeoutMs }))
    } catch (cause) {
      const error = walletErrorFromRpc(method, cause, { expectedChain: this.chainId })
      if (error instanceof WalletSessionExpiredError) this.end('expired')
      throw error
    }
    return unwrapWalletReply(method, raw)
  }

  private get readTimeout() {
    return this.options.readTimeoutMs ?? READ_TIMEOUT_MS
  }

  private get signTimeout() {
    return this.options.signTimeoutMs ?? SIGN_TIMEOUT_MS
  }

  async getPublicKeys({ offset = 0, limit = 10, hardened }: GetPublicKeysOptions = {}): Promise<Uint8Array[]> {
    const method = 'chip0002_getPublicKeys'
    const params: Record<string, unknown> = { offset, limit }
    if (hardened !== undefined) params.hardened = hardened
    return walletReplies.publicKeys(method, await this.request(method, params, this.readTimeout))
  }

  async getAddress(): Promise<string> {
    if (this.granted('chia_getAddress')) {
      try {
        return walletReplies.address('chia_getAddress', await this.request('chia_getAddress', {}, this.readTimeout))
      } catch (e) {
        if (!(e instanceof WalletMethodUnsupportedError) || !this.granted('chia_getCurrentAddress')) throw e
      }
    }
    // The Chia GUI: get_next_address with new_address=false.
    return walletReplies.address('chia_getCurrentAddress', await this.request('chia_getCurrentAddress', { walletId: 1 }, this.readTimeout))
  }

  async getSpendableCoins({ assetId, includeLocked = false, offset, limit }: GetSpendableCoinsOptions = {}): Promise<SpendableCoin[]> {
    const method = 'chip0002_getAssetCoins'
    const base = { type: assetId ? 'cat' : null, assetId: assetId ? bytesToHex(assetId) : null, includedLocked: includeLocked }
    if (offset !== undefined || limit !== undefined) {
      return walletReplies.spendableCoins(method, await this.request(method, { ...base, offset: offset ?? 0, limit: limit ?? 10 }, this.readTimeout))
    }
    // Sage pages with offset/limit (default 10); read every page.
    const pageSize = 50
    const all: SpendableCoin[] = []
    for (let page = 0; page < 100; page++) {
      const coins = walletReplies.spendableCoins(method, await this.request(method, { ...base, offset: page * pageSize, limit: pageSize }, this.readTimeout))
      all.push(...coins)
      if (coins.length < pageSize) break
    }
    return all
  }

  async signCoinSpends(coinSpends: CoinSpend[], { partialSign = false }: SignCoinSpendsOptions = {}): Promise<Uint8Array> {
    const method = 'chip0002_signCoinSpends'
    const reply = await this.request(method, { coinSpends: coinSpendsToWallet(coinSpends), partialSign }, this.signTimeout)
    const signature = walletReplies.signature(method, reply)
    if (!partialSign) await checkWalletSignature(this.options.verifySignature, coinSpends, signature)
    return signature
  }

  async signMessage({ message, address }: { message: string; address: string }) {
    const method = 'chia_signMessageByAddress'
    return walletReplies.signedMessage(method, await this.request(method, { message, address }, this.signTimeout))
  }

  async disconnect(): Promise<void> {
    if (this.ended) return
    const topic = this.session.topic
    this.end('local')
    await this.client.disconnect({ topic, reason: USER_DISCONNECTED }).catch(() => undefined)
  }
}

