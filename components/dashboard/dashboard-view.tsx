'use client'

import Link from 'next/link'
import { useCallback, useEffect, useMemo, useState } from 'react'

import { CollateralBadge } from '@/components/collateral/collateral-badge'
import { CollateralTotals } from '@/components/collateral/collateral-totals'
import { ActionPipeline } from '@/components/store-actions/action-pipeline'
import { SyncStatusBadge } from '@/components/store-actions/sync-status-badge'
import { formatBytes, shortHash } from '@/components/store/store-format'
import { Badge } from '@/components/ui/badge'
import { Button, ButtonLink } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Field, TextInput } from '@/components/ui/field'
import { forgetStore, rememberStore, roleOf, useDiscoveredStores, useRememberedStores, useToolIntents } from '@/hooks/use-my-stores'
import { useOutbox, type UseOutbox } from '@/hooks/use-outbox'
import { usePublicEnv } from '@/hooks/use-public-env'
import { useStoreView } from '@/hooks/use-store-view'
import { useWallet } from '@/hooks/use-wallet'
import { useWalletKeys, type WalletKey } from '@/hooks/use-wallet-keys'
import { INTENT_KIND_LABELS } from '@/lib/chain/outbox/intent-action'
import { pendingEntries } from '@/lib/chain/outbox/outbox-queue'
import { storeSyncStatus } from '@/lib/chain/outbox/store-sync-status'
import { describeStoreIdProblem, normalizeStoreId } from '@/lib/store-id'

type Loaded = { bytes: bigint; live: boolean }

function StoreRow({ launcherId, outbox, keys, onLoaded, remembered, onForget }: { launcherId: string; outbox: UseOutbox; keys?: WalletKey[]; onLoaded: (id: string, l: Loaded) => void; remembered: boolean; onForget: () => void }) {
  const pending = pendingEntries(outbox.entries, launcherId)
  const inFlight = pending.some((e) => e.status === 'submitted' || e.status === 'submitting')
  const { data: view, error } = useStoreView(launcherId, inFlight ? 3_000 : 0)
  const { data: intents } = useToolIntents(launcherId)
  const toolPending = intents?.filter((i) => i.status === 'pending').length ?? 0
  useEffect(() => {
    if (view) onLoaded(launcherId, { bytes: view.current.bytes === undefined ? 0n : BigInt(view.current.bytes), live: view.status !== 'melted' })
  }, [view, launcherId, onLoaded])
  const status = storeSyncStatus(
    error ? { kind: 'unknown', reason: error.shortMessage } : !view ? { kind: 'loading' } : { kind: 'ok', tipCoinId: view.current.coinId.slice(2), rootHash: view.current.rootHash, melted: view.status === 'melted', pendingOnChain: view.status === 'pending' },
    outbox.entries,
    toolPending,
    launcherId,
  )
  const role = view ? roleOf(view, keys) : undefined
  return (
    <li className="grid gap-3 px-4 py-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1.4fr)_minmax(0,1fr)_auto] sm:items-center" data-testid="store-row" data-launcher-id={launcherId}>
      <div className="min-w-0">
        <Link href={`/stores/${launcherId}`} className="font-semibold hover:underline" data-testid="store-row-link">
          {view?.current.label || (view ? 'Untitled store' : shortHash(`0x${launcherId}`))}
        </Link>
        <p className="font-mono text-xs text-zinc-500">{shortHash(`0x${launcherId}`)}</p>
        <div className="mt-1 flex flex-wrap gap-1.5">
          {role && <Badge tone="brand">{role}</Badge>}
          {view?.status === 'melted' && <Badge tone="danger">melted</Badge>}
          <CollateralBadge launcherId={launcherId} />
        </div>
      </div>
      <div className="min-w-0 text-xs">
        <p className="text-zinc-500">Root</p>
        <p className="truncate font-mono">{view ? shortHash(view.current.rootHash) : '…'}</p>
        <p className="mt-1 text-zinc-500">Size {view?.current.bytes === undefined ? '—' : formatBytes(BigInt(view.current.bytes))}</p>
      </div>
      <div className="space-y-1 text-xs">
        <SyncStatusBadge status={status} />
        <p className="text-zinc-500">
          {pending.length > 0 ? `${pending.length} pending: ${pending.map((e) => INTENT_KIND_LABELS[e.action.kind].toLowerCase()).join(', ')}` : toolPending > 0 ? `${toolPending} from tools` : 'No pending work'}
        </p>
      </div>
      <div className="flex gap-2 sm:justify-end">
        <ButtonLink href={`/stores/${launcherId}`} size="sm" variant={status.action === 'none' ? 'secondary' : 'primary'}>
          {status.action === 'review' ? 'Review & sign' : status.action === 'rebuild' ? 'Resolve' : status.action === 'retry' ? 'Retry' : 'Open'}
        </ButtonLink>
        {remembered && (
          <Button size="sm" variant="ghost" onClick={onForget} aria-label="Remove from this list">
            ✕
          </Button>
        )}
      </div>
    </li>
  )
}

function copy(text: string) {
  void navigator.clipboard?.writeText(text).catch(() => {})
}

/**
 * The connected wallet's stores with their sync status and pending work, totals, the outbox,
 * adding a store by id, and the wallet's keys (to hand a writer or admin key to a store owner).
 */
export function DashboardView() {
  const env = usePublicEnv()
  const network = env.network
  const { wallet, state } = useWallet()
  const outbox = useOutbox(wallet, network)
  const { data: keys } = useWalletKeys()
  const remembered = useRememberedStores(network)
  const { data: discovered, isLoading: discovering } = useDiscoveredStores(keys)
  const [loaded, setLoaded] = useState<Record<string, Loaded>>({})
  const [addText, setAddText] = useState('')
  const [addError, setAddError] = useState<string>()
  const onLoaded = useCallback((id: string, l: Loaded) => setLoaded((m) => (m[id]?.bytes === l.bytes && m[id]?.live === l.live ? m : { ...m, [id]: l })), [])

  const ids = useMemo(() => {
    const set = new Set(remembered.map((s) => s.launcherId))
    for (const id of discovered ?? []) set.add(id)
    for (const e of outbox.entries) if (e.launcherId && e.status !== 'cancelled') set.add(e.launcherId)
    return [...set]
  }, [remembered, discovered, outbox.entries])

  const live = ids.filter((id) => loaded[id]?.live !== false)
  const totalBytes = live.reduce((t, id) => t + (loaded[id]?.bytes ?? 0n), 0n)
  const unsettled = outbox.entries.filter((e) => e.status !== 'confirmed' && e.status !== 'cancelled')

  const add = (ev: React.FormEvent) => {
    ev.preventDefault()
    const id = normalizeStoreId(addText)
    if (!id) return setAddError(describeStoreIdProblem(addText))
    rememberStore(network, id)
    setAddText('')
    setAddError(undefined)
  }

  return (
    <div className="space-y-8">
      <dl className="grid grid-cols-3 gap-2 sm:gap-4">
        {(
          [
            ['Stores', String(live.length), 'total-stores'],
            ['Bytes managed', formatBytes(totalBytes), 'total-bytes'],
            ['Pending actions', String(unsettled.length), 'total-pending'],
          ] as const
        ).map(([label, value, testId]) => (
          <div key={testId} className="rounded-2xl border border-zinc-200 bg-white p-3 shadow-sm sm:p-5 dark:border-zinc-800 dark:bg-zinc-900/60">
            <dt className="text-[11px] font-medium tracking-wide text-zinc-500 uppercase sm:text-xs">{label}</dt>
            <dd className="mt-1 text-xl font-semibold sm:text-3xl" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {live.length > 0 && <CollateralTotals launcherIds={live} />}

      {unsettled.length > 0 && (
        <section className="space-y-3" data-testid="outbox">
          <h2 className="text-lg font-semibold">Outbox</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Saved in this browser; they survive a reload and are never sent on an outdated store state.</p>
          {unsettled.map((e) => (
            <div key={e.id}>
              {e.launcherId && (
                <Link href={`/stores/${e.launcherId}`} className="mb-1 block font-mono text-xs text-zinc-500 hover:underline">
                  {shortHash(`0x${e.launcherId}`)}
                </Link>
              )}
              <ActionPipeline entryId={e.id} outbox={outbox} network={network} feeWarnMojos={env.feeWarnMojos} canSign={!!wallet} />
            </div>
          ))}
        </section>
      )}

      <section className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 className="text-lg font-semibold">Your stores</h2>
          <ButtonLink href="/mint" size="sm">
            Mint a store
          </ButtonLink>
        </div>
        <div className="rounded-2xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900/60">
          {ids.length === 0 ? (
            <p className="p-6 text-sm text-zinc-600 dark:text-zinc-400" data-testid="no-stores">
              {state.status !== 'connected'
                ? 'Connect a wallet to find the stores it owns or can write to, or add a store by its id below.'
                : discovering
                  ? 'Looking for stores your keys control…'
                  : 'No stores yet. Mint one, or add a store minted elsewhere by its id.'}
            </p>
          ) : (
            <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {ids.map((id) => (
                <StoreRow key={id} launcherId={id} outbox={outbox} keys={keys} onLoaded={onLoaded} remembered={remembered.some((s) => s.launcherId === id)} onForget={() => forgetStore(network, id)} />
              ))}
            </ul>
          )}
        </div>
        <form onSubmit={add} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-end" data-testid="add-store-form">
          <Field label="Add a store by id" htmlFor="add-store" error={addError} className="flex-1">
            <TextInput id="add-store" value={addText} onChange={(e) => setAddText(e.target.value)} error={addError} placeholder="launcher id (64 hex characters)" className="font-mono text-xs" />
          </Field>
          <Button type="submit" variant="secondary">
            Add
          </Button>
        </form>
      </section>

      {keys && keys.length > 0 && (
        <section className="space-y-2" data-testid="wallet-keys">
          <h2 className="text-lg font-semibold">Your keys</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Give a store owner one of these public keys (or your address) to be made a writer or admin.</p>
          <Card className="space-y-2 p-4">
            {state.status === 'connected' && state.address && (
              <p className="flex flex-wrap items-center gap-2 text-xs">
                <span className="text-zinc-500">Address</span>
                <span className="font-mono break-all" data-testid="my-address">{state.address}</span>
              </p>
            )}
            {keys.slice(0, 1).map((k) => (
              <p key={k.publicKeyHex} className="flex flex-wrap items-center gap-2 text-xs">
                <span className="text-zinc-500">Public key</span>
                <span className="font-mono break-all" data-testid="my-public-key">{k.publicKeyHex}</span>
                <Button size="sm" variant="ghost" onClick={() => copy(k.publicKeyHex)}>
                  Copy
                </Button>
              </p>
            ))}
          </Card>
        </section>
      )}
    </div>
  )
}
