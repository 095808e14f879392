import type { ReactNode } from 'react'

import { ButtonLink } from '@/components/ui/button'

const statusTones = {
  neutral: 'text-zinc-500 dark:text-zinc-400',
  danger: 'text-red-700 dark:text-red-400',
} as const

/**
 * The body of an error page (404, 400, 500): status line, title, explanation, optional extra
 * content, and an action that defaults to the way back to the home page.
 */
export function ErrorPageBody({
  status,
  tone = 'neutral',
  title,
  testId,
  children,
  extra,
  action,
}: {
  status: string
  tone?: keyof typeof statusTones
  title: string
  testId?: string
  children: ReactNode
  extra?: ReactNode
  action?: ReactNode
}) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6 sm:py-24" data-testid={testId}>
      <p className={`font-mono text-sm font-semibold ${statusTones[tone]}`}>{status}</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight sm:text-4xl">{title}</h1>
      <p className="mt-4 text-lg text-zinc-600 dark:text-zinc-400">{children}</p>
      {extra}
      <div className="mt-8">
        {action ?? (
          <ButtonLink href="/" variant="secondary">
            Back to the home page
          </ButtonLink>
        )}
      </div>
    </div>
  )
}
