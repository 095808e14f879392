/**
 * WalletConnect in Chromium, offline: the app (pointed at the loopback relay with
 * WALLETCONNECT_RELAY_URL) pairs with the Node test wallet through tests/support/wc-relay.ts.
 * The app must run with WALLETCONNECT_PROJECT_ID set and WALLETCONNECT_RELAY_URL =
 * ws://127.0.0.1:$E2E_WC_RELAY_PORT (playwright.config.ts).
 */
import { type APIRequestContext, expect, type Page, test } from '@playwright/test'

import { hexToBytes } from '@/lib/chia/primitives/bytes'

import { standardPuzzleReveal, startTestWallet, type TestWallet } from '../support/test-wallet'
import { startWcRelay, type WcRelay } from '../support/wc-relay'

const RELAY_PORT = Number(process.env.E2E_WC_RELAY_PORT ?? 3199)
// Devnet key from the driver vectors (owner); any real BLS key works.
const MASTER_SECRET_KEY = '117e966c92fcb790e9ae3b47467b69e0ff8add05a2d1263171ca11e3fbac26e0'

let relay: WcRelay
let wallets: TestWallet[] = []

test.beforeAll(async () => {
  relay = await startWcRelay({ port: RELAY_PORT })
})
test.afterAll(async () => {
  await relay.close()
})
test.afterEach(async () => {
  for (const w of wallets) await w.close()
  wallets = []
})

test.beforeEach(async ({ page }) => {
  // sign-client waits 5 s per call for the Verify API iframe, unreachable offline; this test-only
  // hook makes its isTestRun() true (wallets.md Appendix A). Production code is unchanged.
  await page.addInitScript(() => {
    ;(window as unknown as { process: unknown }).process = { env: { IS_VITEST: 'true' } }
  })
})

async function wallet(options: { chainId?: string; rejectPairing?: boolean; genesisChallenge?: Uint8Array } = {}) {
  const w = await startTestWallet({
    relayUrl: relay.url,
    masterSecretKey: MASTER_SECRET_KEY,
    chainId: options.chainId ?? 'chia:devnet',
    genesisChallenge: options.genesisChallenge ?? new Uint8Array(32),
    rejectPairing: options.rejectPairing,
  })
  wallets.push(w)
  return w
}

async function startPairing(page: Page): Promise<string> {
  await page.goto('/')
  await page.getByTestId('connect-wallet').click()
  await page.getByTestId('wallet-option-walletconnect').click()
  const uriField = page.getByTestId('wc-uri')
  await expect(uriField).toHaveValue(/^wc:[0-9a-f]{64}@2\?/)
  await expect(page.getByRole('img', { name: 'WalletConnect pairing QR code' })).toBeVisible()
  return uriField.inputValue()
}

test('pairs with a Sage-like wallet, shows its address, restores the session after a reload, and disconnects', async ({ page }) => {
  const w = await wallet()
  const uri = await startPairing(page)
  await w.pair(uri)

  const button = page.getByTestId('wallet-address')
  const short = `${w.address.slice(0, w.address.indexOf('1') + 5)}…${w.address.slice(-4)}`
  await expect(button).toHaveText(short)

  await page.reload()
  await expect(page.getByTestId('wallet-address')).toHaveText(short)
  expect(w.requests.filter((r) => r.method === 'chia_getAddress').length).toBeGreaterThanOrEqual(2)

  await page.getByTestId('wallet-address').click()
  await expect(page.getByTestId('wallet-full-address')).toHaveText(w.address)
  await page.getByTestId('wallet-disconnect').click()
  await expect(page.getByTestId('connect-wallet')).toHaveText('Connect wallet')
  await expect.poll(() => w.client.session.getAll().length).toBe(0)

  await page.reload()
  await expect(page.getByTestId('connect-wallet')).toHaveText('Connect wallet')
})

test('a wallet on another network gets a clear banner and no session', async ({ page }) => {
  const w = await wallet({ chainId: 'chia:mainnet' })
  const uri = await startPairing(page)
  await w.pair(uri)
  const banner = page.getByTestId('network-mismatch-banner')
  await expect(banner).toContainText('Your wallet is on mainnet, but this app uses the devnet')
  await expect(page.getByTestId('connect-wallet')).toHaveText('Connect wallet')
  await expect.poll(() => w.client.session.getAll().length).toBe(0)
})

test('a rejected pairing shows the rejection and lets the user try again', async ({ page }) => {
  const w = await wallet({ rejectPairing: true })
  const uri = await startPairing(page)
  await w.pair(uri).catch(() => undefined)
  await expect(page.getByTestId('wallet-error')).toHaveText('The request was rejected in the wallet.')
  await expect(page.getByTestId('wallet-option-walletconnect')).toBeEnabled()
})

test('when the wallet ends the session, the app shows it as disconnected', async ({ page }) => {
  const w = await wallet()
  await w.pair(await startPairing(page))
  await expect(page.getByTestId('wallet-address')).toBeVisible()
  await w.disconnectAll()
  await expect(page.getByTestId('connect-wallet')).toHaveText('Connect wallet')
  await page.getByTestId('connect-wallet').click()
  await expect(page.getByTestId('wallet-error')).toContainText('The wallet ended the session')
})

/** POST to the app's full-node proxy (the devnet behind it). */
async function node(request: APIRequestContext, method: string, body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const res = await request.post(`/api/node/${method}`, { data: body })
  expect(res.ok(), `${method}: HTTP ${res.status()}`).toBe(true)
  return (await res.json()) as Record<string, unknown>
}

/** The devnet's genesis challenge, which the wallet must sign for (AGG_SIG_ME additional data). */
async function devnetGenesisChallenge(request: APIRequestContext): Promise<Uint8Array> {
  const info = await node(request, 'get_network_info')
  return hexToBytes(String(info.genesis_challenge).replace(/^0x/, ''))
}

type RpcCoinRecord = { coin: { parent_coin_info: string; puzzle_hash: string; amount: number }; spent: boolean }

/**
 * Funds the test wallet from the devnet faucet (a farmed block's rewards to its address) and has
 * it report its real unspent coins from `chip0002_getAssetCoins`, as Sage would.
 */
async function fund(request: APIRequestContext, w: TestWallet) {
  const res = await request.post('/api/faucet', { data: { address: w.address } })
  expect(res.ok(), `faucet: HTTP ${res.status()}`).toBe(true)
  let records: RpcCoinRecord[] = []
  await expect
    .poll(
      async () => {
        const body = await node(request, 'get_coin_records_by_puzzle_hash', { puzzle_hash: `0x${Buffer.from(w.puzzleHash).toString('hex')}`, include_spent_coins: false })
        records = (body.coin_records as RpcCoinRecord[]).filter((r) => !r.spent)
        return records.length
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0)
  const puzzleReveal = standardPuzzleReveal(w.syntheticPublicKey)
  w.coins = records.map((r) => ({
    coin: { parentCoinInfo: hexToBytes(r.coin.parent_coin_info.replace(/^0x/, '')), puzzleHash: hexToBytes(r.coin.puzzle_hash.replace(/^0x/, '')), amount: BigInt(r.coin.amount) },
    puzzleReveal,
  }))
}

/** A paired, funded test wallet on the devnet chain, signing for the devnet's genesis challenge. */
async function pairedDevnetWallet(page: Page, request: APIRequestContext): Promise<TestWallet> {
  const w = await wallet({ genesisChallenge: await devnetGenesisChallenge(request) })
  await fund(request, w)
  await w.pair(await startPairing(page))
  await expect(page.getByTestId('wallet-address')).toBeVisible()
  return w
}

async function fillMint(page: Page, w: TestWallet, label: string) {
  await page.goto('/mint')
  // The session is restored after the navigation; the owner defaults to the wallet's address.
  await expect(page.getByLabel('Owner')).toHaveAttribute('placeholder', w.address, { timeout: 20_000 })
  await page.getByLabel('Label').fill(label)
  await page.getByLabel('Description').fill('minted through WalletConnect')
  await page.getByTestId('mint-submit').click()
  await expect(page.getByTestId('action-preview')).toBeVisible({ timeout: 30_000 })
}

test('mints a store on the devnet signed through WalletConnect, and sees it confirmed', async ({ page, request }) => {
  test.setTimeout(150_000)
  const w = await pairedDevnetWallet(page, request)
  const label = `wc-${Date.now().toString(36)}`
  await fillMint(page, w, label)
  await page.getByTestId('pipeline-sign').click()

  await page.waitForURL(/\/stores\/[0-9a-f]{64}/, { timeout: 60_000 })
  await expect(page.getByTestId('store-label')).toHaveText(label)
  await expect(page.getByTestId('history-entry')).toHaveCount(1, { timeout: 60_000 })
  await expect(page.getByTestId('my-role')).toHaveText('You are the owner')
  await expect(page.getByTestId('store-owner')).toHaveText(w.address)

  // The wallet really signed this bundle: one signing request, on the devnet chain.
  const signs = w.requests.filter((r) => r.method === 'chip0002_signCoinSpends')
  expect(signs).toHaveLength(1)
  expect(signs[0].chainId).toBe('chia:devnet')

  // And the chain agrees: the launcher (= store id) exists and is spent (the store was created).
  const launcherId = /\/stores\/([0-9a-f]{64})/.exec(page.url())![1]
  const { coin_record: launcher } = (await node(request, 'get_coin_record_by_name', { name: `0x${launcherId}` })) as { coin_record: { spent_block_index: number } }
  expect(launcher.spent_block_index).toBeGreaterThan(0)
})

test('a signature rejected in the wallet shows a clear message and keeps the form and the intent; signing again confirms', async ({ page, request }) => {
  test.setTimeout(150_000)
  const w = await pairedDevnetWallet(page, request)
  const label = `wc-rejected-${Date.now().toString(36)}`
  await fillMint(page, w, label)
  const pipeline = page.getByTestId('action-pipeline')
  const entryId = await pipeline.getAttribute('data-entry-id')

  w.behavior = 'reject'
  await page.getByTestId('pipeline-sign').click()
  await expect(page.getByTestId('pipeline-rejected')).toContainText('The request was rejected in the wallet.')
  await expect(pipeline).toHaveAttribute('data-status', 'rejected')
  // Nothing was sent, and the intent and the form are kept.
  await expect(page.getByLabel('Label')).toHaveValue(label)
  await expect(page.getByLabel('Description')).toHaveValue('minted through WalletConnect')
  await expect(pipeline).toHaveAttribute('data-entry-id', entryId!)
  await expect(page.getByTestId('pipeline-sign')).toBeEnabled()
  expect(w.requests.filter((r) => r.method === 'chip0002_signCoinSpends')).toHaveLength(1)

  // The user changes their mind: the same intent is signed and confirms.
  w.behavior = 'approve'
  await page.getByTestId('pipeline-sign').click()
  await page.waitForURL(/\/stores\/[0-9a-f]{64}/, { timeout: 60_000 })
  await expect(page.getByTestId('store-label')).toHaveText(label)
  await expect(page.getByTestId('history-entry')).toHaveCount(1, { timeout: 60_000 })
})
