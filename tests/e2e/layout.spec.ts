import { expect, test, type Page } from '@playwright/test'

const backgroundOf = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor)

test.describe('layout', () => {
  test('follows the system colour scheme, and the toggle overrides it across reloads', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto('/')
    const darkBackground = await backgroundOf(page)
    await page.emulateMedia({ colorScheme: 'light' })
    const lightBackground = await backgroundOf(page)
    expect(darkBackground).not.toBe(lightBackground)

    const toggle = page.getByTestId('theme-toggle')
    await expect(toggle).toHaveAttribute('data-theme-choice', 'system')
    await toggle.click() // system → light
    await toggle.click() // light → dark
    await expect(toggle).toHaveAttribute('data-theme-choice', 'dark')
    expect(await backgroundOf(page)).toBe(darkBackground)

    await page.reload()
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    expect(await backgroundOf(page)).toBe(darkBackground)
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-theme-choice', 'dark')

    await page.getByTestId('theme-toggle').click() // dark → system (light here)
    expect(await backgroundOf(page)).toBe(lightBackground)
  })

  test('fits a phone screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto('/')
    const nav = page.getByRole('navigation', { name: 'Main' })
    await expect(nav.getByRole('link', { name: 'Collateral' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Connect wallet' })).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
})
