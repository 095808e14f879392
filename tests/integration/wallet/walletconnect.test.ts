/**
 * The real WalletConnect v2 protocol, offline: our dApp module (lib/wallet) ↔ the loopback relay
 * fixture (wallets.md Appendix A) ↔ a Node test wallet behaving like Sage with real BLS keys.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { atom, int, list } from '@/lib/chia/clvm/program'
import { programToBytes } from '@/lib/chia/clvm/serialize'
import { standardPuzzle, standardSolution } from '@/lib/chia/keys/standard-puzzle'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import type { NetworkName } from '@/lib/chia/primitives/network'
import { TESTNET11_GENESIS_CHALLENGE } from '@/lib/chia/primitives/network'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { walletSignatureVerifier } from '@/lib/wallet/verify-wallet-signature'
import { verifyOwnershipProof } from '@/lib/wallet/verify-ownership-proof'
import type { Wallet } from '@/lib/wallet/wallet'
import {
  WalletMethodUnsupportedError,
  WalletNetworkMismatchError,
  WalletRejectedError,
  WalletSessionExpiredError,
  WalletSignatureInvalidError,
  WalletTimeoutError,
  WalletUnavailableError,
} from '@/lib/wallet/wallet-errors'
import { createWalletConnectConnector, type SignatureVerifier, type WalletConnectConnector } from '@/lib/wallet/walletconnect-connector'

import { MemoryStorage, startTestWallet, type TestWallet } from '../../support/test-wallet'
import { startWcRelay, type WcRelay } from '../../support/wc-relay'

interface VectorCoinSpend {
  coin: { parentCoinInfo: string; puzzleHash: string; amount: string }
  puzzleReveal: string
  solution: string
}
interface VectorCase {
  name: string
  output: { coinSpends?: VectorCoinSpend[] } | VectorCoinSpend[]
  signatures: { privateKeys: string[]; mainnet: string; testnet11: string }
}
const vectors = JSON.parse(
  await import('node:fs').then((fs) => fs.readFileSync(new URL('../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8')),
) as { keys: Record<string, { masterSecretKey: string; syntheticPublicKey: string; txchAddress: string }>; cases: VectorCase[] }

const mint = vectors.cases.find((c) => c.name === 'mint_vanilla_minimal')!
const mintSpends: CoinSpend[] = (Array.isArray(mint.output) ? mint.output : mint.output.coinSpends!).map((s) => ({
  coin: { parentCoinInfo: hexToBytes(s.coin.parentCoinInfo), puzzleHash: hexToBytes(s.coin.puzzleHash), amount: BigInt(s.coin.amount) },
  puzzleReveal: hexToBytes(s.puzzleReveal),
  solution: hexToBytes(s.solution),
}))
const owner = vectors.keys.owner
const admin = vectors.keys.admin

let relay: WcRelay
const open: { close(): Promise<void> }[] = []
let seq = 0

beforeAll(async () => {
  // One JS realm hosts many clients: without this, sign-client reuses a global core per storage
  // prefix, and the "reload" test would get the old in-memory core instead of reading storage.
  process.env.DISABLE_GLOBAL_CORE = 'true'
  relay = await startWcRelay()
})
afterEach(async () => {
  for (const c of open.splice(0)) await c.close()
})
afterAll(async () => {
  await relay.close()
})

function dapp(network: NetworkName, extra: { storage?: MemoryStorage; prefix?: string; verifySignature?: SignatureVerifier; readTimeoutMs?: number; signTimeoutMs?: number } = {}): WalletConnectConnector {
  const connector = createWalletConnectConnector({
    network,
    projectId: '0'.repeat(32),
    relayUrl: relay.url,
    metadata: { name: 'DataLayer Studio (test)', description: 'test', url: 'http://127.0.0.1', icons: [] },
    storage: extra.storage ?? new MemoryStorage(),
    customStoragePrefix: extra.prefix ?? `dapp-${process.pid}-${++seq}`,
    verifySignature: extra.verifySignature,
    readTimeoutMs: extra.readTimeoutMs,
    signTimeoutMs: extra.signTimeoutMs,
  })
  open.push(connector)
  return connector
}

async function wallet(chainId: string, masterSecretKey = owner.masterSecretKey, grantOnly?: string[], signForNetwork?: 'mainnet'): Promise<TestWallet> {
  const w = await startTestWallet({ relayUrl: relay.url, masterSecretKey, chainId, grantOnly, signForNetwork })
  open.push(w)
  return w
}

async function pair(connector: WalletConnectConnector, w: TestWallet): Promise<Wallet> {
  let paired: Promise<unknown> | undefined
  const connected = connector.connect({
    onUri: (uri) => {
      expect(uri).toMatch(/^wc:[0-9a-f]{64}@2\?/)
      paired = w.pair(uri)
    },
  })
  const result = await connected
  await paired
  return result
}

describe('WalletConnect over the loopback relay', () => {
  it('pairs, checks the approved chain and reads the fingerprint and wallet name', async () => {
    const w = await wallet('chia:testnet')
    const connected = await pair(dapp('testnet11'), w)
    expect(connected.kind).toBe('walletconnect')
    expect(connected.network).toBe('testnet11')
    expect(connected.account).toEqual({ fingerprint: 1234567890, walletName: 'Sage (test wallet)' })
    expect(relay.methods).toContain('wc_proposeSession')
    expect(relay.methods).toContain('wc_approveSession')
  })

  it('getPublicKeys returns the synthetic key; getAddress and getSpendableCoins are normalized', async () => {
    const w = await wallet('chia:testnet')
    const connected = await pair(dapp('testnet11'), w)
    const keys = await connected.getPublicKeys()
    expect(keys.map(bytesToHex)).toEqual([owner.syntheticPublicKey])
    expect(await connected.getAddress()).toBe(owner.txchAddress)
    const coins = await connected.getSpendableCoins()
    expect(coins).toHaveLength(1)
    expect(coins[0].coin.amount).toBe(1_000_000_000_000n)
    expect(bytesToHex(coins[0].coinId)).toBe(bytesToHex(coinId(w.coins[0].coin)))
    expect(bytesToHex(coins[0].puzzleReveal)).toBe(bytesToHex(w.coins[0].puzzleReveal))
    // Sage's parameter names, not the sage-dapp-example's.
    const req = w.requests.find((r) => r.method === 'chip0002_getAssetCoins')!
    expect(req.params).toMatchObject({ type: null, assetId: null, includedLocked: false })
    expect(req.chainId).toBe('chia:testnet')
  })

  it('signCoinSpends of a real mint bundle returns the reference signature, verified locally by lib/chia', async () => {
    const w = await wallet('chia:testnet')
    const verified: Uint8Array[] = []
    const check = walletSignatureVerifier({ genesisChallenge: TESTNET11_GENESIS_CHALLENGE, runner: createClvmRsRunner() })
    const connected = await pair(
      dapp('testnet11', {
        verifySignature: async (spends, sig) => {
          await check(spends, sig)
          verified.push(sig)
        },
      }),
      w,
    )
    const signature = await connected.signCoinSpends(mintSpends)
    expect(signature).toHaveLength(96)
    expect(bytesToHex(signature)).toBe(mint.signatures.testnet11)
    expect(verified).toHaveLength(1)
    const req = w.requests.find((r) => r.method === 'chip0002_signCoinSpends')!
    expect(req.params.partialSign).toBe(false)
    expect((req.params.coinSpends as unknown[]).length).toBe(mintSpends.length)
  })

  it('a wallet signing for another network is caught by local verification before broadcast', async () => {
    const w = await wallet('chia:testnet', owner.masterSecretKey, undefined, 'mainnet')
    const verifySignature = walletSignatureVerifier({ genesisChallenge: TESTNET11_GENESIS_CHALLENGE, runner: createClvmRsRunner() })
    const connected = await pair(dapp('testnet11', { verifySignature }), w)
    const error = await connected.signCoinSpends(mintSpends).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WalletSignatureInvalidError)
    expect((error as WalletSignatureInvalidError).details).toContain(mint.signatures.mainnet)
  })

  it('a key the wallet does not hold fails as a request error, not as a signature', async () => {
    const w = await wallet('chia:testnet', admin.masterSecretKey)
    const connected = await pair(dapp('testnet11'), w)
    await expect(connected.signCoinSpends(mintSpends)).rejects.toMatchObject({ code: 'walletRequestFailed', walletCode: 4001 })
  })

  it('user rejection (Sage answers null) → WalletRejectedError', async () => {
    const w = await wallet('chia:testnet')
    const connected = await pair(dapp('testnet11'), w)
    w.behavior = 'reject'
    const error = await connected.signCoinSpends(mintSpends).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WalletRejectedError)
    expect((error as WalletRejectedError).code).toBe('walletRejected')
    await expect(connected.signMessage({ message: 'login', address: w.address })).rejects.toBeInstanceOf(WalletRejectedError)
  })

  it('no answer → WalletTimeoutError after the configured time', async () => {
    const w = await wallet('chia:testnet')
    const connected = await pair(dapp('testnet11', { signTimeoutMs: 400 }), w)
    w.behavior = 'timeout'
    const started = Date.now()
    await expect(connected.signCoinSpends(mintSpends)).rejects.toBeInstanceOf(WalletTimeoutError)
    expect(Date.now() - started).toBeGreaterThanOrEqual(350)
  })

  it('a wallet approving another chain → WalletNetworkMismatchError and the session is dropped', async () => {
    const w = await wallet('chia:mainnet')
    const connector = dapp('testnet11')
    const error = await pair(connector, w).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WalletNetworkMismatchError)
    expect(error).toMatchObject({ code: 'walletNetworkMismatch', expected: 'chia:testnet', actual: 'chia:mainnet' })
    await expect.poll(() => w.client.session.getAll().length, { timeout: 5000 }).toBe(0)
    expect(await connector.restore()).toBeUndefined()
  })

  it('an unimplemented method (Sage 4001 "Unsupported method") and an ungranted one → WalletMethodUnsupportedError', async () => {
    const sage = await wallet('chia:testnet')
    const connected = await pair(dapp('testnet11'), sage)
    // Sage echoes every method but does not implement chip0002_signMessage in this fixture.
    await expect(
      (connected as unknown as { request(m: string, p: object, t: number): Promise<unknown> }).request('chip0002_signMessage', {}, 2000),
    ).rejects.toBeInstanceOf(WalletMethodUnsupportedError)

    const gui = await wallet('chia:testnet', owner.masterSecretKey, ['chia_signMessageByAddress', 'chia_getCurrentAddress'])
    const guiWallet = await pair(dapp('testnet11'), gui)
    await expect(guiWallet.getPublicKeys()).rejects.toBeInstanceOf(WalletMethodUnsupportedError)
    expect(gui.requests).toHaveLength(0)
  })

  it('getSpendableCoins for a CAT sends Sage\'s cat params and normalizes the lineage proof', async () => {
    const w = await wallet('chia:testnet')
    const assetId = 'a406d3a9de984d03c9591c10d917593b434d5263cabe2b42f6b367df16832f81'
    w.coins.push({
      coin: { parentCoinInfo: new Uint8Array(32).fill(3), puzzleHash: new Uint8Array(32).fill(4), amount: 5000n },
      puzzleReveal: new Uint8Array([0x80]),
      assetId,
      lineageProof: { parentName: '11'.repeat(32), innerPuzzleHash: '22'.repeat(32), amount: 7000 },
    })
    const connected = await pair(dapp('testnet11'), w)
    const cats = await connected.getSpendableCoins({ assetId: hexToBytes(assetId) })
    expect(cats).toHaveLength(1)
    expect(cats[0].coin.amount).toBe(5000n)
    expect(cats[0].lineageProof).toEqual({ parentName: new Uint8Array(32).fill(0x11), innerPuzzleHash: new Uint8Array(32).fill(0x22), amount: 7000n })
    expect(w.requests.at(-1)!.params).toMatchObject({ type: 'cat', assetId })
    expect(await connected.getSpendableCoins()).toHaveLength(1) // XCH only
  })

  it('signMessage by address returns the synthetic key and a 96-byte signature', async () => {
    const w = await wallet('chia:testnet')
    const connected = await pair(dapp('testnet11'), w)
    const signed = await connected.signMessage({ message: 'DataLayer Studio login\nnonce: abc', address: w.address })
    expect(bytesToHex(signed.publicKey)).toBe(owner.syntheticPublicKey)
    expect(signed.signature).toHaveLength(96)
    expect(w.requests.at(-1)!.params).toMatchObject({ fingerprint: 1234567890 })
    // The proof checks out with lib/chia, and fails for another message or address.
    const message = 'DataLayer Studio login\nnonce: abc'
    expect(verifyOwnershipProof({ message, address: w.address, ...signed })).toBe(true)
    expect(verifyOwnershipProof({ message: `${message}!`, address: w.address, ...signed })).toBe(false)
    expect(verifyOwnershipProof({ message, address: admin.txchAddress, ...signed })).toBe(false)
  })

  it('restores the session after a reload (same persisted storage, new client)', async () => {
    const w = await wallet('chia:testnet')
    const storage = new MemoryStorage()
    const prefix = `dapp-restore-${process.pid}`
    const first = dapp('testnet11', { storage, prefix })
    await pair(first, w)
    await first.close()
    expect((await storage.getKeys()).some((k) => k.includes(prefix) && k.includes('session'))).toBe(true)

    const second = dapp('testnet11', { storage, prefix })
    const restored = await second.restore()
    expect(restored).toBeDefined()
    expect(restored!.account.fingerprint).toBe(1234567890)
    expect((await restored!.getPublicKeys()).map(bytesToHex)).toEqual([owner.syntheticPublicKey])
  })

  it('session_delete from the wallet emits disconnected, and later requests fail as expired', async () => {
    const w = await wallet('chia:testnet')
    const connected = await pair(dapp('testnet11'), w)
    const events: unknown[] = []
    connected.on((e) => events.push(e))
    await w.disconnectAll()
    await expect.poll(() => events, { timeout: 5000 }).toContainEqual({ type: 'disconnected', reason: 'deleted' })
    await expect(connected.getPublicKeys()).rejects.toBeInstanceOf(WalletSessionExpiredError)
  })

  it('the wallet rejecting the pairing → WalletRejectedError', async () => {
    const w = await startTestWallet({ relayUrl: relay.url, masterSecretKey: owner.masterSecretKey, chainId: 'chia:testnet', rejectPairing: true })
    open.push(w)
    const connector = dapp('testnet11')
    let paired: Promise<unknown> | undefined
    const error = await connector
      .connect({
        onUri: (uri) => {
          paired = w.pair(uri).catch(() => undefined)
        },
      })
      .catch((e: unknown) => e)
    await paired
    expect(error).toBeInstanceOf(WalletRejectedError)
  })

  it('on the devnet chain (chia:devnet) a standard spend is signed for the devnet genesis challenge and verified', async () => {
    const genesisChallenge = new Uint8Array(32).fill(0x42)
    const w = await startTestWallet({ relayUrl: relay.url, masterSecretKey: owner.masterSecretKey, chainId: 'chia:devnet', genesisChallenge })
    open.push(w)
    const connected = await pair(dapp('devnet', { verifySignature: walletSignatureVerifier({ genesisChallenge, runner: createClvmRsRunner() }) }), w)
    expect(connected.network).toBe('devnet')
    const coin = { parentCoinInfo: new Uint8Array(32).fill(8), puzzleHash: w.puzzleHash, amount: 500n }
    const conditions = list([list([int(51), atom(new Uint8Array(32).fill(9)), int(499)])])
    const spend: CoinSpend = { coin, puzzleReveal: programToBytes(standardPuzzle(w.syntheticPublicKey)), solution: programToBytes(standardSolution(conditions)) }
    const signature = await connected.signCoinSpends([spend])
    expect(signature).toHaveLength(96)
    // The same bundle does not verify under testnet11's challenge: the signature is bound to the devnet.
    await expect(walletSignatureVerifier({ genesisChallenge: TESTNET11_GENESIS_CHALLENGE, runner: createClvmRsRunner() })([spend], signature)).rejects.toBeInstanceOf(
      WalletSignatureInvalidError,
    )
  })

  it('an unreachable relay → WalletUnavailableError within the connect timeout, and no pairing link', async () => {
    const connector = createWalletConnectConnector({
      network: 'testnet11',
      projectId: '0'.repeat(32),
      relayUrl: 'ws://127.0.0.1:9', // discard port: nothing listens
      metadata: { name: 'x', description: '', url: 'http://127.0.0.1', icons: [] },
      storage: new MemoryStorage(),
      customStoragePrefix: `dapp-down-${process.pid}`,
      connectTimeoutMs: 1500,
    })
    const uris: string[] = []
    const started = Date.now()
    const error = await connector.connect({ onUri: (u) => uris.push(u) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WalletUnavailableError)
    expect((error as WalletUnavailableError).shortMessage).toMatch(/relay could not be reached/)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(uris).toEqual([])
  })

  it('an expired session (sign-client expirer) emits disconnected/expired and requests fail as expired', async () => {
    const w = await wallet('chia:testnet')
    const connected = await pair(dapp('testnet11'), w)
    const events: unknown[] = []
    connected.on((e) => events.push(e))
    // Reach into the dApp's sign-client to move the session's expiry into the past, as a clock
    // 7 days later would; its expirer then fires session_expire on the next heartbeat.
    const client = (
      connected as unknown as {
        client: { session: { update(topic: string, patch: { expiry: number }): Promise<void> }; core: { expirer: { set(key: string, expiry: number): void } } }
      }
    ).client
    const topic = (connected as unknown as { topic: string }).topic
    const past = Math.floor(Date.now() / 1000) - 1
    await client.session.update(topic, { expiry: past })
    client.core.expirer.set(topic, past)
    await expect.poll(() => events, { timeout: 15_000 }).toContainEqual({ type: 'disconnected', reason: 'expired' })
    await expect(connected.signMessage({ message: 'x', address: w.address })).rejects.toBeInstanceOf(WalletSessionExpiredError)
  })

  it('a session_update moving the session to another network ends it', async () => {
    const w = await wallet('chia:testnet')
    const connected = await pair(dapp('testnet11'), w)
    const events: unknown[] = []
    connected.on((e) => events.push(e))
    const [session] = w.client.session.getAll()
    const chia = session.namespaces.chia
    const { acknowledged } = await w.client.update({
      topic: session.topic,
      namespaces: { chia: { ...chia, chains: ['chia:mainnet'], accounts: ['chia:mainnet:1234567890'] } },
    })
    await acknowledged()
    await expect.poll(() => events, { timeout: 5000 }).toContainEqual({ type: 'disconnected', reason: 'local' })
    await expect(connected.getPublicKeys()).rejects.toBeInstanceOf(WalletSessionExpiredError)
  })

  it('disconnect from the app ends the session on both sides', async () => {
    const w = await wallet('chia:testnet')
    const connector = dapp('testnet11')
    const connected = await pair(connector, w)
    const events: unknown[] = []
    connected.on((e) => events.push(e))
    await connected.disconnect()
    expect(events).toEqual([{ type: 'disconnected', reason: 'local' }])
    await expect.poll(() => w.client.session.getAll().length, { timeout: 5000 }).toBe(0)
    expect(await connector.restore()).toBeUndefined()
  })
})
