import type { Metadata } from 'next'

import { DashboardView } from '@/components/dashboard/dashboard-view'
import { PageHeading } from '@/components/layout/page-heading'

export const metadata: Metadata = { title: 'Dashboard' }

export default function DashboardPage() {
  return (
    <div className="mx-auto w-full max-w-6xl space-y-8 px-4 py-10 sm:px-6">
      <PageHeading title="Dashboard">Every store your wallet owns or can write to, and whether each one is in step with your content.</PageHeading>
      <DashboardView />
    </div>
  )
}
