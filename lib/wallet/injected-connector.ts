/**
 * Injected CHIP-0002 connector: `window.chia` of Goby and the DIG Browser (wallets.md §2c, §2d).
 * Bare CHIP-0002 method names (`chainId`, `connect`, `getPublicKeys`, `getAssetCoins`,
 * `signCoinSpends`, `signMessage`); the DIG Browser also answers Sage's `chia_*` names.
 *
 * Goby quirks handled: `chainId` may be `"0x01"`; `selectedAddress` is a puzzle hash in hex;
 * `getPublicKeys` may return plain (non-synthetic) keys, so the key behind an address is found by
 * trying both the key and its synthetic key against the address's puzzle hash.
 */
import { addressPrefix, type NetworkName } from '@/lib/chia/primitives/network'
import { bytesToHex, equalBytes, hexToBytes, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { addressToPuzzleHash, puzzleHashToAddress } from '@/lib/chia/keys/address'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { syntheticPublicKey } from '@/lib/chia/keys/synthetic-key'

import { networkFromChip0002ChainId } from './chia-chain-id'
import { checkWalletSignature } from './check-wallet-signature'
import { coinSpendsToWallet } from './coin-spends-to-wallet'
import { unwrapWalletReply } from './unwrap-wallet-reply'
import type { GetPublicKeysOptions, GetSpendableCoinsOptions, SignCoinSpendsOptions, SignedMessage, SpendableCoin, Wallet, WalletConnector, WalletEvent, WalletListener } from './wallet'
import { walletErrorFromRpc } from './wallet-error-from-rpc'
import {
  WalletMethodUnsupportedError,
  WalletNetworkMismatchError,
  WalletTimeoutError,
  WalletUnavailableError,
} from './wallet-errors'
import { walletReplies } from './wallet-replies'
import { withTimeout } from './with-timeout'
import type { SignatureVerifier } from './walletconnect-connector'

/** The CHIP-0002 provider object a browser wallet injects as `window.chia`. */
export interface Chip0002Provider {
  request(args: { method: string; params?: unknown }): Promise<unknown>
  on?(event: string, listener: (...args: unknown[]) => void): unknown
  removeListener?(event: string, listener: (...args: unknown[]) => void): unknown
  isGoby?: boolean
  isDIG?: boolean
  chainId?: string
  selectedAddress?: string
}

export interface InjectedOptions {
  network: NetworkName
  /** Where to find the provider; defaults to `globalThis.chia`. */
  getProvider?: () => Chip0002Provider | undefined
  verifySignature?: SignatureVerifier
  readTimeoutMs?: number
  signTimeoutMs?: number
}

export interface InjectedConnector extends WalletConnector {
  readonly kind: 'injected'
  connect(): Promise<Wallet>
}

const defaultProvider = (): Chip0002Provider | undefined => {
  const candidate = (globalThis as { chia?: unknown }).chia
  return typeof candidate === 'object' && candidate !== null && typeof (candidate as Chip0002Provider).request === 'function'
    ? (candidate as Chip0002Provider)
    : undefined
}

/**
 * Creates the connector for an injected CHIP-0002 wallet.
 *
 * @example
 * const injected = createInjectedConnector({ network: 'mainnet' })
 * if (injected.isAvailable()) wallet = await injected.connect()
 */
export function createInjectedConnector(options: InjectedOptions): InjectedConnector {
  const getProvider = options.getProvider ?? defaultProvider

  const open = async (eager: boolean): Promise<Wallet> => {
    const provider = getProvider()
    if (!provider) throw new WalletUnavailableError({ connector: 'Browser wallet', reason: 'no CHIP-0002 wallet (window.chia) was found.' })
    const wallet = new InjectedWallet(provider, options)
    await wallet.call('connect', eager ? { eager: true } : {}, wallet.readTimeout)
    const chain = await wallet.call('chainId', {}, wallet.readTimeout).catch((e: unknown) => {
      if (e instanceof WalletMethodUnsupportedError) return provider.chainId
      throw e
    })
    const network = networkFromChip0002ChainId(chain)
    if (network !== options.network) {
      throw new WalletNetworkMismatchError({ expected: options.network, actual: network ?? String(chain) })
    }
    return wallet
  }

  return {
    kind: 'injected',
    label: getProvider()?.isGoby ? 'Goby' : getProvider()?.isDIG ? 'DIG Browser' : 'Browser wallet',
    isAvailable: () => getProvider() !== undefined,
    connect: () => open(false),
    async restore() {
      if (!getProvider()) return undefined
      try {
        return await open(true)
      } catch (e) {
        if (e instanceof WalletNetworkMismatchError) throw e
        return undefined
      }
    },
  }
}

class InjectedWallet implements Wallet {
  readonly kind = 'injected' as const
  readonly network: NetworkName
  readonly account: Wallet['account']
  private readonly listeners = new Set<WalletListener>()
  private readonly onAccount = () => this.emit({ type: 'accountChanged' })

  constructor(
    private readonly provider: Chip0002Provider,
    private readonly options: InjectedOptions,
  ) {
    this.network = options.network
    this.account = { walletName: provider.isGoby ? 'Goby' : provider.isDIG ? 'DIG Browser' : undefined }
    provider.on?.('accountChanged', this.onAccount)
    provider.on?.('chainChanged', this.onAccount)
  }

  get readTimeout() {
    return this.options.readTimeoutMs ?? 60_000
  }

  get signTimeout() {
    return this.options.signTimeoutMs ?? 15 * 60_000
  }

  async call(method: string, params: unknown, timeoutMs: number): Promise<unknown> {
    const pending = Promise.resolve().then(() => this.provider.request({ method, params }))
    let raw: unknown
    try {
      raw = await withTimeout(pending, timeoutMs, () => new WalletTimeoutError({ method, timeoutMs }))
    } catch (cause) {
      throw walletErrorFromRpc(method, cause, { expectedChain: this.network })
    }
    return unwrapWalletReply(method, raw)
  }

  private emit(event: WalletEvent) {
    for (const l of [...this.listeners]) l(event)
  }

  on(listener: WalletListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async getPublicKeys({ offset = 0, limit = 10, hardened }: GetPublicKeysOptions = {}): Promise<Uint8Array[]> {
    const params: Record<string, unknown> = { offset, limit }
    if (hardened !== undefined) params.hardened = hardened
    return walletReplies.publicKeys('getPublicKeys', await this.call('getPublicKeys', params, this.readTimeout))
  }

  async getAddress(): Promise<string> {
    if (this.provider.isDIG) return walletReplies.address('chia_getAddress', await this.call('chia_getAddress', {}, this.readTimeout))
    const selected = this.provider.selectedAddress
    const prefix = addressPrefix(this.network)
    if (typeof selected === 'string' && selected.startsWith(prefix)) return selected
    if (typeof selected === 'string' && /^(0x)?[0-9a-fA-F]{64}$/.test(selected)) return puzzleHashToAddress(hexToBytes(selected), prefix)
    const [coin] = await this.getSpendableCoins({ limit: 1, offset: 0 })
    if (coin) return puzzleHashToAddress(coin.coin.puzzleHash, prefix)
    throw new WalletMethodUnsupportedError({ method: 'getAddress' })
  }

  async getSpendableCoins({ assetId, includeLocked = false, offset, limit }: GetSpendableCoinsOptions = {}): Promise<SpendableCoin[]> {
    const params = { type: assetId ? 'cat' : null, assetId: assetId ? bytesToHex(assetId) : null, includedLocked: includeLocked, offset: offset ?? 0, limit: limit ?? 100 }
    return walletReplies.spendableCoins('getAssetCoins', await this.call('getAssetCoins', params, this.readTimeout))
  }

  async signCoinSpends(coinSpends: CoinSpend[], { partialSign = false }: SignCoinSpendsOptions = {}): Promise<Uint8Array> {
    const reply = await this.call('signCoinSpends', { coinSpends: coinSpendsToWallet(coinSpends), partialSign }, this.signTimeout)
    const signature = walletReplies.signature('signCoinSpends', reply)
    if (!partialSign) await checkWalletSignature(this.options.verifySignature, coinSpends, signature)
    return signature
  }

  async signMessage({ message, address }: { message: string; address: string }): Promise<SignedMessage> {
    if (this.provider.isDIG) {
      return walletReplies.signedMessage('chia_signMessageByAddress', await this.call('chia_signMessageByAddress', { message, address }, this.signTimeout))
    }
    // CHIP-0002 signMessage takes a key, not an address: find the key whose standard puzzle is the address.
    const puzzleHash = addressToPuzzleHash(address)
    const keys = await this.getPublicKeys({ limit: 50 })
    let publicKey: Uint8Array | undefined
    for (const key of keys) {
      if (equalBytes(standardPuzzleHash(key), puzzleHash)) publicKey = key
      else if (equalBytes(standardPuzzleHash(syntheticPublicKey(key)), puzzleHash)) publicKey = key
      if (publicKey) break
    }
    if (!publicKey) throw new WalletMethodUnsupportedError({ method: `signMessage for ${address}` })
    const reply = await this.call('signMessage', { message: bytesToHex(utf8ToBytes(message)), publicKey: bytesToHex(publicKey) }, this.signTimeout)
    const signed = typeof reply === 'string' ? { publicKey: bytesToHex(publicKey), signature: reply } : reply
    return walletReplies.signedMessage('signMessage', signed)
  }

  async disconnect(): Promise<void> {
    this.provider.removeListener?.('accountChanged', this.onAccount)
    this.provider.removeListener?.('chainChanged', this.onAccount)
    this.emit({ type: 'disconnected', reason: 'local' })
  }
}
