import type { ReactNode } from 'react'

/** The title block at the top of an inner page. */
export function PageHeading({ title, eyebrow, children }: { title: string; eyebrow?: ReactNode; children?: ReactNode }) {
  return (
    <div className="max-w-3xl">
      {eyebrow && <div className="mb-3">{eyebrow}</div>}
      <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{title}</h1>
      {children && <div className="mt-3 text-lg text-zinc-600 dark:text-zinc-400">{children}</div>}
    </div>
  )
}
