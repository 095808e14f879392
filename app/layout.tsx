import type { Metadata, Viewport } from 'next'
import { connection } from 'next/server'
import type { ReactNode } from 'react'

import { SiteFooter } from '@/components/layout/site-footer'
import { SiteHeader } from '@/components/layout/site-header'
import { ThemeScript } from '@/components/layout/theme-script'
import { PublicEnvProvider } from '@/hooks/use-public-env'
import { publicEnv } from '@/lib/env'

import './globals.css'

export const metadata: Metadata = {
  title: { default: 'DataLayer Studio', template: '%s · DataLayer Studio' },
  description:
    'Mint, update, delegate, collateralize and melt Chia DataLayer stores from your browser, and verify any store yourself.',
  applicationName: 'DataLayer Studio',
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The network is runtime configuration: render per request instead of baking the value
  // of CHIA_NETWORK at build time into static HTML.
  await connection()
  const config = publicEnv()

  return (
    // The theme script adds `light`/`dark` to <html> before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#content"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-3 focus:py-2 focus:shadow dark:focus:bg-zinc-900"
        >
          Skip to content
        </a>
        <PublicEnvProvider value={config}>
          <SiteHeader network={config.network} />
          <main id="content" className="flex-1">
            {children}
          </main>
          <SiteFooter />
        </PublicEnvProvider>
      </body>
    </html>
  )
}
