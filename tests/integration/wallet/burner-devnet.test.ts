/**
 * The burner and the faucet against the real devnet process: funding through the faucet route,
 * coins (XCH and DIG CAT with lineage) read back through lib/chain, and a burner-signed spend
 * accepted by the devnet's validator. Also a WalletConnect-signed spend on `chia:devnet`.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { createHttpRpcCall } from '@/lib/chain/http-rpc-call'
import { createRpcClient } from '@/lib/chain/rpc-client'
import { atom, int, list } from '@/lib/chia/clvm/program'
import { programToBytes } from '@/lib/chia/clvm/serialize'
import { standardSolution } from '@/lib/chia/keys/standard-puzzle'
import { addressToPuzzleHash } from '@/lib/chia/keys/address'
import { equalBytes, hexToBytes } from '@/lib/chia/primitives/bytes'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { createBurnerConnector } from '@/lib/wallet/burner-connector'
import { verifyWalletSignature } from '@/lib/wallet/verify-wallet-signature'
import type { SpendableCoin, Wallet } from '@/lib/wallet/wallet'
import { createWalletConnectConnector } from '@/lib/wallet/walletconnect-connector'

import { type DevnetProcess, startDevnetProcess } from '../../support/devnet-process'
import { MemoryStorage, startTestWallet } from '../../support/test-wallet'
import { startWcRelay, type WcRelay } from '../../support/wc-relay'

let devnet: DevnetProcess
let relay: WcRelay

beforeAll(async () => {
  process.env.DISABLE_GLOBAL_CORE = 'true'
  ;[devnet, relay] = await Promise.all([startDevnetProcess({ blockSeconds: 1 }), startWcRelay()])
}, 90_000)
afterAll(async () => {
  await Promise.all([devnet?.stop({ removeDir: true }), relay?.close()])
})

const chain = () => createRpcClient(createHttpRpcCall({ baseUrl: devnet.url }))
const signingContext = async () => ({ genesisChallenge: (await chain().getNetworkInfo()).genesisChallenge, runner: createClvmRsRunner() })

function memoryStore() {
  const map = new Map<string, string>()
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) }
}

/** Spends `coin` (a standard coin) back to `puzzleHash` minus a fee. */
function sendToSelf(coin: SpendableCoin, puzzleHash: Uint8Array, fee = 1000n): CoinSpend {
  const conditions = list([list([int(51), atom(puzzleHash), int(coin.coin.amount - fee)])])
  return { coin: coin.coin, puzzleReveal: coin.puzzleReveal, solution: programToBytes(standardSolution(conditions)) }
}

async function waitForCoin(puzzleHash: Uint8Array, amount: bigint) {
  await expect
    .poll(async () => (await chain().getCoinRecordsByPuzzleHash(puzzleHash, { includeSpentCoins: false })).some((r) => r.coin.amount === amount), {
      timeout: 20_000,
      interval: 300,
    })
    .toBe(true)
}

describe('devnet burner wallet on the devnet', () => {
  it('is funded by POST /api/faucet, sees XCH and DIG (with lineage), and its signed spend is accepted', async () => {
    const burner = createBurnerConnector({
      network: 'devnet',
      storage: memoryStore(),
      randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
      chain: {
        getUnspentCoinRecords: (phs) => chain().getCoinRecordsByPuzzleHashes(phs, { includeSpentCoins: false }),
        getCoinSpend: (id, height) => chain().getPuzzleAndSolution(id, height),
      },
      signingContext,
      requestFunds: async (address) => {
        // Through the real route handler, configured for this devnet.
        vi.stubEnv('CHIA_NETWORK', 'devnet')
        vi.stubEnv('FULL_NODE_URLS', devnet.url)
        vi.resetModules()
        const { POST } = await import('@/app/api/faucet/route')
        const res = await POST(new Request('http://localhost/api/faucet', { method: 'POST', body: JSON.stringify({ address }) }))
        vi.unstubAllEnvs()
        expect(res.status).toBe(200)
        return res.json()
      },
    })
    const wallet = await burner.connect()
    const grant = (await wallet.fund()) as { digAssetId: string }
    expect(grant.digAssetId).toMatch(/^0x[0-9a-f]{64}$/)
    // create_dig goes through the mempool: farm a block elsewhere to confirm it.
    await devnet.farmBlocks(`0x${'00'.repeat(32)}`, 1)

    const xch = await wallet.getSpendableCoins()
    expect(xch.length).toBeGreaterThan(0)
    const dig = await wallet.getSpendableCoins({ assetId: hexToBytes(grant.digAssetId) })
    expect(dig).toHaveLength(1)
    expect(dig[0].coin.amount).toBe(1_000_000n)
    expect(dig[0].lineageProof).toBeDefined()

    const own = addressToPuzzleHash(wallet.address)
    const biggest = xch.reduce((a, b) => (b.coin.amount > a.coin.amount ? b : a))
    const spend = sendToSelf(biggest, own)
    const signature = await wallet.signCoinSpends([spend])
    verifyWalletSignature([spend], signature, await signingContext())
    const pushed = await devnet.pushTx({ coinSpends: [spend], aggregatedSignature: signature })
    expect(pushed).toMatchObject({ success: true, status: 'SUCCESS' })
    await waitForCoin(own, biggest.coin.amount - 1000n)
  }, 60_000)

  it('a spend signed over WalletConnect on chia:devnet is accepted by the devnet', async () => {
    const { genesisChallenge } = await signingContext()
    const w = await startTestWallet({
      relayUrl: relay.url,
      masterSecretKey: '117e966c92fcb790e9ae3b47467b69e0ff8add05a2d1263171ca11e3fbac26e0',
      chainId: 'chia:devnet',
      genesisChallenge,
    })
    const connector = createWalletConnectConnector({
      network: 'devnet',
      projectId: '0'.repeat(32),
      relayUrl: relay.url,
      metadata: { name: 'test', description: '', url: 'http://127.0.0.1', icons: [] },
      storage: new MemoryStorage(),
      customStoragePrefix: `dapp-devnet-${process.pid}`,
      verifySignature: async (spends, sig) => verifyWalletSignature(spends, sig, await signingContext()),
    })
    try {
      let paired: Promise<unknown> | undefined
      const wallet: Wallet = await connector.connect({ onUri: (uri) => (paired = w.pair(uri)) })
      await paired
      await devnet.farmBlocks(w.address, 1)
      const [record] = await chain().getCoinRecordsByPuzzleHash(w.puzzleHash, { includeSpentCoins: false })
      expect(record).toBeDefined()
      const coin: SpendableCoin = { coin: record.coin, coinId: new Uint8Array(32), puzzleReveal: w.coins[0].puzzleReveal, confirmedBlockIndex: record.confirmedBlockIndex, locked: false }
      const spend = sendToSelf(coin, w.puzzleHash)
      const signature = await wallet.signCoinSpends([spend])
      const pushed = await devnet.pushTx({ coinSpends: [spend], aggregatedSignature: signature })
      expect(pushed).toMatchObject({ success: true })
      await waitForCoin(w.puzzleHash, record.coin.amount - 1000n)
      expect(equalBytes(w.coins[0].coin.puzzleHash, w.puzzleHash)).toBe(true)
    } finally {
      await connector.close()
      await w.close()
    }
  }, 60_000)
})
