import type { Metadata } from 'next'

import { PageHeading } from '@/components/layout/page-heading'
import { MintForm } from '@/components/mint/mint-form'

export const metadata: Metadata = { title: 'Mint a store' }

export default function MintPage() {
  return (
    <div className="mx-auto w-full max-w-6xl space-y-8 px-4 py-10 sm:px-6">
      <PageHeading title="Mint a store">Create a CHIP-0035 DataLayer store, owned by your wallet or any address you choose. Its launcher id becomes the store id.</PageHeading>
      <MintForm />
    </div>
  )
}
