'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'

import { CollateralBadge } from '@/components/collateral/collateral-badge'
import { StoreCollateralPanel } from '@/components/collateral/store-collateral-panel'
import { RootHistory } from '@/components/store/root-history'
import { formatBytes, formatHeight, shortHash } from '@/components/store/store-format'
import { Badge } from '@/components/ui/badge'
import { Button, ButtonLink } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { rememberStore, roleOf, useToolIntents } from '@/hooks/use-my-stores'
import { useOutbox } from '@/hooks/use-outbox'
import { usePublicEnv } from '@/hooks/use-public-env'
import { useStoreView } from '@/hooks/use-store-view'
import { useWallet } from '@/hooks/use-wallet'
import { useWalletKeys } from '@/hooks/use-wallet-keys'
import type { IntentAction } from '@/lib/chain/outbox/intent-action'
import { pendingEntries } from '@/lib/chain/outbox/outbox-queue'
import { storeSyncStatus } from '@/lib/chain/outbox/store-sync-status'
import { hexToBytes32 } from '@/lib/chia/primitives/bytes'

import { ActionPipeline } from './action-pipeline'
import { formatMojos } from './format-xch'
import { MeltForm, OracleSpendForm } from './oracle-melt-forms'
import { OwnershipForm } from './ownership-form'
import { PuzzleHashAddress } from './puzzle-hash-address'
import { SyncStatusBadge } from './sync-status-badge'
import { UpdateMetadataForm } from './update-metadata-form'
import { XchFundingNotice } from './xch-funding-notice'

type Tab = 'update' | 'ownership' | 'oracle' | 'melt'

const TAB_LABELS: Record<Tab, string> = { update: 'Update metadata', ownership: 'Owner & delegates', oracle: 'Oracle spend', melt: 'Melt' }

/** The owner's view of one store: state, sync status, pending work, the allowed actions and history. */
export function StoreOwnerView({ launcherId }: { launcherId: string }) {
  const env = usePublicEnv()
  const network = env.network
  const { wallet } = useWallet()
  const outbox = useOutbox(wallet, network)
  const pending = pendingEntries(outbox.entries, launcherId)
  const inFlight = pending.some((e) => e.status === 'submitted' || e.status === 'submitting' || e.status === 'retry-wait')
  const { data: view, error, mutate, isLoading } = useStoreView(launcherId, inFlight ? 3_000 : 0)
  const { data: keys } = useWalletKeys()
  const { data: toolIntents } = useToolIntents(launcherId)
  const role = view ? roleOf(view, keys) : undefined
  const [tab, setTab] = useState<Tab | undefined>()
  const settledHere = outbox.entries.filter((e) => e.launcherId === launcherId && (e.status === 'confirmed' || e.status === 'cancelled'))

  useEffect(() => {
    if (view) rememberStore(network, launcherId, view.current.label)
  }, [view, network, launcherId])

  const tabs: Tab[] = []
  if (view && view.status !== 'melted') {
    if (role) tabs.push('update')
    if (role === 'owner' || role === 'admin') tabs.push('ownership')
    if (view.current.delegatedPuzzles.some((d) => d.type === 'oracle')) tabs.push('oracle')
    if (role === 'owner') tabs.push('melt')
  }
  const activeTab = tab && tabs.includes(tab) ? tab : tabs[0]

  const status = storeSyncStatus(
    error ? { kind: 'unknown', reason: error.shortMessage } : !view ? { kind: 'loading' } : { kind: 'ok', tipCoinId: view.current.coinId.slice(2), rootHash: view.current.rootHash, melted: view.status === 'melted', pendingOnChain: view.status === 'pending' },
    outbox.entries,
    toolIntents?.filter((i) => i.status === 'pending').length ?? 0,
    launcherId,
  )

  const start = async (action: IntentAction, toolIntentId?: string) => {
    await outbox.create(action, launcherId, toolIntentId)
    window.scrollTo({ top: 0, behavior: 'smooth' })
  }

  if (error && !view) {
    return (
      <Card>
        <p className="font-semibold">This store could not be loaded.</p>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400" data-testid="store-load-error">{error.shortMessage}</p>
        <Button className="mt-4" variant="secondary" onClick={() => void mutate()}>
          Try again
        </Button>
      </Card>
    )
  }
  if (!view) return <Card data-testid="store-loading">{isLoading ? 'Reading the store from the chain…' : ''}</Card>

  const cur = view.current
  return (
    <div className="space-y-6" data-testid="store-owner-view">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Store</p>
          <h1 className="truncate text-3xl font-semibold tracking-tight" data-testid="store-label">{cur.label || 'Untitled store'}</h1>
          <p className="mt-1 font-mono text-xs break-all text-zinc-500">{view.launcherId}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <SyncStatusBadge status={status} />
            {view.status === 'melted' && <Badge tone="danger">Melted at height {formatHeight(view.melt!.height)}</Badge>}
            {role ? <Badge tone="brand" data-testid="my-role">You are {role === 'owner' ? 'the owner' : `a ${role}`}</Badge> : keys && <Badge>Read only for this wallet</Badge>}
          </div>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{status.detail}</p>
        </div>
        <ButtonLink href={`/s/${launcherId}`} variant="secondary" size="sm">
          Public verification page
        </ButtonLink>
      </div>

      {pending.map((e) => (
        <ActionPipeline key={e.id} entryId={e.id} outbox={outbox} network={network} feeWarnMojos={env.feeWarnMojos} canSign={!!wallet} />
      ))}
      {(pending.length === 0 ? settledHere.slice(-1) : []).map((e) => (
        <ActionPipeline key={e.id} entryId={e.id} outbox={outbox} network={network} feeWarnMojos={env.feeWarnMojos} canSign={!!wallet} />
      ))}

      {toolIntents && toolIntents.some((i) => i.status === 'pending') && (
        <Card data-testid="tool-intents">
          <h2 className="font-semibold">Updates queued by your tools</h2>
          <ul className="mt-3 space-y-2">
            {toolIntents
              .filter((i) => i.status === 'pending')
              .map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
                  <span>
                    <span className="font-mono text-xs">{shortHash(`0x${i.rootHash}`)}</span> · {formatBytes(BigInt(i.bytes))} · signed by {i.role}
                    {i.label ? ` · “${i.label}”` : ''}
                  </span>
                  <Button
                    size="sm"
                    disabled={!role}
                    onClick={() =>
                      void start(
                        { kind: 'update', rootHash: hexToBytes32(i.rootHash), bytes: BigInt(i.bytes), ...(i.label !== undefined ? { label: i.label } : {}), ...(i.description !== undefined ? { description: i.description } : {}), fee: 0n },
                        i.id,
                      )
                    }
                  >
                    Review &amp; sign
                  </Button>
                </li>
              ))}
          </ul>
        </Card>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card className="space-y-3 text-sm" data-testid="store-state">
          <h2 className="font-semibold">Current state</h2>
          <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-3 gap-y-2">
            <dt className="text-zinc-500">Root</dt>
            <dd className="font-mono text-xs break-all" data-testid="store-root">{cur.rootHash}</dd>
            <dt className="text-zinc-500">Size</dt>
            <dd>{cur.bytes === undefined ? '—' : formatBytes(BigInt(cur.bytes))}</dd>
            <dt className="text-zinc-500">Description</dt>
            <dd className="break-words">{cur.description || '—'}</dd>
            <dt className="text-zinc-500">Owner</dt>
            <dd className="font-mono text-xs break-all" data-testid="store-owner">{cur.ownerAddress}</dd>
            <dt className="text-zinc-500">Delegates</dt>
            <dd className="space-y-1">
              {cur.delegatedPuzzles.length === 0 && '—'}
              {cur.delegatedPuzzles.map((d, i) => (
                <div key={i} className="flex items-center gap-2">
                  <Badge tone={d.type === 'admin' ? 'warning' : d.type === 'writer' ? 'info' : 'neutral'}>{d.type}</Badge>
                  {d.type === 'oracle' ? (
                    <span className="text-xs">
                      <PuzzleHashAddress puzzleHash={d.oraclePuzzleHash} network={network} /> · {formatMojos(BigInt(d.oracleFee))}
                    </span>
                  ) : (
                    <PuzzleHashAddress puzzleHash={d.innerPuzzleHash} network={network} />
                  )}
                </div>
              ))}
            </dd>
            <dt className="text-zinc-500">Height</dt>
            <dd>{formatHeight(cur.confirmedHeight)}</dd>
            <dt className="text-zinc-500">Collateral</dt>
            <dd>
              <a href="#collateral" className="hover:underline" aria-label="Collateral details below">
                <CollateralBadge launcherId={view.launcherId} />
              </a>
            </dd>
          </dl>
        </Card>

        <Card>
          {tabs.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="no-actions">
              {view.status === 'melted' ? 'This store was melted; its final state and history are below.' : wallet ? 'None of this wallet’s keys is the owner, an admin or a writer of this store.' : 'Connect a wallet to manage this store.'}
            </p>
          ) : (
            <>
              {!pending.some((e) => e.status === 'failed' && e.error?.code === 'NotEnoughXchError') && <XchFundingNotice className="mb-4" cost="Updates with no fee need none, but a fee, the oracle fee or collateral does." />}
              <div role="tablist" className="-mx-1 mb-5 flex gap-1 overflow-x-auto border-b border-zinc-200 pb-2 dark:border-zinc-800">
                {tabs.map((t) => (
                  <button
                    key={t}
                    role="tab"
                    aria-selected={t === activeTab}
                    onClick={() => setTab(t)}
                    data-testid={`tab-${t}`}
                    className={`rounded-lg px-3 py-1.5 text-sm font-medium whitespace-nowrap ${t === activeTab ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900' : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800'}`}
                  >
                    {TAB_LABELS[t]}
                  </button>
                ))}
              </div>
              {activeTab === 'update' && <UpdateMetadataForm key={cur.coinId} view={view} feeWarnMojos={env.feeWarnMojos} onSubmit={(a) => start(a)} disabled={!wallet} />}
              {activeTab === 'ownership' && (role === 'owner' || role === 'admin') && (
                <OwnershipForm key={cur.coinId} view={view} role={role} network={network} feeWarnMojos={env.feeWarnMojos} onSubmit={(a) => start(a)} disabled={!wallet} />
              )}
              {activeTab === 'oracle' && <OracleSpendForm view={view} network={network} feeWarnMojos={env.feeWarnMojos} onSubmit={(a) => start(a)} disabled={!wallet} />}
              {activeTab === 'melt' && <MeltForm view={view} feeWarnMojos={env.feeWarnMojos} onSubmit={(a) => start(a)} disabled={!wallet} />}
              {pending.length > 0 && <p className="mt-4 text-xs text-zinc-500">A new action waits until the pending one confirms; the store moves one step per block.</p>}
            </>
          )}
        </Card>
      </div>

      <div id="collateral" className="scroll-mt-6">
        <StoreCollateralPanel launcherId={view.launcherId} />
      </div>

      <Card>
        <h2 className="mb-4 font-semibold">History</h2>
        <RootHistory view={view} coinHref={(coinId) => `/s/${launcherId}/coin/${coinId.replace(/^0x/, '')}`} />
      </Card>
      <p className="text-xs text-zinc-500">
        <Link href="/dashboard" className="underline">
          Back to your stores
        </Link>
      </p>
    </div>
  )
}
