'use client'

import { useEffect, useId, useRef, useState } from 'react'

import { Button } from '@/components/ui/button'
import { WalletIcon } from '@/components/ui/icons'
import { useWallet } from '@/hooks/use-wallet'
import type { ChiaNetwork } from '@/lib/env-client'

import { BurnerPanel } from './burner-panel'
import { ConnectWalletDialog } from './connect-wallet-dialog'
import { NetworkMismatchBanner } from './network-mismatch-banner'

const WALLET_NAMES = { walletconnect: 'WalletConnect', injected: 'Browser wallet', burner: 'Burner wallet' } as const

const shortAddress = (address: string) => `${address.slice(0, address.indexOf('1') + 5)}…${address.slice(-4)}`

/**
 * The header's wallet slot: "Connect wallet" opens the list of wallets; once connected it shows
 * the address, and its menu offers copy, disconnect and (devnet burner) the faucet and phrase.
 */
export function ConnectWalletButton({ network }: { network: ChiaNetwork }) {
  const { state, disconnect } = useWallet()
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

  // Close the menu once a connection succeeds (state derived during render, not in an effect).
  const connected = state.status === 'connected'
  const [wasConnected, setWasConnected] = useState(connected)
  if (connected !== wasConnected) {
    setWasConnected(connected)
    if (connected) setOpen(false)
  }

  let label = 'Connect wallet'
  if (state.status === 'restoring') label = 'Restoring…'
  if (state.status === 'connecting') label = 'Connecting…'
  if (state.status === 'connected') label = state.address ? shortAddress(state.address) : WALLET_NAMES[state.kind]

  return (
    <div ref={root} className="relative">
      <Button
        size="sm"
        variant={connected ? 'secondary' : 'primary'}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid={connected ? 'wallet-address' : 'connect-wallet'}
        data-network={network}
        title={state.status === 'connected' ? state.address : undefined}
      >
        <WalletIcon className="size-4" />
        <span>{label}</span>
      </Button>
      {open && (
        <div
          id={panelId}
          role="dialog"
          aria-label="Wallet connection"
          className="absolute right-0 z-20 mt-2 w-80 space-y-3 rounded-xl border border-zinc-200 bg-white p-4 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {state.status === 'connected' ? (
            <>
              <div>
                <p className="text-xs text-zinc-500">{state.wallet.account.walletName ?? WALLET_NAMES[state.kind]}</p>
                <p className="font-mono text-xs break-all" data-testid="wallet-full-address">
                  {state.address ?? 'Address not shared by the wallet'}
                </p>
              </div>
              <div className="flex gap-2">
                {state.address && (
                  <Button size="sm" variant="secondary" className="flex-1" onClick={() => void navigator.clipboard.writeText(state.address!)}>
                    Copy address
                  </Button>
                )}
                <Button size="sm" variant="secondary" className="flex-1" onClick={() => void disconnect()} data-testid="wallet-disconnect">
                  Disconnect
                </Button>
              </div>
              {state.kind === 'burner' && <BurnerPanel />}
            </>
          ) : (
            <ConnectWalletDialog />
          )}
        </div>
      )}
      <NetworkMismatchBanner />
    </div>
  )
}
