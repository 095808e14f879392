/** The devnet burner wallet in Chromium: create, persist across reloads, export, import, disconnect. */
import { expect, test } from '@playwright/test'

const ABANDON = `${'abandon '.repeat(11)}about`

test('creates a burner, keeps it across reloads, exports and imports its phrase, and disconnects', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('connect-wallet').click()
  await page.getByTestId('wallet-option-burner').click()
  const button = page.getByTestId('wallet-address')
  await expect(button).toHaveText(/^txch1.{4}….{4}$/)
  const first = await button.textContent()

  await page.reload()
  await expect(page.getByTestId('wallet-address')).toHaveText(first!)

  await page.getByTestId('wallet-address').click()
  await page.getByTestId('burner-export').click()
  await expect(page.getByTestId('burner-phrase')).toHaveText(/^(\w+ ){23}\w+$/)

  await page.getByTestId('burner-import').click()
  await page.getByLabel('Recovery phrase to import').fill(ABANDON)
  await page.getByRole('button', { name: 'Use this phrase' }).click()
  await expect(page.getByTestId('wallet-address')).not.toHaveText(first!)
  // The menu stays open after an import.
  await page.getByTestId('burner-export').click()
  await expect(page.getByTestId('burner-phrase')).toHaveText(ABANDON)

  await page.getByTestId('wallet-disconnect').click()
  await expect(page.getByTestId('connect-wallet')).toHaveText('Connect wallet')
  await page.reload()
  await expect(page.getByTestId('connect-wallet')).toHaveText('Connect wallet')
})
