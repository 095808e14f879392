/** The injected CHIP-0002 connector in Chromium, with a fake `window.chia` shaped like Goby's. */
import { expect, type Page, test } from '@playwright/test'

// The driver-vector owner's puzzle hash and its txch address.
const PUZZLE_HASH = '0e6793e2219b067d2387d2fa2eace700aa23b007bd6bb7b7cd0186188f72c193'
const ADDRESS = 'txch1pene8c3pnvr86gu86tazat88qz4z8vq8h44m0d7dqxrp3rmjcxfs89mqsd'

async function injectGoby(page: Page, chainId: string) {
  await page.addInitScript(
    ({ chainId, puzzleHash }) => {
      const calls: string[] = []
      ;(window as unknown as { chiaCalls: string[] }).chiaCalls = calls
      ;(window as unknown as { chia: unknown }).chia = {
        isGoby: true,
        selectedAddress: `0x${puzzleHash}`,
        async request({ method }: { method: string }) {
          calls.push(method)
          if (method === 'connect') return true
          if (method === 'chainId') return chainId
          throw Object.assign(new Error('Method not found'), { code: 4004 })
        },
      }
    },
    { chainId, puzzleHash: PUZZLE_HASH },
  )
}

test('connects to a browser wallet (Goby-like window.chia) and shows its address', async ({ page }) => {
  await injectGoby(page, 'devnet')
  await page.goto('/')
  await page.getByTestId('connect-wallet').click()
  await page.getByTestId('wallet-option-injected').click()
  await expect(page.getByTestId('wallet-address')).toHaveText(`${ADDRESS.slice(0, 9)}…${ADDRESS.slice(-4)}`)
  expect(await page.evaluate(() => (window as unknown as { chiaCalls: string[] }).chiaCalls)).toEqual(['connect', 'chainId'])
  await page.getByTestId('wallet-address').click()
  await expect(page.getByTestId('wallet-full-address')).toHaveText(ADDRESS)
})

test('a browser wallet on mainnet is refused with the network banner', async ({ page }) => {
  await injectGoby(page, '0x01')
  await page.goto('/')
  await page.getByTestId('connect-wallet').click()
  await page.getByTestId('wallet-option-injected').click()
  await expect(page.getByTestId('network-mismatch-banner')).toContainText('Your wallet is on mainnet, but this app uses the devnet')
  await expect(page.getByTestId('connect-wallet')).toHaveText('Connect wallet')
})

test('without window.chia the browser wallet option is disabled and says why', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('connect-wallet').click()
  const option = page.getByTestId('wallet-option-injected')
  await expect(option).toBeDisabled()
  await expect(option).toContainText('No browser wallet was found')
})
