/**
 * The devnet burner wallet (PRODUCT.md §2): a BIP-39 mnemonic kept in the browser's storage,
 * keys derived and spends signed locally with lib/chia, funded by the devnet faucet. It exists
 * only when the app runs on the devnet; on mainnet/testnet it is unavailable and refuses to start.
 *
 * Keys: the synthetic keys of unhardened wallet indexes 0…keyCount-1 (m/12381/8444/2/i), the
 * same derivation Chia's wallet and the DataLayer driver use; the address is index 0's.
 */
import { programToBytes } from '@/lib/chia/clvm/serialize'
import { catPuzzle, catPuzzleHash } from '@/lib/chia/cat/cat-puzzle'
import { catLineageProofFromParentSpend } from '@/lib/chia/cat/cat-lineage'
import { addressToPuzzleHash, puzzleHashToAddress } from '@/lib/chia/keys/address'
import { generateMnemonic, isValidMnemonic, mnemonicToMasterSecretKey } from '@/lib/chia/keys/mnemonic'
import type { PublicKey } from '@/lib/chia/keys/public-key'
import { type SecretKey, secretKeyToPublicKey } from '@/lib/chia/keys/secret-key'
import { signMessage } from '@/lib/chia/keys/sign-message'
import { standardPuzzle, standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { masterSecretKeyToWalletSyntheticSecretKey } from '@/lib/chia/keys/synthetic-key'
import { type Bytes32, bytesToHex, equalBytes, hexToBytes, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import type { CoinRecord, CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { addressPrefix, type NetworkName } from '@/lib/chia/primitives/network'
import { type SigningContext, signCoinSpends } from '@/lib/chia/spends/sign-coin-spends'

import type { GetPublicKeysOptions, GetSpendableCoinsOptions, SignCoinSpendsOptions, SignedMessage, SpendableCoin, Wallet, WalletConnector, WalletEvent, WalletListener } from './wallet'
import { WalletError, WalletRequestFailedError, WalletUnavailableError } from './wallet-errors'

/** Where the mnemonic lives (browser `localStorage`). */
export const BURNER_STORAGE_KEY = 'datalayer-studio.burner.mnemonic'
export const BURNER_KEY_COUNT = 5

/** The subset of `Storage` the burner needs. */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** Chain reads the burner needs (through the app's node proxy). */
export interface BurnerChain {
  /** Unspent coin records at these puzzle hashes. */
  getUnspentCoinRecords(puzzleHashes: Bytes32[]): Promise<CoinRecord[]>
  /** The spend of a coin at a height (`get_puzzle_and_solution`), for CAT lineage proofs. */
  getCoinSpend(coinId: Bytes32, height: number): Promise<CoinSpend>
}

export interface BurnerOptions {
  network: NetworkName
  storage: KeyValueStore
  /** `crypto.getRandomValues`-backed; 32 bytes make a 24-word mnemonic. */
  randomBytes: (length: number) => Uint8Array
  chain: BurnerChain
  /** Genesis challenge (the devnet's own, from `get_network_info`) and the CLVM runner. */
  signingContext: () => Promise<SigningContext>
  /** Calls the faucet (`POST /api/faucet`) for an address. */
  requestFunds?: (address: string) => Promise<unknown>
  keyCount?: number
}

export interface BurnerWallet extends Wallet {
  readonly kind: 'burner'
  readonly address: string
  /** Asks the devnet faucet for XCH and DIG. */
  fund(): Promise<unknown>
}

export interface BurnerConnector extends WalletConnector {
  readonly kind: 'burner'
  /** Opens the stored burner, creating a new mnemonic on first use. */
  connect(): Promise<BurnerWallet>
  restore(): Promise<BurnerWallet | undefined>
  /** Replaces the stored mnemonic (throws for an invalid one) and opens it. */
  importMnemonic(mnemonic: string): Promise<BurnerWallet>
  /** The stored mnemonic, for the user to back up. */
  exportMnemonic(): string | undefined
  /** Deletes the stored mnemonic. */
  forget(): void
}

interface BurnerKey {
  index: number
  secretKey: SecretKey
  publicKey: PublicKey
  puzzleHash: Bytes32
}

/** The invalid mnemonic given to `importMnemonic`. */
export class InvalidBurnerMnemonicError extends WalletError {
  override name = 'InvalidBurnerMnemonicError' as const
  readonly code = 'walletBadReply' as const
  constructor({ wordCount }: { wordCount: number }) {
    super('That is not a valid 12- or 24-word recovery phrase.', { details: `${wordCount} words` })
  }
}

/**
 * Creates the devnet burner connector.
 *
 * @example
 * const burner = createBurnerConnector({ network: 'devnet', storage: localStorage, randomBytes, chain, signingContext })
 * const wallet = await burner.connect()
 */
export function createBurnerConnector(options: BurnerOptions): BurnerConnector {
  const unavailable = () =>
    new WalletUnavailableError({ connector: 'Burner wallet', reason: `it exists only on the devnet (this app runs on ${options.network}).` })

  const open = (mnemonic: string): BurnerWallet => {
    const master = mnemonicToMasterSecretKey(mnemonic)
    const keys: BurnerKey[] = Array.from({ length: options.keyCount ?? BURNER_KEY_COUNT }, (_, index) => {
      const secretKey = masterSecretKeyToWalletSyntheticSecretKey(master, index)
      const publicKey = secretKeyToPublicKey(secretKey)
      return { index, secretKey, publicKey, puzzleHash: standardPuzzleHash(publicKey) }
    })
    return new Burner(keys, options)
  }

  return {
    kind: 'burner',
    label: 'Devnet burner wallet',
    isAvailable: () => options.network === 'devnet',
    async connect() {
      if (options.network !== 'devnet') throw unavailable()
      let mnemonic = options.storage.getItem(BURNER_STORAGE_KEY)
      if (!mnemonic) {
        mnemonic = generateMnemonic(options.randomBytes(32))
        options.storage.setItem(BURNER_STORAGE_KEY, mnemonic)
      }
      return open(mnemonic)
    },
    async restore() {
      if (options.network !== 'devnet') return undefined
      const mnemonic = options.storage.getItem(BURNER_STORAGE_KEY)
      return mnemonic ? open(mnemonic) : undefined
    },
    async importMnemonic(mnemonic) {
      if (options.network !== 'devnet') throw unavailable()
      const normalized = mnemonic.trim().toLowerCase().split(/\s+/).join(' ')
      if (!isValidMnemonic(normalized)) throw new InvalidBurnerMnemonicError({ wordCount: normalized.split(' ').length })
      options.storage.setItem(BURNER_STORAGE_KEY, normalized)
      return open(normalized)
    },
    exportMnemonic: () => options.storage.getItem(BURNER_STORAGE_KEY) ?? undefined,
    forget: () => options.storage.removeItem(BURNER_STORAGE_KEY),
  }
}

class Burner implements BurnerWallet {
  readonly kind = 'burner' as const
  readonly network: NetworkName
  readonly account: Wallet['account'] = { walletName: 'Burner wallet' }
  readonly address: string
  private readonly listeners = new Set<WalletListener>()

  constructor(
    private readonly keys: BurnerKey[],
    private readonly options: BurnerOptions,
  ) {
    this.network = options.network
    this.address = puzzleHashToAddress(keys[0].puzzleHash, addressPrefix(options.network))
  }

  on(listener: WalletListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(event: WalletEvent) {
    for (const l of [...this.listeners]) l(event)
  }

  async getPublicKeys({ offset = 0, limit = 10, hardened = false }: GetPublicKeysOptions = {}): Promise<Uint8Array[]> {
    if (hardened) return []
    return this.keys.slice(offset, offset + limit).map((k) => k.publicKey)
  }

  async getAddress(): Promise<string> {
    return this.address
  }

  async getSpendableCoins({ assetId, offset = 0, limit }: GetSpendableCoinsOptions = {}): Promise<SpendableCoin[]> {
    const byPuzzleHash = new Map<string, { key: BurnerKey; puzzleReveal: Uint8Array }>()
    for (const key of this.keys) {
      const inner = standardPuzzle(key.publicKey)
      if (assetId) byPuzzleHash.set(bytesToHex(catPuzzleHash(assetId, key.puzzleHash)), { key, puzzleReveal: programToBytes(catPuzzle(assetId, inner)) })
      else byPuzzleHash.set(bytesToHex(key.puzzleHash), { key, puzzleReveal: programToBytes(inner) })
    }
    const records = await this.options.chain.getUnspentCoinRecords([...byPuzzleHash.keys()].map((h) => hexToBytes(h)))
    const sorted = records
      .filter((r) => r.spentBlockIndex === 0 && byPuzzleHash.has(bytesToHex(r.coin.puzzleHash)))
      .sort((a, b) => a.confirmedBlockIndex - b.confirmedBlockIndex)
      .slice(offset, limit === undefined ? undefined : offset + limit)
    return Promise.all(
      sorted.map(async (record) => {
        const { puzzleReveal } = byPuzzleHash.get(bytesToHex(record.coin.puzzleHash))!
        const coin: SpendableCoin = { coin: record.coin, coinId: coinId(record.coin), puzzleReveal, confirmedBlockIndex: record.confirmedBlockIndex, locked: false }
        if (assetId) {
          const parentSpend = await this.options.chain.getCoinSpend(record.coin.parentCoinInfo, record.confirmedBlockIndex)
          const { lineageProof } = catLineageProofFromParentSpend(parentSpend)
          coin.lineageProof = { parentName: lineageProof.parentParentCoinInfo, innerPuzzleHash: lineageProof.parentInnerPuzzleHash, amount: lineageProof.parentAmount }
        }
        return coin
      }),
    )
  }

  async signCoinSpends(coinSpends: CoinSpend[], { partialSign = false }: SignCoinSpendsOptions = {}): Promise<Uint8Array> {
    const context = await this.options.signingContext()
    try {
      return signCoinSpends(coinSpends, this.keys.map((k) => k.secretKey), { ...context, partial: partialSign })
    } catch (cause) {
      const message = cause instanceof Error && 'shortMessage' in cause ? String(cause.shortMessage) : String(cause)
      throw new WalletRequestFailedError({ method: 'signCoinSpends', message, cause })
    }
  }

  async signMessage({ message, address }: { message: string; address: string }): Promise<SignedMessage> {
    const puzzleHash = addressToPuzzleHash(address)
    const key = this.keys.find((k) => equalBytes(k.puzzleHash, puzzleHash))
    if (!key) throw new WalletRequestFailedError({ method: 'signMessage', message: `the burner holds no key for ${address}` })
    return { publicKey: key.publicKey, signature: signMessage(key.secretKey, utf8ToBytes(message)) }
  }

  async fund(): Promise<unknown> {
    if (!this.options.requestFunds) throw new WalletUnavailableError({ connector: 'Faucet', reason: 'no faucet is configured.' })
    const result = await this.options.requestFunds(this.address)
    this.emit({ type: 'accountChanged' })
    return result
  }

  async disconnect(): Promise<void> {
    this.emit({ type: 'disconnected', reason: 'local' })
  }
}

