/**
 * A Node WalletConnect wallet that behaves like Sage (wallets.md §2b) for offline protocol tests:
 * it pairs from a `wc:` URI, approves `chia:<net>:<fingerprint>` echoing every requested method,
 * answers Sage's method names with Sage's reply shapes, signs with real BLS keys (the reference
 * driver `@dignetwork/datalayer-driver`, an implementation independent of lib/chia), answers
 * unimplemented methods with 4001 "Unsupported method: X", and answers a rejection with
 * `result: null`. It can be told to reject, to never answer (timeout), or to approve another
 * chain than the one proposed.
 */
import { SignClient } from '@walletconnect/sign-client'
import type { IKeyValueStorage } from '@walletconnect/keyvaluestorage'
import type { ISignClient, SessionTypes } from '@walletconnect/types'
import * as driver from '@dignetwork/datalayer-driver'

import { atom } from '@/lib/chia/clvm/program'
import { curry } from '@/lib/chia/clvm/curry'
import { programToBytes } from '@/lib/chia/clvm/serialize'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import { STANDARD_MOD } from '@/lib/chia/puzzles/standard'
import { signCoinSpends } from '@/lib/chia/spends/sign-coin-spends'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { coinSpendsFromWallet, type WalletCoinSpend } from '@/lib/wallet/coin-spends-to-wallet'

/** IKeyValueStorage in memory; values are JSON round-tripped like a real store. Share one between
 * two clients (with the same prefix) to simulate a page reload with persisted IndexedDB. */
export class MemoryStorage implements IKeyValueStorage {
  private readonly map = new Map<string, string>()
  async getKeys() {
    return [...this.map.keys()]
  }
  async getEntries<T = unknown>(): Promise<[string, T][]> {
    return [...this.map.entries()].map(([k, v]) => [k, JSON.parse(v) as T])
  }
  async getItem<T = unknown>(key: string): Promise<T | undefined> {
    const v = this.map.get(key)
    return v === undefined ? undefined : (JSON.parse(v) as T)
  }
  async setItem<T = unknown>(key: string, value: T): Promise<void> {
    this.map.set(key, JSON.stringify(value))
  }
  async removeItem(key: string): Promise<void> {
    this.map.delete(key)
  }
}

export type TestWalletBehavior = 'approve' | 'reject' | 'timeout'

export interface TestWalletOptions {
  relayUrl: string
  /** Master secret key (32 bytes hex); e.g. a key from the driver vectors. */
  masterSecretKey: string
  /** The chain the wallet approves, e.g. `chia:testnet`; set another to test the mismatch. */
  chainId: string
  fingerprint?: number
  /** Grant only these methods (Chia-GUI style); default echoes every requested method (Sage). */
  grantOnly?: string[]
  name?: string
  /** Sign for this network's genesis challenge instead of the approved chain's (a faulty wallet). */
  signForNetwork?: 'mainnet' | 'testnet11'
  /** For chains other than mainnet/testnet (the devnet): sign with lib/chia and this challenge. */
  genesisChallenge?: Uint8Array
  /** Reject the session proposal instead of approving it. */
  rejectPairing?: boolean
}

export interface TestWalletRequest {
  method: string
  params: Record<string, unknown>
  chainId: string
}

/** A coin the wallet reports from `chip0002_getAssetCoins`. */
export interface TestWalletCoin {
  coin: Coin
  puzzleReveal: Uint8Array
  assetId?: string
  lineageProof?: { parentName: string; innerPuzzleHash: string; amount: number }
}

export interface TestWallet {
  client: ISignClient
  syntheticPublicKey: Uint8Array
  syntheticSecretKey: Uint8Array
  puzzleHash: Uint8Array
  address: string
  /** Coins reported by getAssetCoins; tests may replace it. */
  coins: TestWalletCoin[]
  /** Every request received, in order. */
  requests: TestWalletRequest[]
  behavior: TestWalletBehavior
  pair(uri: string): Promise<SessionTypes.Struct>
  /** Ends every session from the wallet side (session_delete reaches the dApp). */
  disconnectAll(): Promise<void>
  close(): Promise<void>
}

let instance = 0

/** An error the wallet answers with (`{code, message}` on the wire). */
class RpcReplyError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}
const rpcError = (code: number, message: string) => new RpcReplyError(code, message)

/** The standard puzzle curried with a synthetic key, serialized. */
export const standardPuzzleReveal = (syntheticPublicKey: Uint8Array): Uint8Array =>
  programToBytes(curry(STANDARD_MOD, [atom(syntheticPublicKey)]))

const isAllHex = (s: string) => /^(0x)?([0-9a-fA-F]{2})*$/.test(s)

/** Starts the wallet on the relay. */
export async function startTestWallet(options: TestWalletOptions): Promise<TestWallet> {
  const masterSk = Buffer.from(options.masterSecretKey, 'hex')
  const syntheticSk = driver.masterSecretKeyToWalletSyntheticSecretKey(masterSk)
  const syntheticPk = driver.secretKeyToPublicKey(syntheticSk)
  const puzzleHash = driver.syntheticKeyToPuzzleHash(syntheticPk)
  const testnet = options.chainId !== 'chia:mainnet'
  const address = driver.puzzleHashToAddress(puzzleHash, testnet ? 'txch' : 'xch')
  const fingerprint = options.fingerprint ?? 1234567890
  const puzzleReveal = standardPuzzleReveal(syntheticPk)

  const client = await SignClient.init({
    projectId: '0'.repeat(32),
    relayUrl: options.relayUrl,
    customStoragePrefix: `test-wallet-${process.pid}-${++instance}`,
    storage: new MemoryStorage(),
    telemetryEnabled: false,
    logger: 'error',
    metadata: { name: options.name ?? 'Sage (test wallet)', description: 'offline test wallet', url: 'http://127.0.0.1', icons: [] },
  })

  const wallet: TestWallet = {
    client,
    syntheticPublicKey: new Uint8Array(syntheticPk),
    syntheticSecretKey: new Uint8Array(syntheticSk),
    puzzleHash: new Uint8Array(puzzleHash),
    address,
    coins: [
      {
        coin: { parentCoinInfo: new Uint8Array(32).fill(7), puzzleHash: new Uint8Array(puzzleHash), amount: 1_000_000_000_000n },
        puzzleReveal,
      },
    ],
    requests: [],
    behavior: 'approve',
    async pair(uri) {
      const approved = new Promise<SessionTypes.Struct>((resolve, reject) => {
        client.once('session_proposal', async ({ id, params }) => {
          try {
            if (options.rejectPairing) {
              await client.reject({ id, reason: { code: 5000, message: 'User rejected.' } })
              reject(new Error('pairing rejected by the test wallet'))
              return
            }
            const requested = params.optionalNamespaces.chia ?? params.requiredNamespaces.chia
            const methods = options.grantOnly ?? requested?.methods ?? []
            const { acknowledged } = await client.approve({
              id,
              namespaces: {
                chia: {
                  chains: [options.chainId],
                  accounts: [`${options.chainId}:${fingerprint}`],
                  methods,
                  events: requested?.events ?? [],
                },
              },
            })
            resolve(await acknowledged())
          } catch (e) {
            reject(e)
          }
        })
      })
      await client.pair({ uri })
      return approved
    },
    async disconnectAll() {
      for (const s of client.session.getAll()) {
        await client.disconnect({ topic: s.topic, reason: { code: 6000, message: 'User disconnected.' } })
      }
    },
    async close() {
      await client.core.relayer.transportClose().catch(() => undefined)
    },
  }

  const answer = (method: string, params: Record<string, unknown>): unknown => {
    switch (method) {
      case 'chip0002_chainId':
        return options.chainId === 'chia:mainnet' ? 'mainnet' : 'testnet11'
      case 'chip0002_getPublicKeys':
        return [bytesToHex(syntheticPk)]
      case 'chia_getAddress':
        return { address }
      case 'chip0002_getAssetCoins': {
        const assetId = (params.assetId as string | null) ?? undefined
        const offset = Number(params.offset ?? 0)
        const limit = Number(params.limit ?? 10)
        return wallet.coins
          .filter((c) => (c.assetId ?? undefined) === (assetId ?? undefined))
          .slice(offset, offset + limit)
          .map((c) => ({
            coin: { parent_coin_info: bytesToHex(c.coin.parentCoinInfo), puzzle_hash: bytesToHex(c.coin.puzzleHash), amount: Number(c.coin.amount) },
            coinName: bytesToHex(coinId(c.coin)),
            puzzle: bytesToHex(c.puzzleReveal),
            confirmedBlockIndex: 10,
            locked: false,
            lineageProof: c.lineageProof ?? null,
          }))
      }
      case 'chip0002_signCoinSpends': {
        // Sage's zod schema (src/walletconnect/commands.ts): coin amounts are JSON numbers.
        const raw = params.coinSpends
        if (!Array.isArray(raw) || raw.some((s: WalletCoinSpend) => typeof s?.coin?.amount !== 'number' || typeof s.puzzle_reveal !== 'string')) {
          throw rpcError(4001, 'Invalid params: coinSpends')
        }
        const spends = coinSpendsFromWallet(raw as WalletCoinSpend[])
        if (options.genesisChallenge) {
          // Chains the reference driver does not know (the devnet): lib/chia signs.
          try {
            const sig = signCoinSpends(spends, [new Uint8Array(syntheticSk)], {
              genesisChallenge: options.genesisChallenge,
              runner: createClvmRsRunner(),
              partial: params.partialSign === true,
            })
            return bytesToHex(sig)
          } catch (e) {
            throw rpcError(4001, e instanceof Error ? e.message.split('\n')[0] : String(e))
          }
        }
        const signature = driver.signCoinSpends(
          spends.map((s) => ({
            coin: { parentCoinInfo: Buffer.from(s.coin.parentCoinInfo), puzzleHash: Buffer.from(s.coin.puzzleHash), amount: s.coin.amount },
            puzzleReveal: Buffer.from(s.puzzleReveal),
            solution: Buffer.from(s.solution),
          })),
          [syntheticSk],
          options.signForNetwork ? options.signForNetwork === 'testnet11' : testnet,
        )
        // The driver silently returns the infinity signature for keys it lacks; Sage fails instead.
        if (signature[0] === 0xc0 && signature.subarray(1).every((b) => b === 0) && params.partialSign !== true) {
          throw rpcError(4001, 'UnknownPublicKey')
        }
        return bytesToHex(signature)
      }
      case 'chia_signMessageByAddress': {
        if (params.address !== address) throw rpcError(4001, 'Invalid address')
        const message = String(params.message)
        const bytes = isAllHex(message) ? hexToBytes(message) : new TextEncoder().encode(message)
        return { publicKey: bytesToHex(syntheticPk), signature: bytesToHex(driver.signMessage(Buffer.from(bytes), syntheticSk)) }
      }
      default:
        throw rpcError(4001, `Unsupported method: ${method}`)
    }
  }

  client.on('session_request', async ({ topic, id, params }) => {
    const request = { method: params.request.method, params: (params.request.params ?? {}) as Record<string, unknown>, chainId: params.chainId }
    wallet.requests.push(request)
    if (wallet.behavior === 'timeout') return
    const confirms = ['chip0002_signCoinSpends', 'chia_signMessageByAddress', 'chip0002_signMessage'].includes(request.method)
    if (wallet.behavior === 'reject' && confirms) {
      // Sage answers a user rejection with a null result, not an error.
      await client.respond({ topic, response: { id, jsonrpc: '2.0', result: null } })
      return
    }
    try {
      const result = answer(request.method, request.params)
      await client.respond({ topic, response: { id, jsonrpc: '2.0', result } })
    } catch (e) {
      const error = e instanceof RpcReplyError ? { code: e.code, message: e.message } : { code: 4001, message: String(e) }
      await client.respond({ topic, response: { id, jsonrpc: '2.0', error } })
    }
  })

  return wallet
}

