/**
 * The store owner flows end to end on the devnet with burner wallets (issue 7): mint with admin +
 * writer + oracle, update as owner (with a reload mid-flight), a rejected signature that keeps the
 * form, update as writer from a second burner, a stale intent rebuilt after the writer moved the
 * store, oracle spend, transfer, melt — each confirmed and visible in the history; malformed
 * inputs show field errors.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test'

import { puzzleHashToAddress } from '@/lib/chia/keys/address'
import { mnemonicToMasterSecretKey } from '@/lib/chia/keys/mnemonic'
import { secretKeyToPublicKey } from '@/lib/chia/keys/secret-key'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { masterSecretKeyToWalletSyntheticSecretKey } from '@/lib/chia/keys/synthetic-key'
import { dataLayerMerkleTree } from '@/lib/chia/merkle/data-layer-merkle-tree'
import { bytesToHex, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { signedToolIntentBody } from '@/lib/chain/intents/sign-tool-intent'

// An admin key held by "a tool" (it queues a signed intent over HTTP below).
const adminSecretKey = masterSecretKeyToWalletSyntheticSecretKey(mnemonicToMasterSecretKey(`${'abandon '.repeat(11)}about`), 3)
const adminKey = secretKeyToPublicKey(adminSecretKey)
const ADMIN_PUBLIC_KEY = bytesToHex(adminKey)
const ORACLE_ADDRESS = puzzleHashToAddress(standardPuzzleHash(adminKey), 'txch')
const LABEL = `e2e-${Date.now().toString(36)}`
const FILES = [
  { name: 'index.html', mimeType: 'text/html', buffer: Buffer.from('<h1>hello datalayer</h1>') },
  { name: 'readme.md', mimeType: 'text/markdown', buffer: Buffer.from('# readme\n'.repeat(100)) },
]
// What the Web Worker must compute: the DataLayer root over (path → bytes), by lib/chia in Node.
const FILES_ROOT = bytesToHex(dataLayerMerkleTree(FILES.map((f) => ({ key: utf8ToBytes(f.name), value: new Uint8Array(f.buffer) }))).root)
const FILES_BYTES = FILES.reduce((t, f) => t + f.buffer.length, 0)

test.describe.configure({ mode: 'serial' })

let ownerCtx: BrowserContext
let writerCtx: BrowserContext
let owner: Page
let writer: Page
let launcherId = ''
let writerAddress = ''
let writerPublicKey = ''

async function connectBurner(page: Page, fund: boolean) {
  await page.goto('/dashboard')
  await page.getByTestId('connect-wallet').click()
  await page.getByTestId('wallet-option-burner').click()
  await expect(page.getByTestId('wallet-address')).toHaveText(/^txch1/)
  if (fund) {
    await page.getByTestId('wallet-address').click()
    await page.getByTestId('burner-fund').click()
    await expect(page.getByTestId('burner-panel')).toContainText('Funded', { timeout: 30_000 })
    await page.keyboard.press('Escape')
  }
}

/** Signs the pipeline on the page and waits for confirmation. */
async function signAndConfirm(page: Page, { reloadAfterSign = false } = {}) {
  const pipeline = page.getByTestId('action-pipeline').filter({ has: page.getByTestId('pipeline-sign') }).first()
  await expect(pipeline.getByTestId('action-preview')).toBeVisible({ timeout: 30_000 })
  const entryId = await pipeline.getAttribute('data-entry-id')
  const entry = page.locator(`[data-testid="action-pipeline"][data-entry-id="${entryId}"]`)
  await pipeline.getByTestId('pipeline-sign').click()
  if (reloadAfterSign) {
    await expect(entry).toHaveAttribute('data-status', /submitted|confirmed/, { timeout: 20_000 })
    await page.reload()
    // The outbox survived the reload: the same intent is still tracked.
    await expect(entry).toBeVisible()
  }
  await expect(entry).toHaveAttribute('data-status', 'confirmed', { timeout: 60_000 })
  await entry.getByTestId('pipeline-dismiss').click()
}

test.beforeAll(async ({ browser }) => {
  ownerCtx = await browser.newContext()
  writerCtx = await browser.newContext()
  owner = await ownerCtx.newPage()
  writer = await writerCtx.newPage()
})

test.afterAll(async () => {
  await ownerCtx?.close()
  await writerCtx?.close()
})

test('a second burner shows its public key and address for delegation', async () => {
  await connectBurner(writer, false)
  await expect(writer.getByTestId('my-public-key')).toHaveText(/^[0-9a-f]{96}$/)
  writerPublicKey = (await writer.getByTestId('my-public-key').textContent())!
  writerAddress = (await writer.getByTestId('my-address').textContent())!
})

test('mint with admin, writer and oracle: malformed inputs show field errors, then it confirms and lands on the store page', async () => {
  test.setTimeout(120_000)
  await connectBurner(owner, true)
  await owner.goto('/mint')
  await owner.getByLabel('Label').fill(LABEL)
  await owner.getByLabel('Size in bytes').fill('12a')
  await owner.getByLabel('Initial root hash').fill('0xnothex')
  await owner.getByLabel('Writer keys').fill('not-a-key')
  await owner.getByTestId('oracle-toggle').check()
  await owner.getByLabel('Oracle fee (mojos)').fill('101')
  await owner.getByTestId('mint-submit').click()
  await expect(owner.getByTestId('bytes-error')).toContainText('whole number')
  await expect(owner.getByTestId('rootHash-error')).toContainText('64 hexadecimal')
  await expect(owner.getByTestId('writers-error')).toBeVisible()
  await expect(owner.getByTestId('oracleFee-error')).toContainText('even')
  await expect(owner.getByTestId('oracleAddress-error')).toBeVisible()
  await expect(owner.getByTestId('action-pipeline')).toHaveCount(0)

  // The root and size come from files, hashed in a Web Worker.
  await owner.getByText('Compute the root from files').click()
  await owner.getByTestId('files-input').setInputFiles(FILES)
  await expect(owner.getByTestId('files-root-hash')).toHaveText(`0x${FILES_ROOT}`)
  await expect(owner.getByLabel('Initial root hash')).toHaveValue(`0x${FILES_ROOT}`)
  await expect(owner.getByLabel('Size in bytes')).toHaveValue(String(FILES_BYTES))
  await owner.getByLabel('Writer keys').fill(writerPublicKey)
  await owner.getByLabel('Admin keys').fill(ADMIN_PUBLIC_KEY)
  await owner.getByLabel('Oracle payment address').fill(ORACLE_ADDRESS)
  await owner.getByLabel('Oracle fee (mojos)').fill('100000')
  await owner.getByTestId('mint-submit').click()
  await expect(owner.getByTestId('action-preview')).toBeVisible({ timeout: 30_000 })
  await expect(owner.getByTestId('preview-outflow')).toHaveText('0.000000000001 XCH')
  await owner.getByTestId('pipeline-sign').click()
  await owner.waitForURL(/\/stores\/[0-9a-f]{64}/, { timeout: 60_000 })
  launcherId = /\/stores\/([0-9a-f]{64})/.exec(owner.url())![1]
  await expect(owner.getByTestId('store-label')).toHaveText(LABEL)
  await expect(owner.getByTestId('my-role')).toHaveText('You are the owner')
  await expect(owner.getByTestId('history-entry')).toHaveCount(1)
  await expect(owner.getByTestId('store-root')).toHaveText(`0x${FILES_ROOT}`)

  // The dashboard lists it, in sync, with its size in the totals.
  await owner.goto('/dashboard')
  const row = owner.locator(`[data-testid="store-row"][data-launcher-id="${launcherId}"]`)
  await expect(row).toContainText(LABEL)
  await expect(row.getByTestId('sync-status')).toHaveText('In sync')
  await expect(owner.getByTestId('total-stores')).toHaveText('1')
  await owner.goto(`/stores/${launcherId}`)
})

test('update as owner; a reload mid-flight keeps the outbox entry and it confirms', async () => {
  test.setTimeout(120_000)
  await owner.getByTestId('tab-update').click()
  await owner.getByLabel('Label').fill(`${LABEL}-v2`)
  await owner.getByTestId('update-submit').click()
  await expect(owner.getByTestId('preview-row-label')).toContainText(`${LABEL}-v2`)
  await expect(owner.getByTestId('preview-row-root')).toContainText('unchanged')
  await signAndConfirm(owner, { reloadAfterSign: true })
  await expect(owner.getByTestId('store-label')).toHaveText(`${LABEL}-v2`)
  await expect(owner.getByTestId('history-entry')).toHaveCount(2)
  await expect(owner.getByTestId('root-history')).toContainText(`Label → “${LABEL}-v2”`)
})

test('a rejected signature keeps the form and the intent; signing again works', async () => {
  test.setTimeout(120_000)
  await owner.reload()
  await owner.getByTestId('tab-update').click()
  await owner.getByLabel('Description').fill('rejected once')
  await owner.getByTestId('update-submit').click()
  await expect(owner.getByTestId('action-preview')).toBeVisible({ timeout: 30_000 })
  // The burner cannot get its signing context: the wallet call fails like a refusal would.
  await owner.route('**/api/node/get_network_info', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"down"}' }))
  await owner.getByTestId('pipeline-sign').click()
  await expect(owner.getByTestId('pipeline-rejected')).toBeVisible()
  await expect(owner.getByLabel('Description')).toHaveValue('rejected once')
  await owner.unroute('**/api/node/get_network_info')
  await signAndConfirm(owner)
  await expect(owner.getByTestId('history-entry')).toHaveCount(3)
})

test('a stale intent is rebuilt: the owner’s unsigned update after the writer moved the store', async () => {
  test.setTimeout(150_000)
  // The owner builds an update but does not sign yet.
  await owner.getByTestId('tab-update').click()
  await owner.getByLabel('Root hash').fill(`0x${'22'.repeat(32)}`)
  await owner.getByTestId('update-submit').click()
  await expect(owner.getByTestId('action-preview')).toBeVisible({ timeout: 30_000 })

  // The writer updates the store from the second burner.
  await writer.goto(`/stores/${launcherId}`)
  await expect(writer.getByTestId('my-role')).toHaveText('You are a writer')
  await writer.getByTestId('tab-update').click()
  await writer.getByLabel('Root hash').fill(`0x${'33'.repeat(32)}`)
  await writer.getByTestId('update-submit').click()
  await signAndConfirm(writer)
  await expect(writer.getByTestId('store-root')).toHaveText(`0x${'33'.repeat(32)}`)
  await expect(writer.getByTestId('root-history')).toContainText('Writer')

  // Now the owner signs: the tip moved, so nothing is sent; it is rebuilt and shown again.
  await owner.getByTestId('pipeline-sign').click()
  await expect(owner.getByTestId('pipeline-rebuilt')).toBeVisible({ timeout: 30_000 })
  await signAndConfirm(owner)
  await expect(owner.getByTestId('store-root')).toHaveText(`0x${'22'.repeat(32)}`)
  await expect(owner.getByTestId('history-entry')).toHaveCount(5)
})

test('oracle spend pays the oracle fee and re-creates the store, after two network failures on submit', async () => {
  test.setTimeout(120_000)
  await owner.getByTestId('tab-oracle').click()
  await owner.getByTestId('oracle-submit').click()
  await expect(owner.getByTestId('preview-outflow')).toHaveText('0.0000001 XCH', { timeout: 30_000 })
  // The first two pushes never reach the node: retried automatically after 2 s and 4 s.
  let failures = 0
  await owner.route('**/api/node/push_tx', (route) => (failures++ < 2 ? route.abort('connectionreset') : route.fallback()))
  await owner.getByTestId('pipeline-sign').click()
  await expect(owner.getByTestId('tracker-copy')).toContainText('Retrying in', { timeout: 10_000 })
  await expect(owner.locator('[data-testid="action-pipeline"][data-status="confirmed"]')).toBeVisible({ timeout: 60_000 })
  expect(failures).toBe(3)
  await owner.unroute('**/api/node/push_tx')
  await owner.getByTestId('pipeline-dismiss').first().click()
  await expect(owner.getByTestId('history-entry')).toHaveCount(6)
  await expect(owner.getByTestId('root-history')).toContainText('Oracle')
})

test('an intent queued by a tool with the admin key shows on the store page, ready to sign', async ({ request }) => {
  test.setTimeout(120_000)
  const body = signedToolIntentBody(
    { network: 'devnet', launcherId, rootHash: '44'.repeat(32), bytes: 8192n, description: 'from the commit hook', nonce: `hook-${Date.now()}`, expiry: Math.floor(Date.now() / 1000) + 600 },
    adminSecretKey,
  )
  const res = await request.post(`/api/stores/${launcherId}/intents`, { data: body })
  expect(res.status()).toBe(201)
  // Replaying the same signed request is refused.
  expect((await request.post(`/api/stores/${launcherId}/intents`, { data: body })).status()).toBe(409)
  await owner.reload()
  await expect(owner.getByTestId('tool-intents')).toContainText('signed by admin')
  await expect(owner.getByTestId('sync-status')).toHaveText('Pending update')
  await owner.getByTestId('tool-intents').getByRole('button', { name: 'Review & sign' }).click()
  await expect(owner.getByTestId('preview-row-root')).toContainText('0x44444444')
  await signAndConfirm(owner)
  await expect(owner.getByTestId('store-root')).toHaveText(`0x${'44'.repeat(32)}`)
  await expect(owner.getByTestId('tool-intents')).toHaveCount(0)
  await expect(owner.getByTestId('history-entry')).toHaveCount(7)
})

test('transfer to the writer’s wallet, who then melts the store', async () => {
  test.setTimeout(150_000)
  await owner.getByTestId('tab-ownership').click()
  await owner.getByLabel('Transfer to a new owner').fill(writerAddress)
  await owner.getByTestId('ownership-submit').click()
  await expect(owner.getByTestId('preview-row-owner')).toContainText(writerAddress)
  await signAndConfirm(owner)
  await expect(owner.getByTestId('store-owner')).toHaveText(writerAddress)
  await expect(owner.getByTestId('history-entry')).toHaveCount(8)

  await writer.goto(`/stores/${launcherId}`)
  await expect(writer.getByTestId('my-role')).toHaveText('You are the owner')
  await writer.getByTestId('tab-melt').click()
  await expect(writer.getByTestId('melt-submit')).toBeDisabled()
  await writer.getByLabel(/Type the label/).fill(`${LABEL}-v2`)
  await writer.getByTestId('melt-submit').click()
  await expect(writer.getByTestId('preview-row-root')).toContainText('destroyed', { timeout: 30_000 })
  await expect(writer.getByTestId('preview-fee')).toHaveText('0.000000000001 XCH')
  await signAndConfirm(writer)
  await expect(writer.getByTestId('history-melt')).toBeVisible({ timeout: 20_000 })
  await expect(writer.getByTestId('no-actions')).toContainText('melted')
})
