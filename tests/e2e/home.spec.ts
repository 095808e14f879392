import { expect, test } from '@playwright/test'

const LAUNCHER_ID = 'a5'.repeat(32)

test.describe('home page', () => {
  test('loads with the product explained and the app shell in place', async ({ page }) => {
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(error.message))

    const response = await page.goto('/')
    expect(response?.status()).toBe(200)
    await expect(page).toHaveTitle('DataLayer Studio')

    await expect(page.getByRole('heading', { level: 1, name: 'Run your DataLayer stores from the browser' })).toBeVisible()
    for (const step of ['Mint', 'Update', 'Delegate', 'Collateralize', 'Melt']) {
      await expect(page.getByRole('heading', { level: 3, name: step, exact: true })).toBeVisible()
    }
    await expect(page.getByRole('heading', { name: 'An embedded devnet, out of the box' })).toBeVisible()

    const header = page.getByRole('banner')
    await expect(header.getByTestId('network-badge')).toHaveText(/Devnet/)
    await expect(header.getByRole('button', { name: 'Connect wallet' })).toBeVisible()
    const nav = page.getByRole('navigation', { name: 'Main' })
    for (const label of ['Dashboard', 'Mint', 'Verify a store', 'Collateral calculator']) {
      await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible()
    }

    // Hydration mismatches and client exceptions show up as console errors.
    await page.waitForLoadState('networkidle')
    expect(consoleErrors).toEqual([])
  })

  test('"Verify a store" explains a malformed id and opens the page of a valid one', async ({ page }) => {
    await page.goto('/')
    const form = page.getByTestId('verify-store-form')
    const input = form.getByLabel('Store id (launcher id)')

    await input.fill('not-hex')
    await form.getByRole('button', { name: 'Verify' }).click()
    await expect(form.getByRole('alert')).toHaveText(/only the characters 0–9 and a–f/)
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await expect(input).toHaveValue('not-hex')
    await expect(page).toHaveURL('/')

    await input.fill(`  0x${LAUNCHER_ID.toUpperCase()} `)
    await form.getByRole('button', { name: 'Verify' }).click()
    await expect(page).toHaveURL(`/s/${LAUNCHER_ID}`)
    // No chain data yet: a well-formed but unknown id is a 404 page.
    await expect(page.getByRole('heading', { level: 1, name: 'No store with this id' })).toBeVisible()
  })

  test('navigation reaches every section', async ({ page }) => {
    await page.goto('/')
    const nav = page.getByRole('navigation', { name: 'Main' })
    const sections = [
      ['Dashboard', '/dashboard'],
      ['Mint', '/mint'],
      ['Verify a store', '/verify'],
      ['Collateral calculator', '/collateral'],
    ] as const
    for (const [link, path] of sections) {
      await nav.getByRole('link', { name: link, exact: true }).click()
      await expect(page).toHaveURL(path)
      // The sections own their content; the shell only promises a titled page and the active link.
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expect(nav.getByRole('link', { name: link, exact: true })).toHaveAttribute('aria-current', 'page')
    }
  })
})
