/**
 * The whole non-React pipeline on an in-process devnet (clvm_rs + BLS validation): build an
 * intent from the wallet's chain coins → decoded preview → sign → local signature check → outbox
 * submit (tip checked) → race-tolerant tracking → confirmed; then a stale intent is refused
 * without broadcasting after a writer moved the store, and rebuilt on the tip it loads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createHttpRpcCall } from '@/lib/chain/http-rpc-call'
import { buildIntent, walletKeyCoins } from '@/lib/chain/outbox/build-intent'
import type { IntentAction } from '@/lib/chain/outbox/intent-action'
import { loadDataStore } from '@/lib/chain/outbox/load-data-store'
import { createOutboxEntry, nextOutboxEntry, type OutboxEntry } from '@/lib/chain/outbox/outbox-entry'
import { createMemoryOutboxStore } from '@/lib/chain/outbox/outbox-store'
import { submitOutboxEntry } from '@/lib/chain/outbox/submit-outbox-entry'
import { trackOutboxEntry } from '@/lib/chain/outbox/track-outbox-entry'
import { previewCoinSpends } from '@/lib/chain/preview/preview-coin-spends'
import { previewStoreChange } from '@/lib/chain/preview/preview-store-change'
import { createRpcClient, type ChainClient } from '@/lib/chain/rpc-client'
import { spendBundleId } from '@/lib/chain/spend-bundle-id'
import { submitSpendBundle } from '@/lib/chain/watch-transaction'
import type { DataStore } from '@/lib/chia/datastore/data-store'
import { bytesToHex, equalBytes } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import { signCoinSpends, verifySpendBundle } from '@/lib/chia/spends/sign-coin-spends'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'

import { key, startDevnetChain, type DevnetChain } from '../../../integration/chain/devnet-store'

const runner = createClvmRsRunner()
const owner = key('owner')
const writer = key('writer')
let chain: DevnetChain
let client: ChainClient

beforeAll(async () => {
  chain = await startDevnetChain()
  client = createRpcClient(createHttpRpcCall({ baseUrl: chain.url }))
  chain.devnet.farmBlocks(2, owner.puzzleHash)
}, 60_000)
afterAll(async () => {
  await chain?.close()
})

const walletOf = async (k: typeof owner) =>
  walletKeyCoins([k.publicKey], (await client.getCoinRecordsByPuzzleHash(k.puzzleHash, { includeSpentCoins: false })).map((r) => r.coin))

/** build → preview → sign → verify → outbox submit → track; returns the settled entry and the next store. */
async function run(action: IntentAction, store: DataStore | undefined, signer: typeof owner, launcherId?: string) {
  const keys = await walletOf(signer)
  const built = buildIntent(action, store, keys)
  const preview = previewCoinSpends(built.coinSpends, { runner, walletPuzzleHashes: [signer.puzzleHash], storePuzzleHashes: built.storePuzzleHashes, maxWalletOutflow: built.maxWalletOutflow, maxFee: built.maxFee })
  const change = previewStoreChange(built.coinSpends, built.predicted, runner)
  const ctx = { genesisChallenge: chain.devnet.genesisChallenge, runner }
  const bundle = { coinSpends: built.coinSpends, aggregatedSignature: signCoinSpends(built.coinSpends, [signer.secretKey], ctx) }
  expect(verifySpendBundle(bundle, ctx)).toBe(true)

  const outbox = createMemoryOutboxStore()
  let entry: OutboxEntry = createOutboxEntry({ id: 'e', action, launcherId, at: 0 })
  entry = nextOutboxEntry(entry, { type: 'built', at: 0, launcherId: bytesToHex(built.launcherId), ...(built.baseCoinId ? { baseCoinId: bytesToHex(built.baseCoinId) } : {}), ...(built.expectedChildId ? { expectedChildId: bytesToHex(built.expectedChildId) } : {}) })
  entry = nextOutboxEntry(entry, { type: 'sign-requested', at: 0 })
  entry = nextOutboxEntry(entry, { type: 'signed', spendBundle: bundle, txId: bytesToHex(spendBundleId(bundle)), at: 0 })
  const sleep = async () => void chain.devnet.farmBlocks(1)
  entry = await submitOutboxEntry(entry, {
    save: (e) => outbox.put(e),
    push: async (b) => (await submitSpendBundle(client, b, Date.now)).state,
    currentTipCoinId: async () => {
      if (!entry.baseCoinId) return undefined
      const r = await client.getCoinRecordByName(built.baseCoinId!)
      return r && r.spentBlockIndex === 0 ? entry.baseCoinId : 'moved'
    },
    now: Date.now,
    sleep,
  })
  if (entry.status === 'submitted') {
    const final = await trackOutboxEntry(
      { txId: entry.txId!, spentCoinId: entry.baseCoinId ?? entry.launcherId!, ...(entry.expectedChildId ? { expectedChildId: entry.expectedChildId } : {}) },
      entry.tx!,
      { client, now: Date.now, sleep, onState: () => {} },
    )
    entry = nextOutboxEntry(entry, { type: 'tx', tx: final, at: Date.now() })
  }
  return { entry, built, preview, change, next: change.kind === 'melt' ? undefined : change.after }
}

describe('action pipeline on the devnet', () => {
  it('mints, updates as writer, refuses a stale owner update without sending it, rebuilds it and melts', async () => {
    const mint = await run(
      { kind: 'mint', rootHash: new Uint8Array(32).fill(1), label: 'pipeline', bytes: 10n, ownerPuzzleHash: owner.puzzleHash, delegates: [{ type: 'writer', innerPuzzleHash: writer.puzzleHash }], fee: 1_000n },
      undefined,
      owner,
    )
    expect(mint.entry.status).toBe('confirmed')
    expect(mint.preview.walletOutflow).toBe(1_001n)
    const launcherId = bytesToHex(mint.built.launcherId)
    const eve = await loadDataStore(client, mint.built.expectedChildId!, mint.next!.delegatedPuzzles, runner)
    expect(equalBytes(coinId(eve.coin), mint.built.expectedChildId!)).toBe(true)

    // The owner prepares an update on the eve store (not sent yet)…
    const ownerKeys = await walletOf(owner)
    const stale = buildIntent({ kind: 'update', rootHash: new Uint8Array(32).fill(2), fee: 0n }, eve, ownerKeys)
    // …while the writer's update confirms.
    const w = await run({ kind: 'update', rootHash: new Uint8Array(32).fill(3), fee: 0n }, eve, writer, launcherId)
    expect(w.entry.status).toBe('confirmed')
    expect(w.built.role).toBe('writer')

    const ctx = { genesisChallenge: chain.devnet.genesisChallenge, runner }
    const bundle = { coinSpends: stale.coinSpends, aggregatedSignature: signCoinSpends(stale.coinSpends, [owner.secretKey], ctx) }
    let entry = createOutboxEntry({ id: 's', launcherId, at: 0, action: { kind: 'update', rootHash: new Uint8Array(32).fill(2), fee: 0n } })
    entry = nextOutboxEntry(entry, { type: 'built', baseCoinId: bytesToHex(stale.baseCoinId!), at: 0 })
    entry = nextOutboxEntry(entry, { type: 'sign-requested', at: 0 })
    entry = nextOutboxEntry(entry, { type: 'signed', spendBundle: bundle, txId: bytesToHex(spendBundleId(bundle)), at: 0 })
    let pushed = 0
    entry = await submitOutboxEntry(entry, {
      save: async () => {},
      push: async () => {
        pushed++
        throw new Error('must not push')
      },
      currentTipCoinId: async () => ((await client.getCoinRecordByName(stale.baseCoinId!))?.spentBlockIndex ? 'moved' : bytesToHex(stale.baseCoinId!)),
      now: Date.now,
      sleep: async () => {},
    })
    expect(pushed).toBe(0)
    expect(entry.status).toBe('stale')

    // Rebuilt on the tip the chain has now, it goes through and keeps the writer's label.
    const tip = await loadDataStore(client, w.built.expectedChildId!, eve.delegatedPuzzles, runner)
    const rebuilt = await run({ kind: 'update', rootHash: new Uint8Array(32).fill(2), fee: 0n }, tip, owner, launcherId)
    expect(rebuilt.entry.status).toBe('confirmed')
    expect(rebuilt.change.kind === 'update' && rebuilt.change.after.metadata.label).toBe('pipeline')

    const last = await loadDataStore(client, rebuilt.built.expectedChildId!, tip.delegatedPuzzles, runner)
    const melt = await run({ kind: 'melt', fee: 0n }, last, owner, launcherId)
    expect(melt.entry.status).toBe('confirmed')
    expect(melt.preview.fee).toBe(1n)
    expect((await client.getCoinRecordByName(coinId(last.coin)))?.spentBlockIndex).toBeGreaterThan(0)
  }, 120_000)
})
