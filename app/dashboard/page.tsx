import type { Metadata } from 'next'

import { PlaceholderPage } from '@/components/layout/placeholder-page'

export const metadata: Metadata = { title: 'Dashboard' }

export default function DashboardPage() {
  return (
    <PlaceholderPage
      title="Dashboard"
      summary="Every store your wallet owns or can write to, and whether each one is in step with your content."
      planned={[
        'Your stores with their sync status: in sync, pending update, syncing, failed or conflicted',
        'Live progress of each transaction, from signature to confirmation',
        'The outbox of pending updates, retried automatically and rebuilt when a store moves on',
        'Updates queued by your CI or commit hooks, ready to sign',
        'Totals: stores, bytes managed, DIG locked and DIG required',
      ]}
    />
  )
}
