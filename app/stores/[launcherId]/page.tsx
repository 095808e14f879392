import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { StoreOwnerView } from '@/components/store-actions/store-owner-view'
import { normalizeStoreId } from '@/lib/store-id'

type Props = { params: Promise<{ launcherId: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = normalizeStoreId((await params).launcherId)
  return { title: id ? `Manage store ${id.slice(0, 8)}…` : 'Store' }
}

/** The owner's management page of one store (the public page is `/s/<id>`). */
export default async function StorePage({ params }: Props) {
  const id = normalizeStoreId((await params).launcherId)
  if (!id) notFound()
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-10 sm:px-6">
      <StoreOwnerView launcherId={id} />
    </div>
  )
}
