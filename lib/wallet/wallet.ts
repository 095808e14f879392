/**
 * The one wallet interface the flows use (issue 6). WalletConnect, the injected CHIP-0002
 * provider and the devnet burner each implement `Wallet`; their `WalletConnector` creates or
 * restores it. Everything here is bytes and bigint; hex and JSON stay inside the connectors.
 */
import type { Bytes32 } from '@/lib/chia/primitives/bytes'
import type { Coin } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import type { NetworkName } from '@/lib/chia/primitives/network'

export type WalletKind = 'walletconnect' | 'injected' | 'burner'

/** A CAT's lineage, as CHIP-0002 `getAssetCoins` reports it. */
export interface LineageProof {
  parentName: Bytes32
  innerPuzzleHash: Bytes32
  amount: bigint
}

/** A coin the wallet can spend, with its full puzzle reveal (so the signing key can be read from it). */
export interface SpendableCoin {
  coin: Coin
  coinId: Bytes32
  puzzleReveal: Uint8Array
  confirmedBlockIndex: number
  locked: boolean
  /** Present for CAT coins. */
  lineageProof?: LineageProof
}

export interface GetSpendableCoinsOptions {
  /** CAT asset id (TAIL hash); omit for XCH. */
  assetId?: Bytes32
  includeLocked?: boolean
  offset?: number
  limit?: number
}

export interface GetPublicKeysOptions {
  offset?: number
  limit?: number
  hardened?: boolean
}

export interface SignCoinSpendsOptions {
  /** Skip keys the wallet does not hold instead of failing (CHIP-0002 `partialSign`). */
  partialSign?: boolean
}

/** A message signature (CHIP-0002: `sha256tree(("Chia Signed Message" . message))`, AugScheme). */
export interface SignedMessage {
  /** The synthetic public key that signed (48 bytes). */
  publicKey: Uint8Array
  /** 96 bytes. */
  signature: Uint8Array
}

export interface WalletAccount {
  /** Key fingerprint when the wallet reports one (WalletConnect `chia:<net>:<fingerprint>`). */
  fingerprint?: number
  /** Display name of the wallet app, e.g. "Sage". */
  walletName?: string
}

export type WalletEvent =
  /** Keys or address changed (CHIP-0002 `accountChanged`, WalletConnect session_update). */
  | { type: 'accountChanged' }
  /** The session ended on the wallet side (session_delete / session_expire) or by `disconnect`. */
  | { type: 'disconnected'; reason: 'deleted' | 'expired' | 'local' }

export type WalletListener = (event: WalletEvent) => void

/** A connected wallet. */
export interface Wallet {
  readonly kind: WalletKind
  /** The network the wallet approved; always the app's network (connectors refuse others). */
  readonly network: NetworkName
  readonly account: WalletAccount
  /** Synthetic public keys (48 bytes each). */
  getPublicKeys(options?: GetPublicKeysOptions): Promise<Uint8Array[]>
  /** The wallet's current receive address (bech32m). */
  getAddress(): Promise<string>
  /** XCH coins, or coins of one CAT, each with its puzzle reveal. */
  getSpendableCoins(options?: GetSpendableCoinsOptions): Promise<SpendableCoin[]>
  /** Signs every AGG_SIG the wallet holds a key for; returns the 96-byte aggregated signature. */
  signCoinSpends(coinSpends: CoinSpend[], options?: SignCoinSpendsOptions): Promise<Uint8Array>
  /** Signs a UTF-8 message with the key behind `address` (proves ownership). */
  signMessage(args: { message: string; address: string }): Promise<SignedMessage>
  /** Subscribes to account/session events; returns the unsubscribe function. */
  on(listener: WalletListener): () => void
  disconnect(): Promise<void>
}

/** Creates wallets of one kind. */
export interface WalletConnector {
  readonly kind: WalletKind
  readonly label: string
  /** Whether this connector can be offered here and now (e.g. `window.chia` exists). */
  isAvailable(): boolean
  /** Brings back a wallet from a previous visit, or `undefined` when there is none. */
  restore(): Promise<Wallet | undefined>
}
