'use client'

import { useSyncExternalStore } from 'react'

import { usePublicEnv } from '@/hooks/use-public-env'
import { useWallet } from '@/hooks/use-wallet'
import type { WalletKind } from '@/lib/wallet/wallet'

import { WalletConnectPairing } from './walletconnect-pairing'

interface Option {
  kind: WalletKind
  title: string
  description: string
  available: boolean
  unavailableReason?: string
}

const noSubscription = () => () => undefined
const hasInjectedProvider = () => {
  const chia = (window as { chia?: { request?: unknown } }).chia
  return typeof chia === 'object' && chia !== null && typeof chia.request === 'function'
}

/** The list of wallets this app can use here, and the pairing view while WalletConnect waits. */
export function ConnectWalletDialog() {
  const env = usePublicEnv()
  const { state, connect, cancel } = useWallet()
  const hasInjected = useSyncExternalStore(noSubscription, hasInjectedProvider, () => false)

  if (state.status === 'connecting' && state.kind === 'walletconnect') {
    return state.pairingUri ? (
      <WalletConnectPairing uri={state.pairingUri} onCancel={cancel} />
    ) : (
      <p className="text-zinc-600 dark:text-zinc-400">Preparing a WalletConnect link…</p>
    )
  }

  const options: Option[] = [
    {
      kind: 'walletconnect',
      title: 'WalletConnect',
      description: 'Sage (desktop or mobile). Chia reference wallet ≥ 2.7.1: sign-in only.',
      available: Boolean(env.walletConnectProjectId),
      unavailableReason: 'No WalletConnect project id is configured (WALLETCONNECT_PROJECT_ID).',
    },
    {
      kind: 'injected',
      title: 'Browser wallet',
      description: 'Goby or the DIG Browser (window.chia).',
      available: hasInjected,
      unavailableReason: 'No browser wallet was found in this browser.',
    },
  ]
  if (env.network === 'devnet') {
    options.push({
      kind: 'burner',
      title: 'Devnet burner wallet',
      description: 'A throwaway key kept in this browser, funded by the devnet faucet.',
      available: true,
    })
  }

  const error = state.status === 'disconnected' && !state.mismatch ? state.error : undefined

  return (
    <div className="space-y-2">
      <p className="font-medium">Connect a wallet</p>
      <ul className="space-y-2">
        {options.map((o) => (
          <li key={o.kind}>
            <button
              type="button"
              disabled={!o.available || state.status === 'connecting'}
              onClick={() => void connect(o.kind)}
              data-testid={`wallet-option-${o.kind}`}
              className="w-full rounded-lg border border-zinc-200 p-3 text-left hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              <span className="block font-medium">
                {o.title}
                {state.status === 'connecting' && state.kind === o.kind ? ' — connecting…' : ''}
              </span>
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">{o.available ? o.description : o.unavailableReason}</span>
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400" data-testid="wallet-error">
          {error.message}
        </p>
      )}
    </div>
  )
}
