/**
 * Collateral in Chromium on the devnet with the burner wallet (issue 9 "Done when"): test DIG from
 * the faucet, the shortfall for a store growing to 25 MiB, lock it from the gate, the gate lifts
 * and the store's public collateral shows the coin, release the DIG-format coin, the requirement
 * is unmet again. The store itself is minted from Node with lib/chia (owner = the burner), so
 * this spec does not depend on the mint form.
 */
import { readFileSync } from 'node:fs'

import { type Page, expect, test } from '@playwright/test'

import { mintDataStore } from '@/lib/chia/datastore/mint-data-store'
import { mnemonicToMasterSecretKey } from '@/lib/chia/keys/mnemonic'
import { secretKeyToPublicKey } from '@/lib/chia/keys/secret-key'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { masterSecretKeyToWalletSyntheticSecretKey } from '@/lib/chia/keys/synthetic-key'
import { createTsRunner } from '@/lib/chia/clvm/run-program'
import { type Bytes32, bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'
import { coinRecordFromRpc, spendBundleToRpc, type RpcCoinRecord } from '@/lib/chia/primitives/rpc-json'
import { signCoinSpends } from '@/lib/chia/spends/sign-coin-spends'

const DEVNET = `http://127.0.0.1:${process.env.E2E_DEVNET_PORT ?? 18755}`
const MIB = 1_048_576n

const vectors = JSON.parse(readFileSync(new URL('../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8')) as {
  keys: Record<string, { syntheticSecretKey: string; syntheticPublicKey: string; puzzleHash: string; txchAddress: string }>
}
const minter = vectors.keys.writer2

async function rpc<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${DEVNET}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) })
  const body = (await res.json()) as T & { success: boolean; error?: string }
  if (!body.success) throw new Error(`${method}: ${body.error}`)
  return body
}

/** Mints a store of `bytes` owned by `ownerPuzzleHash` and waits until it is confirmed. */
async function mintStore(ownerPuzzleHash: Bytes32, bytes: bigint): Promise<string> {
  await rpc('farm_block', { address: minter.txchAddress, blocks: 1, guarantee_tx_block: true })
  const { coin_records } = await rpc<{ coin_records: RpcCoinRecord[] }>('get_coin_records_by_puzzle_hash', { puzzle_hash: `0x${minter.puzzleHash}`, include_spent_coins: false })
  const coins = coin_records.map(coinRecordFromRpc).map((r) => r.coin).slice(0, 1)
  const m = mintDataStore({ minterSyntheticKey: hexToBytes(minter.syntheticPublicKey), coins, ownerPuzzleHash, label: 'collateral e2e', bytes, fee: 0n })
  const { genesis_challenge } = await rpc<{ genesis_challenge: string }>('get_network_info')
  const aggregatedSignature = signCoinSpends(m.coinSpends, [hexToBytes(minter.syntheticSecretKey)], { genesisChallenge: hexToBytes(genesis_challenge), runner: createTsRunner() })
  await rpc('push_tx', { spend_bundle: spendBundleToRpc({ coinSpends: m.coinSpends, aggregatedSignature }) })
  await rpc('farm_block', { address: minter.txchAddress, blocks: 1 })
  return bytesToHex(m.launcherId)
}

/** Connects a fresh burner, funds it from the faucet (XCH + 1,000 DIG), and returns its puzzle hash. */
async function fundedBurner(page: Page): Promise<Bytes32> {
  await page.goto('/')
  await page.getByTestId('connect-wallet').click()
  await page.getByTestId('wallet-option-burner').click()
  await expect(page.getByTestId('wallet-address')).toHaveText(/^txch1/)
  await page.getByTestId('wallet-address').click()
  await page.getByTestId('burner-fund').click()
  await expect(page.getByTestId('burner-panel')).toContainText('Funded', { timeout: 60_000 })
  const mnemonic = await page.evaluate(() => localStorage.getItem('datalayer-studio.burner.mnemonic'))
  expect(mnemonic).toBeTruthy()
  return standardPuzzleHash(secretKeyToPublicKey(masterSecretKeyToWalletSyntheticSecretKey(mnemonicToMasterSecretKey(mnemonic!), 0)))
}

test('faucet DIG → shortfall → lock from the gate → gate lifts → public coin → release → unmet again', async ({ page }) => {
  test.setTimeout(240_000)
  const storeId = await mintStore(await fundedBurner(page), MIB)

  // The owner's update form is gated: growing the store to 25 MiB without collateral is blocked.
  await page.goto(`/stores/${storeId}`)
  await page.getByTestId('tab-update').click()
  await page.getByLabel('Size in bytes').fill(String(25n * MIB))
  await expect(page.getByTestId('collateral-gate-shortfall')).toHaveText('2.5 DIG', { timeout: 30_000 })
  await expect(page.getByTestId('update-submit')).toBeDisabled()
  // A change that does not grow the store is never blocked.
  await page.getByLabel('Size in bytes').fill(String(MIB))
  await expect(page.getByTestId('collateral-gate-open')).toBeAttached()
  await expect(page.getByTestId('update-submit')).toBeEnabled()

  await page.goto(`/collateral?store=${storeId}`)
  const summary = page.getByTestId('collateral-summary').first()
  await expect(summary).toHaveAttribute('data-met', 'false', { timeout: 30_000 })
  await expect(page.getByTestId('collateral-required').first()).toHaveText('0.1 DIG')
  await expect(page.getByTestId('dig-balance').first()).toHaveAttribute('data-base-units', '1000000', { timeout: 30_000 })

  // The gate for an update that grows the store to 25 MiB.
  await page.getByTestId('collateral-gate-check-size').fill('25')
  await expect(page.getByTestId('collateral-gate-shortfall')).toHaveText('2.5 DIG')
  await expect(page.getByTestId('collateral-gate-exchange')).toHaveAttribute('href', /tibetswap/)
  await expect(page.getByTestId('collateral-gate-address')).toHaveText(/^txch1/)
  await expect(page.getByTestId('collateral-address-qr').locator('svg')).toBeVisible()
  await page.getByTestId('collateral-gate-lock').click()
  await expect(page.getByTestId('lock-amount')).toHaveValue('2.5')
  await page.getByTestId('lock-review').click()
  await expect(page.getByTestId('collateral-preview')).toContainText('Lock 2.5 DIG as collateral')
  await expect(page.getByTestId('collateral-preview')).toContainText('withdrawable by you at any time')
  await page.getByTestId('collateral-sign').click()

  // Confirmed: the gate lifts and the requirement is met.
  await expect(page.getByTestId('collateral-gate-open')).toBeAttached({ timeout: 90_000 })
  await expect(summary).toHaveAttribute('data-met', 'true')
  const coin = page.locator('[data-testid="collateral-coin"][data-kind="dig"]').first()
  await expect(coin).toHaveAttribute('data-lifecycle', 'active')
  await expect(coin.getByTestId('collateral-kind')).toHaveText('DIG format — withdrawable at any time')

  // The store's public collateral (JSON twin) shows the coin.
  const pub = (await (await page.request.get(`/api/stores/${storeId}/collateral`)).json()) as {
    summary: { met: boolean }
    coins: { kind: string; counted: boolean; lifecycle: string; amount: number }[]
  }
  expect(pub.summary.met).toBe(true)
  expect(pub.coins).toEqual([expect.objectContaining({ kind: 'dig', counted: true, lifecycle: 'active', amount: 2500 })])

  // And so does the public verification page itself (server-rendered, for any visitor).
  const visitor = await page.context().newPage()
  await visitor.goto(`/s/${storeId}`)
  const publicSection = visitor.getByTestId('public-collateral')
  await expect(publicSection.getByTestId('collateral-summary')).toHaveAttribute('data-met', 'true')
  const publicCoin = publicSection.locator('[data-testid="collateral-coin"][data-kind="dig"]')
  await expect(publicCoin).toHaveCount(1)
  await expect(publicCoin).toHaveAttribute('data-lifecycle', 'active')
  await expect(publicCoin.getByTestId('collateral-kind')).toHaveText('DIG format — withdrawable at any time')
  // The owner's wallet (restored in this tab) gets the lazily loaded "Manage this store" link.
  await expect(visitor.getByTestId('manage-store-link')).toHaveText('Manage this store (owner)', { timeout: 30_000 })

  // With the shortfall locked, the owner's update form lets the store grow to 25 MiB.
  await visitor.goto(`/stores/${storeId}`)
  await visitor.getByTestId('tab-update').click()
  await visitor.getByLabel('Size in bytes').fill(String(25n * MIB))
  await expect(visitor.getByTestId('collateral-gate-open')).toBeAttached({ timeout: 30_000 })
  await expect(visitor.getByTestId('update-submit')).toBeEnabled()
  await visitor.goto(`/s/${storeId}`)

  // Release the DIG-format coin (with an XCH fee): the requirement is unmet again.
  await page.getByTestId('release-fee').fill('1000')
  await page.getByTestId('collateral-release').click()
  await expect(page.getByTestId('collateral-preview')).toContainText('Release 2.5 DIG back to your wallet')
  await expect(page.getByTestId('collateral-preview')).toContainText('Fee: 1000 mojos XCH')
  await page.getByTestId('collateral-sign').click()
  await expect(page.getByTestId('collateral-tx-status')).toHaveAttribute('data-tx', 'confirmed', { timeout: 90_000 })
  await expect(summary).toHaveAttribute('data-met', 'false', { timeout: 30_000 })
  await expect(coin).toHaveAttribute('data-lifecycle', 'released')
  await expect(page.getByTestId('dig-balance').first()).toHaveAttribute('data-base-units', '1000000', { timeout: 30_000 })

  // The public page follows: requirement unmet, the coin released (after the server's short tip cache).
  await expect(async () => {
    await visitor.reload()
    await expect(publicSection.getByTestId('collateral-summary')).toHaveAttribute('data-met', 'false', { timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await expect(publicCoin).toHaveAttribute('data-lifecycle', 'released')
  await visitor.close()
})

test('time-locked vault: locked until its date, released after the devnet clock passes it', async ({ page }) => {
  test.setTimeout(240_000)
  const storeId = await mintStore(await fundedBurner(page), 25n * MIB)
  await page.goto(`/collateral?store=${storeId}`)
  await expect(page.getByTestId('collateral-shortfall').first()).toHaveText('2.5 DIG', { timeout: 30_000 })
  await page.getByTestId('collateral-open-lock').click()
  await page.getByTestId('lock-format-vault').check()
  await page.getByTestId('lock-review').click()
  await expect(page.getByTestId('collateral-preview')).toContainText('nobody, not even you, can withdraw it before')
  await page.getByTestId('collateral-sign').click()
  await expect(page.getByTestId('collateral-tx-status')).toHaveAttribute('data-tx', 'confirmed', { timeout: 90_000 })

  const vault = page.locator('[data-testid="collateral-coin"][data-kind="vault"]')
  await expect(vault).toHaveAttribute('data-lifecycle', 'active', { timeout: 30_000 })
  await expect(vault.getByTestId('collateral-kind')).toHaveText(/^Time-locked until \d{4}-/)
  await expect(page.getByTestId('collateral-summary').first()).toHaveAttribute('data-met', 'true')
  const release = vault.getByTestId('collateral-release')
  await expect(release).toBeDisabled()
  await expect(release).toHaveText(/^Unlocks \d{4}-/)

  // 31 days later on the devnet clock, and a block to carry the new time.
  await rpc('advance_time', { seconds: 31 * 86_400 })
  await rpc('farm_block', { address: minter.txchAddress, blocks: 1 })
  // The proxy may answer from its 2 s tip cache right after the block: reload until it has the new time.
  await expect(async () => {
    await page.reload()
    await expect(vault).toHaveAttribute('data-lifecycle', 'unlockable', { timeout: 3_000 })
  }).toPass({ timeout: 30_000 })
  await expect(release).toBeEnabled()
  await release.click()
  await expect(page.getByTestId('collateral-preview')).toContainText('Release 2.5 DIG back to your wallet')
  await page.getByTestId('collateral-sign').click()
  await expect(page.getByTestId('collateral-tx-status')).toHaveAttribute('data-tx', 'confirmed', { timeout: 90_000 })
  await expect(vault).toHaveAttribute('data-lifecycle', 'released', { timeout: 30_000 })
  await expect(page.getByTestId('collateral-summary').first()).toHaveAttribute('data-met', 'false')
})
