'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

import { classNames } from '@/components/ui/class-names'

import { NAV_ITEMS } from './nav-items'

/**
 * The main navigation. On small screens it becomes a horizontally scrolling row under the
 * header, so every section stays one tap away without a menu.
 */
export function SiteNav({ className, compact = false }: { className?: string; compact?: boolean }) {
  const pathname = usePathname()
  return (
    <nav aria-label="Main" className={className}>
      <ul className="flex gap-1 overflow-x-auto [scrollbar-width:none]">
        {NAV_ITEMS.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`)
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                title={compact ? item.label : undefined}
                className={classNames(
                  'block rounded-lg px-3 py-2 text-sm font-medium transition-colors',
                  active
                    ? 'bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-white'
                    : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/70 dark:hover:text-white',
                )}
              >
                {compact ? item.shortLabel : item.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
