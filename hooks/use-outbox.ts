'use client'

/**
 * The tab's outbox and the one action pipeline every store action goes through (PRODUCT.md §3):
 * save the intent (IndexedDB) → build on the latest chain state → decoded preview (puzzles run
 * locally; refused when a reveal does not match its coin or more would leave the wallet than
 * shown) → wallet signs → local signature check → submit through the proxy with 2/4/8 s retries
 * and a tip check before every attempt → track to confirmation → refresh. The state machine and
 * the submit loop are pure (lib/chain/outbox); this module holds the tab's copy of the entries,
 * the in-memory previews, and the loops that must keep running across pages and reloads.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { mutate as mutateSwr } from 'swr'

import { browserChainClient, browserRunner, genesisChallenge } from '@/hooks/use-chain-client'
import { fetchStoreView } from '@/hooks/use-store-view'
import { AppError } from '@/lib/chia/errors/app-error'
import { bytesToHex, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import type { DelegatedPuzzle } from '@/lib/chia/datastore/delegated-puzzle'
import { verifySpendBundle } from '@/lib/chia/spends/sign-coin-spends'
import { spendBundleId } from '@/lib/chain/spend-bundle-id'
import { submitSpendBundle } from '@/lib/chain/watch-transaction'
import { buildIntent, walletKeyCoins, type BuiltIntent } from '@/lib/chain/outbox/build-intent'
import { createIndexedDbOutboxStore } from '@/lib/chain/outbox/indexed-db-outbox-store'
import type { IntentAction } from '@/lib/chain/outbox/intent-action'
import { loadDataStore } from '@/lib/chain/outbox/load-data-store'
import { createOutboxEntry, nextOutboxEntry, type OutboxEntry, type OutboxEvent } from '@/lib/chain/outbox/outbox-entry'
import { headOfQueue } from '@/lib/chain/outbox/outbox-queue'
import { createMemoryOutboxStore, type OutboxStore } from '@/lib/chain/outbox/outbox-store'
import { submitOutboxEntry } from '@/lib/chain/outbox/submit-outbox-entry'
import { trackOutboxEntry } from '@/lib/chain/outbox/track-outbox-entry'
import { previewCoinSpends, type CoinSpendsPreview } from '@/lib/chain/preview/preview-coin-spends'
import { previewStoreChange, type StoreChange } from '@/lib/chain/preview/preview-store-change'
import type { StoreView } from '@/lib/chain/store-view'
import { isWalletError } from '@/lib/wallet/wallet-errors'
import type { Wallet } from '@/lib/wallet/wallet'

/** A built intent with its decoded preview, kept in memory only (rebuilt after a reload). */
export interface Prepared {
  built: BuiltIntent
  preview: CoinSpendsPreview
  change: StoreChange
  /** The store as the chain has it right now (undefined for a mint). */
  view?: StoreView
}

export class LocalSignatureCheckError extends AppError {
  override name = 'LocalSignatureCheckError' as const
  constructor() {
    super('The wallet’s signature does not verify for this transaction, so it was not sent.')
  }
}

/** Confirmation timeout before "still pending" (PRODUCT.md §3). */
export const CONFIRM_TIMEOUT_MS = 120_000

let entries: OutboxEntry[] = []
let loaded = false
let store: OutboxStore | undefined
let network = 'devnet'
const prepared = new Map<string, Prepared>()
const running = new Set<string>()
const listeners = new Set<() => void>()
let snapshot = { entries, loaded, version: 0 }

function emit() {
  snapshot = { entries, loaded, version: snapshot.version + 1 }
  for (const l of [...listeners]) l()
}

async function init(net: string) {
  if (store) return
  network = net
  store =
    typeof indexedDB === 'undefined' ? createMemoryOutboxStore() : createIndexedDbOutboxStore(indexedDB, `datalayer-studio-outbox-${net}`)
  try {
    entries = await store.all()
  } catch (e) {
    console.error('outbox', e)
    store = createMemoryOutboxStore()
  }
  loaded = true
  emit()
}

async function save(entry: OutboxEntry) {
  entries = [...entries.filter((e) => e.id !== entry.id), entry]
  emit()
  await store?.put(entry)
}

const get = (id: string) => entries.find((e) => e.id === id)

async function apply(id: string, ev: OutboxEvent): Promise<OutboxEntry | undefined> {
  const e = get(id)
  if (!e) return undefined
  const next = nextOutboxEntry(e, ev)
  if (next !== e) await save(next)
  return next
}

const messageOf = (e: unknown) => (e instanceof AppError ? e.shortMessage : e instanceof Error ? e.message : 'Something went wrong.')
const codeOf = (e: unknown) => (isWalletError(e) ? e.code : e instanceof AppError ? e.name : 'error')

function delegatesOf(view: StoreView): DelegatedPuzzle[] {
  return view.current.delegatedPuzzles.map((d) =>
    d.type === 'oracle'
      ? { type: 'oracle', oraclePuzzleHash: hexToBytes32(d.oraclePuzzleHash.slice(2)), oracleFee: BigInt(d.oracleFee) }
      : { type: d.type, innerPuzzleHash: hexToBytes32(d.innerPuzzleHash.slice(2)) },
  )
}

/** Builds (or rebuilds) an entry on the latest chain state and keeps its preview in memory. */
async function prepare(id: string, wallet: Wallet): Promise<void> {
  const entry = get(id)
  if (!entry || running.has(id)) return
  running.add(id)
  try {
    const client = browserChainClient()
    const runner = browserRunner()
    let view: StoreView | undefined
    let dataStore
    if (entry.action.kind !== 'mint') {
      view = await fetchStoreView(entry.launcherId!)
      void mutateSwr(['store-view', entry.launcherId], view, { revalidate: false })
      if (view.status === 'melted') throw new StoreMeltedError()
      dataStore = await loadDataStore(client, hexToBytes32(view.current.coinId.slice(2)), delegatesOf(view), runner)
    }
    const [keys, coins] = await Promise.all([wallet.getPublicKeys({ limit: 10 }), wallet.getSpendableCoins()])
    const keyCoins = walletKeyCoins(keys, coins.filter((c) => !c.locked).map((c) => c.coin))
    const built = buildIntent(entry.action, dataStore, keyCoins)
    const preview = previewCoinSpends(built.coinSpends, {
      runner,
      walletPuzzleHashes: keyCoins.map((k) => k.puzzleHash),
      storePuzzleHashes: built.storePuzzleHashes,
      maxWalletOutflow: built.maxWalletOutflow,
      maxFee: built.maxFee,
    })
    const change = previewStoreChange(built.coinSpends, built.predicted, runner)
    prepared.set(id, { built, preview, change, view })
    await apply(id, {
      type: 'built',
      at: Date.now(),
      launcherId: bytesToHex(built.launcherId),
      ...(built.baseCoinId ? { baseCoinId: bytesToHex(built.baseCoinId) } : {}),
      ...(built.expectedChildId ? { expectedChildId: bytesToHex(built.expectedChildId) } : {}),
    })
  } catch (e) {
    prepared.delete(id)
    await apply(id, { type: 'build-failed', code: codeOf(e), message: messageOf(e), at: Date.now() })
  } finally {
    running.delete(id)
    emit()
  }
}

export class StoreMeltedError extends AppError {
  override name = 'StoreMeltedError' as const
  constructor() {
    super('This store was melted; nothing more can be done to it.')
  }
}

/** Asks the wallet to sign, checks the signature locally, then submits. */
async function signAndSubmit(id: string, wallet: Wallet): Promise<void> {
  const p = prepared.get(id)
  const entry = get(id)
  if (!p || !entry || running.has(id)) return
  running.add(id)
  try {
    await apply(id, { type: 'sign-requested', at: Date.now() })
    let aggregatedSignature: Uint8Array
    try {
      aggregatedSignature = await wallet.signCoinSpends(p.built.coinSpends)
      const bundle = { coinSpends: p.built.coinSpends, aggregatedSignature }
      const ok = verifySpendBundle(bundle, { genesisChallenge: await genesisChallenge(network), runner: browserRunner() })
      if (!ok) throw new LocalSignatureCheckError()
    } catch (e) {
      await apply(id, { type: 'sign-rejected', code: codeOf(e), message: messageOf(e), at: Date.now() })
      return
    }
    const bundle = { coinSpends: p.built.coinSpends, aggregatedSignature }
    await apply(id, { type: 'signed', spendBundle: bundle, txId: bytesToHex(spendBundleId(bundle)), at: Date.now() })
  } finally {
    running.delete(id)
    emit()
  }
  await submit(id)
}

async function submit(id: string): Promise<void> {
  const entry = get(id)
  if (!entry || running.has(id)) return
  running.add(id)
  try {
    const client = browserChainClient()
    const final = await submitOutboxEntry(entry, {
      save,
      push: async (bundle) => (await submitSpendBundle(client, bundle, Date.now)).state,
      currentTipCoinId: async () => {
        if (!entry.baseCoinId) return undefined
        const record = await client.getCoinRecordByName(hexToBytes32(entry.baseCoinId))
        return record && record.spentBlockIndex === 0 ? entry.baseCoinId : 'moved'
      },
      now: Date.now,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    })
    if (final.status === 'stale') prepared.delete(id)
  } finally {
    // Wake the driver: a stale entry is rebuilt, a submitted one watched.
    running.delete(id)
    emit()
  }
  if (get(id)?.status === 'submitted') await watch(id)
}

async function watch(id: string): Promise<void> {
  const entry = get(id)
  if (!entry?.txId || running.has(id)) return
  running.add(id)
  try {
    const client = browserChainClient()
    const spent = entry.baseCoinId ?? (entry.launcherId as string)
    const initial = entry.tx && entry.tx.status !== 'timed-out' ? entry.tx : { status: 'in-mempool' as const, txId: entry.txId, submittedAt: Date.now() }
    const final = await trackOutboxEntry({ txId: entry.txId, spentCoinId: spent, ...(entry.expectedChildId ? { expectedChildId: entry.expectedChildId } : {}) }, initial, {
      client,
      now: Date.now,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      intervalMs: 2_000,
      timeoutMs: CONFIRM_TIMEOUT_MS,
      onState: async (tx) => void (await apply(id, { type: 'tx', tx, at: Date.now() })),
    })
    await apply(id, { type: 'tx', tx: final, at: Date.now() })
  } catch (e) {
    // A network blip while watching is not a failure of the transaction: try again shortly.
    console.error('outbox watch', e)
    setTimeout(() => void watch(id), 4_000)
  } finally {
    running.delete(id)
    emit()
  }
  const done = get(id)
  if (done?.status === 'confirmed' && done.launcherId) {
    prepared.delete(id)
    // The store view is cached for a couple of seconds on the server: refresh until it has caught up.
    for (const delay of [0, 2_500, 6_000]) {
      setTimeout(() => {
        void mutateSwr(['store-view', done.launcherId])
        void mutateSwr(['tool-intents', done.launcherId])
      }, delay)
    }
  }
}

/** Keeps every entry moving: resumes retries and tracking after a reload, rebuilds stale heads. */
function drive(wallet: Wallet | undefined) {
  for (const e of entries) {
    if (running.has(e.id)) continue
    const head = e.launcherId ? headOfQueue(entries, e.launcherId)?.id === e.id : true
    if (!head) continue
    if (e.status === 'retry-wait' || e.status === 'signed') void submit(e.id)
    else if (e.status === 'submitted') void watch(e.id)
    else if (e.status === 'submitting' && e.txId) {
      // Reloaded mid-push: the bundle may or may not have reached the node. In the mempool or
      // already spent → follow it; otherwise push the same signed bundle again.
      const txId = e.txId
      running.add(e.id)
      const client = browserChainClient()
      void Promise.all([client.getMempoolItemByTxId(hexToBytes32(txId)), e.baseCoinId ? client.getCoinRecordByName(hexToBytes32(e.baseCoinId)) : Promise.resolve(undefined)])
        .then(async ([item, record]) => {
          running.delete(e.id)
          if (item || (record && record.spentBlockIndex > 0)) await apply(e.id, { type: 'tx', tx: { status: 'in-mempool', txId, submittedAt: Date.now() }, at: Date.now() })
          else await save({ ...e, status: 'retry-wait', nextAttemptAt: Date.now() })
          drive(wallet)
        })
        .catch(() => running.delete(e.id))
    } else if (wallet && (e.status === 'queued' || e.status === 'stale' || ((e.status === 'ready' || e.status === 'rejected') && !prepared.has(e.id)))) {
      void prepare(e.id, wallet)
    }
  }
}

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => listeners.delete(l)
}
const getSnapshot = () => snapshot
const serverSnapshot = { entries: [] as OutboxEntry[], loaded: false, version: 0 }

export interface UseOutbox {
  entries: OutboxEntry[]
  loaded: boolean
  prepared(id: string): Prepared | undefined
  /** Saves a new intent (before anything is signed) and starts building it; returns its id. */
  create(action: IntentAction, launcherId?: string, toolIntentId?: string): Promise<string>
  sign(id: string): Promise<void>
  /** Rebuild on the latest state (optionally with a new fee). */
  rebuild(id: string, fee?: bigint): Promise<void>
  retry(id: string): Promise<void>
  keepWaiting(id: string): Promise<void>
  cancel(id: string): Promise<void>
  /** Removes settled entries from the list. */
  dismiss(id: string): Promise<void>
}

/**
 * The outbox, driven for the connected wallet. Mount it on every page that shows or starts actions.
 *
 * @example
 * const outbox = useOutbox(wallet, 'devnet')
 * const id = await outbox.create({ kind: 'update', rootHash, fee: 0n }, launcherId)
 */
export function useOutbox(wallet: Wallet | undefined, net: string): UseOutbox {
  const snap = useSyncExternalStore(subscribe, getSnapshot, () => serverSnapshot)
  useEffect(() => {
    void init(net).then(() => drive(wallet))
  }, [net, wallet])
  useEffect(() => {
    if (snap.loaded) drive(wallet)
  }, [snap.version, snap.loaded, wallet])

  const create = useCallback(
    async (action: IntentAction, launcherId?: string, toolIntentId?: string) => {
      await init(net)
      const id = globalThis.crypto.randomUUID()
      await save(createOutboxEntry({ id, action, launcherId, at: Date.now(), toolIntentId }))
      if (wallet) drive(wallet)
      return id
    },
    [net, wallet],
  )

  return {
    entries: snap.entries,
    loaded: snap.loaded,
    prepared: (id) => prepared.get(id),
    create,
    sign: async (id) => {
      if (wallet) await signAndSubmit(id, wallet)
    },
    rebuild: async (id, fee) => {
      const e = get(id)
      if (!e || !wallet) return
      if (fee !== undefined) await save({ ...e, action: { ...e.action, fee } as IntentAction })
      prepared.delete(id)
      await prepare(id, wallet)
    },
    retry: async (id) => {
      await submit(id)
    },
    keepWaiting: async (id) => {
      await apply(id, { type: 'keep-waiting', at: Date.now() })
      void watch(id)
    },
    cancel: async (id) => {
      prepared.delete(id)
      await apply(id, { type: 'cancel', at: Date.now() })
    },
    dismiss: async (id) => {
      prepared.delete(id)
      entries = entries.filter((e) => e.id !== id)
      emit()
      await store?.delete(id)
    },
  }
}

