import type { Metadata } from 'next'

import { PageHeading } from '@/components/layout/page-heading'
import { Card } from '@/components/ui/card'
import { VerifyStoreForm } from '@/components/verify/verify-store-form'

export const metadata: Metadata = { title: 'Verify a store' }

export default function VerifyPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <PageHeading title="Verify a store">
        Paste a store id to open its public verification page. Anyone can use it; no wallet needed.
      </PageHeading>
      <Card className="mt-10 max-w-3xl">
        <VerifyStoreForm autoFocus />
      </Card>
      <div className="mt-10 grid max-w-3xl gap-6 text-sm text-zinc-600 sm:grid-cols-2 dark:text-zinc-400">
        <div>
          <h2 className="font-semibold text-zinc-900 dark:text-zinc-100">What the page shows</h2>
          <p className="mt-2">
            Status, metadata, owner, delegates, the full root history and the collateral backing the
            store.
          </p>
        </div>
        <div>
          <h2 className="font-semibold text-zinc-900 dark:text-zinc-100">Why you can trust it</h2>
          <p className="mt-2">
            Your browser re-derives every generation from raw coin records and can compare the answer
            with a full node of your choice.
          </p>
        </div>
      </div>
    </div>
  )
}
