import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound, permanentRedirect, redirect } from 'next/navigation'
import { Suspense } from 'react'

import { PublicStoreCollateral } from '@/components/collateral/public-store-collateral'
import { DeferredManageStoreLink } from '@/components/store-actions/deferred-manage-store-link'
import { QrCodeSvg } from '@/components/store/qr-code-svg'
import { RootHistory } from '@/components/store/root-history'
import { formatHeight, shortHash } from '@/components/store/store-format'
import { StoreOverview } from '@/components/store/store-overview'
import { StoreStatusBadge } from '@/components/store/store-status-badge'
import { Card } from '@/components/ui/card'
import { EmbedSnippet } from '@/components/verify/embed-snippet'
import { packHistory } from '@/components/verify/packed-history'
import { RootLookup } from '@/components/verify/root-lookup'
import { StoreVerifier } from '@/components/verify/store-verifier'
import { NETWORK_LABELS } from '@/lib/env-client'
import { normalizeStoreId } from '@/lib/store-id'

import { getStoreView } from '@/components/store/get-store-view'

type Props = { params: Promise<{ storeId: string }>; searchParams: Promise<{ history?: string | string[] }> }

/** Timeline entries rendered unless the visitor asks for all (`?history=all`). */
const HISTORY_SHOWN = 50

const STATUS_TEXT = { live: 'Live', pending: 'Update pending', melted: 'Melted' } as const

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const launcherId = normalizeStoreId((await params).storeId)
  if (!launcherId) return { title: 'Invalid store id', robots: { index: false } }
  // Absolute og:image URLs on whatever host served the page.
  const metadataBase = new URL(await origin())
  const view = await getStoreView(launcherId).catch(() => undefined)
  if (!view) return { metadataBase, title: `Store ${shortHash(launcherId)}` }
  const title = `${view.current.label || 'Unnamed store'} · ${shortHash(launcherId)}`
  const description = `${STATUS_TEXT[view.status]} DataLayer store on ${NETWORK_LABELS[view.network]}. Root ${shortHash(view.current.rootHash, 10, 8)}, ${view.history.length} generation${view.history.length === 1 ? '' : 's'}. Verify it in your browser.`
  return {
    metadataBase,
    title,
    description,
    openGraph: { title, description, type: 'website' },
    twitter: { card: 'summary_large_image', title, description },
  }
}

async function origin(): Promise<string> {
  const h = await headers()
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000'
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https')
  return `${proto}://${host}`
}

/**
 * Public verification page of one store: server-rendered state and history from lib/chain, then
 * the visitor's browser re-verifies it from raw chain data (components/verify).
 */
export default async function StorePage({ params, searchParams }: Props) {
  const { storeId } = await params
  const launcherId = normalizeStoreId(storeId)
  // proxy.ts answers malformed ids with a 400 before this page runs; this branch covers any
  // request that reaches the page without passing through the proxy. (A redirect, not the
  // component, so the 400 page's form stays out of this page's JavaScript.)
  if (launcherId === undefined) redirect(`/errors/invalid-store-id?id=${encodeURIComponent(storeId)}`)
  // One address per store: /s/0xABC… and /s/abc… both land on the lowercase form.
  if (launcherId !== storeId) permanentRedirect(`/s/${launcherId}`)

  const view = await getStoreView(launcherId)
  if (!view) notFound()

  const base = await origin()
  const pageUrl = `${base}/s/${launcherId}`
  const badgeUrl = `${base}/api/badge/${launcherId}`
  const snippet = `<a href="${pageUrl}"><img src="${badgeUrl}" alt="DataLayer store status" height="20"></a>`
  const packed = packHistory(view.history)
  const showAll = (await searchParams).history === 'all'

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6 sm:py-14" data-testid="store-page">
      <div className="flex flex-wrap items-center gap-3">
        <StoreStatusBadge status={view.status} />
        <span className="text-sm text-zinc-500 dark:text-zinc-400">DataLayer store on {NETWORK_LABELS[view.network]}</span>
        <span className="ml-auto">
          <DeferredManageStoreLink launcherId={launcherId} />
        </span>
      </div>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight break-words sm:text-4xl" data-testid="store-title">
        {view.current.label || 'Unnamed store'}
      </h1>
      <p className="mt-2 font-mono text-sm break-all text-zinc-600 dark:text-zinc-400" data-testid="store-id">
        {view.launcherId}
      </p>
      {view.melt && (
        <p className="mt-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200" data-testid="melted-banner">
          This store was melted at height {formatHeight(view.melt.height)}. Its final state and full history stay verifiable below.
        </p>
      )}
      {view.status === 'pending' && (
        <p className="mt-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          An update of this store is waiting in the mempool; the state below is the last confirmed one.
        </p>
      )}

      <div className="mt-8">
        <StoreOverview view={view} />
      </div>

      <div className="mt-6 grid items-start gap-6 lg:grid-cols-5">
        <div className="min-w-0 lg:col-span-3">
          <StoreVerifier launcherId={launcherId} history={packed} />
        </div>
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <RootLookup history={packed} melted={view.status === 'melted'} />
          <Card id="history">
            <h2 className="text-base font-semibold">Root history</h2>
            <p className="mt-1 mb-5 text-sm text-zinc-600 dark:text-zinc-400">
              {view.history.length} generation{view.history.length === 1 ? '' : 's'} since height {formatHeight(view.creationHeight)}, newest first.
            </p>
            <RootHistory
              view={view}
              limit={showAll ? undefined : HISTORY_SHOWN}
              showAllHref={`/s/${launcherId}?history=all#history`}
              coinHref={(coinId) => `/s/${launcherId}/coin/${coinId.replace(/^0x/, '')}`}
            />
          </Card>
        </div>
      </div>

      <div className="mt-6">
        <Suspense
          fallback={
            <Card>
              <h2 className="text-lg font-semibold">Collateral ($DIG)</h2>
              <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">Reading collateral from the chain…</p>
            </Card>
          }
        >
          <PublicStoreCollateral launcherId={launcherId} />
        </Suspense>
      </div>

      <Card className="mt-6">
        <h2 className="text-base font-semibold">Share and embed</h2>
        <div className="mt-4 flex flex-col gap-6 sm:flex-row">
          <QrCodeSvg text={pageUrl} label="QR code of this page" className="w-32 shrink-0 overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-700 [&_svg]:block [&_svg]:size-full" />
          <div className="min-w-0 flex-1 space-y-3">
            {/* eslint-disable-next-line @next/next/no-img-element -- the badge is our own SVG route, shown exactly as embedders see it */}
            <img src={`/api/badge/${launcherId}`} alt="Store status badge" height={20} data-testid="badge-preview" />
            <EmbedSnippet snippet={snippet} />
          </div>
        </div>
      </Card>
    </div>
  )
}
