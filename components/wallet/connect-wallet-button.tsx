'use client'

import { useEffect, useId, useRef, useState } from 'react'

import { Button } from '@/components/ui/button'
import { WalletIcon } from '@/components/ui/icons'
import type { ChiaNetwork } from '@/lib/env-client'

/**
 * The header's wallet slot. Placeholder until the wallet connectors (lib/wallet) land: it
 * explains which wallets are coming instead of pretending to connect.
 */
export function ConnectWalletButton({ network }: { network: ChiaNetwork }) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) {
        setOpen(false)
      }
    }
    document.addEventListener('keydown', close)
    document.addEventListener('pointerdown', close)
    return () => {
      document.removeEventListener('keydown', close)
      document.removeEventListener('pointerdown', close)
    }
  }, [open])

  return (
    <div ref={root} className="relative">
      <Button
        size="sm"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="connect-wallet"
      >
        <WalletIcon className="size-4" />
        <span>Connect wallet</span>
      </Button>
      {open && (
        <div
          id={panelId}
          role="dialog"
          aria-label="Wallet connection"
          className="absolute right-0 z-20 mt-2 w-72 rounded-xl border border-zinc-200 bg-white p-4 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <p className="font-medium">Wallet connections are on their way.</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-zinc-600 dark:text-zinc-400">
            <li>WalletConnect v2 (Sage, Chia reference wallet)</li>
            <li>Browser wallets such as Goby</li>
            {network === 'devnet' && <li>A devnet burner wallet, funded by the faucet</li>}
          </ul>
        </div>
      )}
    </div>
  )
}
