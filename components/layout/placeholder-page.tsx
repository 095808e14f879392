import type { ReactNode } from 'react'

import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'

import { PageHeading } from './page-heading'

/**
 * A section that is designed but not built yet: says what will be here, so links in the
 * navigation never lead to a blank page.
 */
export function PlaceholderPage({
  title,
  summary,
  planned,
  children,
}: {
  title: string
  summary: ReactNode
  planned: string[]
  children?: ReactNode
}) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <PageHeading title={title} eyebrow={<Badge tone="warning">Coming soon</Badge>}>
        {summary}
      </PageHeading>
      <div className="mt-10 grid gap-6 lg:grid-cols-[1fr_1fr]">
        <Card>
          <h2 className="text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            What will be here
          </h2>
          <ul className="mt-4 space-y-3">
            {planned.map((item) => (
              <li key={item} className="flex gap-3 text-zinc-700 dark:text-zinc-300">
                <span aria-hidden="true" className="mt-2 size-1.5 shrink-0 rounded-full bg-brand-500" />
                <span>{item}</span>
              </li>
            ))}
          </ul>
        </Card>
        {children}
      </div>
    </div>
  )
}
