import Link from 'next/link'

import { ConnectWalletButton } from '@/components/wallet/connect-wallet-button'
import type { ChiaNetwork } from '@/lib/env-client'

import { Logo } from './logo'
import { NetworkBadge } from './network-badge'
import { SiteNav } from './site-nav'
import { ThemeToggle } from './theme-toggle'

export function SiteHeader({ network }: { network: ChiaNetwork }) {
  return (
    <header className="sticky top-0 z-10 border-b border-zinc-200 bg-white/85 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/85">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-3 px-4 sm:px-6">
        <Link href="/" className="flex shrink-0 items-center gap-2.5 font-semibold tracking-tight">
          <Logo />
          <span className="sr-only min-[420px]:not-sr-only">DataLayer Studio</span>
        </Link>
        <NetworkBadge network={network} />
        <SiteNav className="ml-4 hidden lg:block" />
        <div className="ml-auto flex items-center gap-1.5">
          <ThemeToggle />
          <ConnectWalletButton network={network} />
        </div>
      </div>
      <SiteNav compact className="border-t border-zinc-200 px-2 py-1.5 lg:hidden dark:border-zinc-800" />
    </header>
  )
}
