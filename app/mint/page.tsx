import type { Metadata } from 'next'

import { PlaceholderPage } from '@/components/layout/placeholder-page'

export const metadata: Metadata = { title: 'Mint a store' }

export default function MintPage() {
  return (
    <PlaceholderPage
      title="Mint a store"
      summary="Create a new CHIP-0035 DataLayer store, owned by your wallet or any address you choose."
      planned={[
        'Label, description, size in bytes and initial root hash (or drop a folder to compute it)',
        'Owner address, optional admin and writer keys, and an oracle with its fee',
        'A fee estimate for your target confirmation time, with a warning above your cap',
        'The decoded spend, shown before your wallet is asked to sign',
        'The new store id (its launcher id) and a link to its verification page',
      ]}
    />
  )
}
