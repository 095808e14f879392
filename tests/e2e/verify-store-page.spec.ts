/**
 * The public verification page against the Playwright devnet: a store minted and updated three
 * times by the reference driver, a Chia reference-wallet-format store, a tampering upstream, root
 * lookup, inclusion proofs, the badge, and 400/404 answers.
 */
import { expect, test, type Page } from '@playwright/test'

import { puzzleHashToAddress } from '@/lib/chia/keys/address'
import { bytesToHex } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'

import {
  devnetCoinRecord,
  FILES,
  mintAndMeltDriverStore,
  mintDriverStore,
  mintReferenceWalletStore,
  owner,
  startTamperingUpstream,
  type DriverStore,
} from './verify-devnet-stores'

// Setup (mint + 3 updates, each farmed) plus a production page that verifies in the browser.
test.describe.configure({ mode: 'serial', timeout: 120_000 })

let store: DriverStore

test.beforeAll(async () => {
  test.setTimeout(180_000)
  store = await mintDriverStore()
})

/** Waits for the automatic in-browser verification against the node proxy to finish. */
async function verified(page: Page) {
  const summary = page.getByTestId('verify-ours').getByTestId('verify-summary')
  await expect(summary).toBeVisible({ timeout: 60_000 })
  return summary
}

const failedIds = async (page: Page, attribute: 'data-pass' | 'data-pass-other') =>
  page.locator(`[data-testid^="check-"][${attribute}="false"]`).evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-testid')!.slice('check-'.length)))].sort())

test('a driver store shows its current root, label, size, owner and 4-entry history; every check passes', async ({ page }) => {
  const response = await page.goto(`/s/${store.launcherId}`)
  expect(response?.status()).toBe(200)
  await expect(page.getByTestId('store-title')).toHaveText(store.label)
  await expect(page).toHaveTitle(new RegExp(`^${store.label} · 0x${store.launcherId.slice(0, 8)}`))
  await expect(page.getByTestId('store-status')).toHaveAttribute('data-status', 'live')
  await expect(page.getByTestId('current-root')).toHaveText(store.roots[3])
  await expect(page.getByTestId('current-label')).toHaveText(store.label)
  await expect(page.getByTestId('current-size')).toContainText('2.05 KB')
  await expect(page.getByTestId('current-size')).toContainText('2,048 bytes')
  await expect(page.getByTestId('owner-address')).toHaveText(store.ownerAddress)
  expect(store.ownerAddress).toBe(puzzleHashToAddress(owner.puzzleHash, 'txch'))
  await expect(page.getByRole('img', { name: /QR code of the owner address/ })).toBeVisible()
  await expect(page.getByTestId('delegate-admin')).toBeVisible()
  await expect(page.getByTestId('delegate-writer')).toBeVisible()
  await expect(page.getByTestId('delegate-oracle')).toContainText('1,000 mojos')
  await expect(page.getByTestId('creation-height')).toHaveText(store.creationHeight.toLocaleString('en-US'))
  await expect(page.getByTestId('last-update')).toContainText(`height ${store.heights[3].toLocaleString('en-US')}`)
  await expect(page.getByTestId('last-update')).toContainText('by writer')

  const entries = page.getByTestId('history-entry')
  await expect(entries).toHaveCount(4)
  // Newest first: roots, heights and signers in order.
  await expect(page.getByTestId('history-root')).toHaveText([...store.roots].reverse())
  for (let g = 0; g < 4; g++) {
    const entry = page.locator(`[data-testid="history-entry"][data-generation="${g}"]`)
    await expect(entry).toContainText(`height ${store.heights[g].toLocaleString('en-US')}`)
    await expect(entry).toContainText(['Mint', 'Owner', 'Admin', 'Writer'][g])
  }
  await expect(page.locator('[data-generation="1"]')).toContainText('Label → “E2E dataset v2”')
  // The explorer-style link answers with the raw coin record.
  const href = await page.locator('[data-generation="3"] a').getAttribute('href')
  const coin = await page.request.get(href!)
  expect(coin.status()).toBe(200)
  expect((await coin.json()).coin_record.spent_block_index).toBe(0)

  const summary = await verified(page)
  await expect(summary).toHaveAttribute('data-passed', 'true')
  expect(await failedIds(page, 'data-pass')).toEqual([])
  // 3 launcher checks + 4 × (parent, puzzle hash, root) + 3 spends + tip.
  await expect(page.locator('[data-testid^="check-"][data-pass="true"]')).toHaveCount(3 + 12 + 3 + 1)
  for (const id of ['launcher-coin-id', 'launcher-puzzle-hash', 'launcher-spend', 'generation-3-puzzle-hash', 'tip']) {
    await expect(page.getByTestId(`check-${id}`)).toHaveAttribute('data-pass', 'true')
  }
})

test('a tampered endpoint makes exactly the affected checks fail, and the sources disagree there', async ({ page }) => {
  // Generation 2's coin: its puzzle hash is rewritten in every coin record the endpoint returns.
  const gen2 = await devnetCoinRecord(await page.request.get(`/api/stores/${store.launcherId}`).then(async (r) => (await r.json()).history[2].coinId))
  const upstream = await startTamperingUpstream(gen2.coin.puzzleHash, 'ab'.repeat(32))
  try {
    await page.goto(`/s/${store.launcherId}`)
    await verified(page)
    await page.getByTestId('endpoint-input').fill(upstream.url)
    await page.getByRole('button', { name: 'Run checks there' }).click()
    const theirs = page.getByTestId('verify-theirs').getByTestId('verify-summary')
    await expect(theirs).toHaveAttribute('data-passed', 'false', { timeout: 60_000 })
    expect(await failedIds(page, 'data-pass-other')).toEqual(['generation-2-parent', 'generation-2-puzzle-hash', 'generation-2-spend'])
    expect(await failedIds(page, 'data-pass')).toEqual([])
    await expect(page.getByTestId('sources-agree')).toHaveText('The sources disagree on generation 2.')
    // Failed checks are listed in the open, with the tampered value as evidence.
    await expect(page.getByTestId('failed-check-generation-2-puzzle-hash')).toBeVisible()
    await expect(page.getByTestId('failed-check-generation-2-puzzle-hash')).toContainText(`0x${'ab'.repeat(32)}`)
  } finally {
    await upstream.close()
  }
})

test('an honest second endpoint agrees with the proxy on every generation', async ({ page }) => {
  // The same proxy-to-devnet server rewriting nothing (a puzzle hash that never occurs).
  const upstream = await startTamperingUpstream('00'.repeat(32), '00'.repeat(32))
  try {
    await page.goto(`/s/${store.launcherId}`)
    await verified(page)
    await page.getByTestId('endpoint-input').fill(`${upstream.url}/`)
    await page.getByRole('button', { name: 'Run checks there' }).click()
    await expect(page.getByTestId('verify-theirs').getByTestId('verify-summary')).toHaveAttribute('data-passed', 'true', { timeout: 60_000 })
    await expect(page.getByTestId('sources-agree')).toHaveAttribute('data-agree', 'true')
  } finally {
    await upstream.close()
  }
})

test('root lookup: committed and current, committed earlier, never, and malformed input', async ({ page }) => {
  await page.goto(`/s/${store.launcherId}`)
  const input = page.getByTestId('root-lookup-input')
  const result = page.getByTestId('root-lookup-result')

  await input.fill(store.roots[3])
  await page.getByRole('button', { name: 'Look up' }).click()
  await expect(result).toHaveAttribute('data-current', 'true')
  await expect(result).toContainText('still the current root')
  await expect(result).toContainText(`Generation 3 · height ${store.heights[3].toLocaleString('en-US')}`)

  await input.fill(store.roots[1].slice(2).toUpperCase())
  await page.getByRole('button', { name: 'Look up' }).click()
  await expect(result).toHaveAttribute('data-current', 'false')
  await expect(result).toContainText('no longer the current root')
  await expect(result).toContainText(`Generation 1 · height ${store.heights[1].toLocaleString('en-US')}`)
  await expect(result).toContainText(`replaced at height ${store.heights[2].toLocaleString('en-US')}`)

  await input.fill(`0x${'12'.repeat(32)}`)
  await page.getByRole('button', { name: 'Look up' }).click()
  await expect(result).toHaveAttribute('data-committed', 'false')
  await expect(result).toHaveText('Never committed by this store.')

  await input.fill('0x1234')
  await page.getByRole('button', { name: 'Look up' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'A root hash is 64 hexadecimal characters' })).toBeVisible()
})

test('inclusion proofs: a valid proof, a valid proof with its file, a forged proof', async ({ page }) => {
  await page.goto(`/s/${store.launcherId}`)
  await verified(page)
  const input = page.getByTestId('proof-input')
  const result = page.getByTestId('proof-result')

  await input.fill(store.proofJson)
  await page.getByTestId('proof-verify').click()
  await expect(result).toHaveAttribute('data-valid', 'true')
  await expect(result).toContainText('Valid: 2 keys included in root committed at generation 3')
  await expect(result).toContainText('the current root')

  await page.getByTestId('proof-file').setInputFiles({ name: 'readme.txt', mimeType: 'text/plain', buffer: Buffer.from(FILES[0].value) })
  await page.getByTestId('proof-verify').click()
  await expect(result).toContainText('The file “readme.txt” is one of the proven values.')

  await page.getByTestId('proof-file').setInputFiles({ name: 'other.txt', mimeType: 'text/plain', buffer: Buffer.from('not in the store') })
  await page.getByTestId('proof-verify').click()
  await expect(result).toHaveAttribute('data-valid', 'false')
  await expect(result).toContainText('The file is not one of the values this proof proves.')
  await page.getByTestId('proof-file').setInputFiles([])

  // A value hash swapped for another: the Merkle path no longer leads to the on-chain root.
  const forged = JSON.parse(store.proofJson)
  forged.proof.store_proofs.proofs[0].value_clvm_hash = `0x${'cd'.repeat(32)}`
  await input.fill(JSON.stringify(forged))
  await page.getByTestId('proof-verify').click()
  await expect(result).toHaveAttribute('data-valid', 'false')
  await expect(result).toContainText('Invalid:')

  await input.fill('{"not": "a proof"}')
  await page.getByTestId('proof-verify').click()
  await expect(result).toContainText('Invalid: This is not a Chia DataLayer proof.')
})

test('the badge renders with label, status and short root, with cache headers; the page offers the embed snippet', async ({ page, request }) => {
  const res = await request.get(`/api/badge/${store.launcherId}`)
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toContain('image/svg+xml')
  expect(res.headers()['cache-control']).toMatch(/max-age=\d+/)
  const svg = await res.text()
  expect(svg).toContain(store.label)
  expect(svg).toContain('live')
  expect(svg).toContain(store.roots[3].slice(0, 8))

  await page.goto(`/s/${store.launcherId}`)
  const badge = page.getByTestId('badge-preview')
  await expect(badge).toBeVisible()
  expect(await badge.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 50)).toBe(true)
  await expect(page.getByTestId('embed-snippet')).toContainText(`/api/badge/${store.launcherId}`)

  expect((await request.get(`/api/badge/${'0'.repeat(64)}`)).status()).toBe(404)
  expect((await request.get('/api/badge/nope')).status()).toBe(400)

  // Link previews: the Open Graph image is a PNG.
  const og = await page.locator('meta[property="og:image"]').getAttribute('content')
  const image = await request.get(new URL(og!).pathname)
  expect(image.status()).toBe(200)
  expect(image.headers()['content-type']).toBe('image/png')
})

test('malformed ids are a 400, unknown coins and coins that are not stores a 404', async ({ page, request }) => {
  expect((await request.get('/s/not-a-store-id')).status()).toBe(400)
  expect((await request.get(`/s/${store.launcherId.slice(2)}`)).status()).toBe(400)
  const unknown = await page.goto(`/s/${'7'.repeat(64)}`)
  expect(unknown?.status()).toBe(404)
  await expect(page.getByTestId('store-not-found')).toBeVisible()
  // A real coin on the chain that is a plain standard coin, not a store launcher.
  const plain = await page.goto(`/s/${store.plainCoinId}`)
  expect(plain?.status()).toBe(404)
})

test('a Chia reference-wallet-format store (no hints, root-only metadata) renders and verifies', async ({ page }) => {
  const ref = await mintReferenceWalletStore()
  const response = await page.goto(`/s/${ref.launcherId}`)
  expect(response?.status()).toBe(200)
  await expect(page.getByTestId('store-title')).toHaveText('Unnamed store')
  await expect(page.getByTestId('current-root')).toHaveText(ref.root)
  await expect(page.getByTestId('current-size')).toHaveText('not stated')
  await expect(page.getByTestId('owner-address')).toHaveText(owner.address)
  await expect(page.getByTestId('history-entry')).toHaveCount(1)
  await expect(page.getByTestId('creation-height')).toHaveText(ref.height.toLocaleString('en-US'))
  const summary = await verified(page)
  await expect(summary).toHaveAttribute('data-passed', 'true')
  expect(await failedIds(page, 'data-pass')).toEqual([])
  const eve = await devnetCoinRecord(await page.request.get(`/api/stores/${ref.launcherId}`).then(async (r) => (await r.json()).current.coinId))
  expect(bytesToHex(eve.coin.parentCoinInfo)).toBe(ref.launcherId)
  expect(bytesToHex(coinId(eve.coin))).not.toBe(ref.launcherId)
})

test('a melted store keeps its page: final state, history, "melted at height H", a real melt, a melted badge', async ({ page, request }) => {
  const melted = await mintAndMeltDriverStore()
  const response = await page.goto(`/s/${melted.launcherId}`)
  expect(response?.status()).toBe(200)
  await expect(page.getByTestId('store-status')).toHaveAttribute('data-status', 'melted')
  await expect(page.getByTestId('melted-banner')).toContainText(`melted at height ${melted.meltHeight.toLocaleString('en-US')}`)
  await expect(page.getByTestId('melt-height')).toHaveText(melted.meltHeight.toLocaleString('en-US'))
  await expect(page.getByRole('heading', { name: 'Final state' })).toBeVisible()
  await expect(page.getByTestId('current-root')).toHaveText(melted.lastRoot)
  await expect(page.getByTestId('history-entry')).toHaveCount(2)
  await expect(page.getByTestId('history-melt')).toContainText(`Melted at height ${melted.meltHeight.toLocaleString('en-US')}`)
  const summary = await verified(page)
  await expect(summary).toHaveAttribute('data-passed', 'true')
  await expect(page.getByTestId('check-tip')).toContainText('The melt is real')

  // The final root is committed but no longer current.
  await page.getByTestId('root-lookup-input').fill(melted.lastRoot)
  await page.getByRole('button', { name: 'Look up' }).click()
  await expect(page.getByTestId('root-lookup-result')).toHaveAttribute('data-current', 'false')

  const badge = await request.get(`/api/badge/${melted.launcherId}`)
  expect(await badge.text()).toContain('melted')
  expect(badge.headers()['cache-control']).toContain('immutable')
})
