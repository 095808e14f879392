/**
 * WalletConnect in Chromium, offline: the app (pointed at the loopback relay with
 * WALLETCONNECT_RELAY_URL) pairs with the Node test wallet through tests/support/wc-relay.ts.
 * The app must run with WALLETCONNECT_PROJECT_ID set and WALLETCONNECT_RELAY_URL =
 * ws://127.0.0.1:$E2E_WC_RELAY_PORT (playwright.config.ts).
 */
import { expect, type Page, test } from '@playwright/test'

import { startTestWallet, type TestWallet } from '../support/test-wallet'
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

async function wallet(options: { chainId?: string; rejectPairing?: boolean } = {}) {
  const w = await startTestWallet({
    relayUrl: relay.url,
    masterSecretKey: MASTER_SECRET_KEY,
    chainId: options.chainId ?? 'chia:devnet',
    genesisChallenge: new Uint8Array(32),
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
