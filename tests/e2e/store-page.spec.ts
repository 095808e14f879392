import { expect, test } from '@playwright/test'

const LAUNCHER_ID = '0123456789abcdef'.repeat(4)

test.describe('/s/[storeId]', () => {
  test('a malformed id gets a real HTTP 400 page', async ({ page, request }) => {
    const response = await page.goto('/s/not-hex')
    expect(response?.status()).toBe(400)
    expect(response?.headers()['content-type']).toContain('text/html')
    // The address the visitor typed stays in the address bar.
    await expect(page).toHaveURL('/s/not-hex')
    await expect(page.getByRole('heading', { level: 1, name: 'That is not a valid store id' })).toBeVisible()
    await expect(page.getByTestId('invalid-store-id')).toContainText('not-hex')
    await expect(page).toHaveTitle('Invalid store id · DataLayer Studio')
    // The app shell is still there, so the visitor can carry on.
    await expect(page.getByRole('banner').getByTestId('network-badge')).toBeVisible()

    for (const bad of ['abc', `${LAUNCHER_ID}00`, `0x${LAUNCHER_ID.slice(2)}zz`, '%3Cscript%3E']) {
      const res = await request.get(`/s/${bad}`)
      expect(res.status(), bad).toBe(400)
    }
  })

  test('a well-formed but unknown id is a 404, and ids are canonicalised', async ({ page, request }) => {
    const res = await request.get(`/s/0x${LAUNCHER_ID.toUpperCase()}`, { maxRedirects: 0 })
    expect(res.status()).toBe(308)
    expect(res.headers()['location']).toMatch(new RegExp(`/s/${LAUNCHER_ID}$`))

    const response = await page.goto(`/s/${LAUNCHER_ID}`)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'No store with this id' })).toBeVisible()
  })
})
