import type { Metadata } from 'next'

import { InvalidStoreId } from '@/components/verify/invalid-store-id'

export const metadata: Metadata = { title: 'Invalid store id', robots: { index: false } }

type Props = { searchParams: Promise<{ id?: string | string[] }> }

/**
 * Target of proxy.ts's rewrite for malformed `/s/<storeId>` addresses; the proxy sets the
 * HTTP status to 400. The visitor's address bar keeps the URL they typed.
 */
export default async function InvalidStoreIdPage({ searchParams }: Props) {
  const { id } = await searchParams
  return <InvalidStoreId storeId={typeof id === 'string' ? id : ''} />
}
