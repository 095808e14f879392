import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { InvalidStoreId } from '@/components/verify/invalid-store-id'
import { normalizeStoreId } from '@/lib/store-id'

type Props = { params: Promise<{ storeId: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const launcherId = normalizeStoreId((await params).storeId)
  return launcherId
    ? { title: `Store ${launcherId.slice(0, 8)}…${launcherId.slice(-6)}` }
    : { title: 'Invalid store id', robots: { index: false } }
}

/**
 * Public verification page for one store. Placeholder: the store view arrives with lib/chain;
 * until then every well-formed id is "not found".
 */
export default async function StorePage({ params }: Props) {
  const { storeId } = await params
  const launcherId = normalizeStoreId(storeId)
  // proxy.ts answers malformed ids with a 400 before this page runs; this branch covers any
  // request that reaches the page without passing through the proxy.
  if (launcherId === undefined) return <InvalidStoreId storeId={storeId} />
  // One address per store: /s/0xABC… and /s/abc… both land on the lowercase form.
  if (launcherId !== storeId) permanentRedirect(`/s/${launcherId}`)

  // TODO(verification pages): load the store through lib/chain and render it.
  notFound()
}
