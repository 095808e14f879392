'use client'

import { useWallet } from '@/hooks/use-wallet'

const NAMES: Record<string, string> = {
  'chia:mainnet': 'mainnet',
  'chia:testnet': 'testnet11',
  'chia:devnet': 'the devnet',
  mainnet: 'mainnet',
  testnet11: 'testnet11',
  devnet: 'the devnet',
}
const label = (chain: string) => NAMES[chain] ?? chain

/** Shown when the wallet approved another network than the app's; the session was dropped. */
export function NetworkMismatchBanner() {
  const { state, dismiss } = useWallet()
  if (state.status !== 'disconnected' || !state.mismatch) return null
  const { expected, actual } = state.mismatch
  return (
    <div
      role="alert"
      data-testid="network-mismatch-banner"
      className="fixed inset-x-0 top-16 z-30 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      <div className="mx-auto flex max-w-6xl items-center gap-3">
        <p className="flex-1">
          Your wallet is on <strong>{label(actual)}</strong>, but this app uses <strong>{label(expected)}</strong>. Switch your wallet
          to {label(expected)} and connect again.
        </p>
        <button type="button" onClick={dismiss} className="rounded px-2 py-1 hover:bg-amber-100 dark:hover:bg-amber-900">
          Dismiss
        </button>
      </div>
    </div>
  )
}
