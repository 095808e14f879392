import Link from 'next/link'

import { NAV_ITEMS } from './nav-items'

export function SiteFooter() {
  return (
    <footer className="border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-zinc-500 sm:flex-row sm:items-center sm:justify-between sm:px-6 dark:text-zinc-400">
        <p>
          DataLayer Studio: CHIP-0035 DataLayer stores, built in your browser and signed by your
          wallet. The server never holds a key.
        </p>
        <ul className="flex flex-wrap gap-x-4 gap-y-2">
          {NAV_ITEMS.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="hover:text-zinc-900 dark:hover:text-white">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </footer>
  )
}
