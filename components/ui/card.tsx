import type { ComponentProps } from 'react'

import { classNames } from './class-names'

/** A bordered surface for grouping related content. */
export function Card({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      className={classNames(
        'rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900/60',
        className,
      )}
      {...props}
    />
  )
}
