'use client'

import { useState } from 'react'
import useSWR from 'swr'

import { Button } from '@/components/ui/button'
import { usePublicEnv } from '@/hooks/use-public-env'
import { useWallet } from '@/hooks/use-wallet'
import type { Wallet } from '@/lib/wallet/wallet'

const ids = new WeakMap<Wallet, number>()
let nextId = 1
const walletKey = (w: Wallet) => {
  if (!ids.has(w)) ids.set(w, nextId++)
  return ids.get(w)!
}

/** How long to wait for the faucet's coins to show: up to 15 reads, 1 s apart. */
const FUNDED_POLLS = 15
const FUNDED_POLL_MS = 1_000

/** The connected wallet's spendable XCH in mojos (unlocked standard coins). */
async function loadSpendableXch(wallet: Wallet): Promise<bigint> {
  const coins = await wallet.getSpendableCoins()
  return coins.filter((c) => !c.locked).reduce((t, c) => t + c.coin.amount, 0n)
}

/**
 * Says what to do when the connected wallet has no XCH to pay for an action (1 mojo for a new
 * store, plus the fee). With the devnet burner it offers the faucet in one click (the same
 * `burner.fund()` as the wallet menu); elsewhere it says to get XCH into the wallet.
 * Shown when the wallet's spendable XCH is 0, or always with `force` (a build that failed for
 * insufficient funds); `onFunded` runs after the faucet paid, e.g. to rebuild.
 */
export function XchFundingNotice({ force = false, onFunded, cost = '', className = '' }: { force?: boolean; onFunded?: () => void | Promise<void>; cost?: string; className?: string }) {
  const { network } = usePublicEnv()
  const { state, wallet, burner, refresh } = useWallet()
  const isBurner = state.status === 'connected' && state.kind === 'burner' && network === 'devnet'
  // Only the burner is checked up front: it is free to ask, and a new one always starts empty.
  // Other wallets learn it from a build that failed (`force`), without an extra wallet request.
  const { data: spendable, mutate } = useSWR(wallet && isBurner ? ['xch-spendable', walletKey(wallet)] : null, () => loadSpendableXch(wallet!), {
    // While empty, look again now and then: the wallet menu's faucet button funds it too.
    refreshInterval: (latest) => (latest === 0n ? 5_000 : 0),
  })
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string>()

  if (state.status !== 'connected' || !wallet) return null
  if (!force && spendable !== 0n) return null

  const fund = async () => {
    setBusy(true)
    setMessage(undefined)
    try {
      await burner.fund()
      await refresh()
      // The faucet answers once its block is farmed, but the node's coin index can lag a moment
      // behind: wait until the wallet sees the coins, or a rebuild would fail for want of them.
      let xch = 0n
      for (let i = 0; i < FUNDED_POLLS && xch === 0n; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, FUNDED_POLL_MS))
        xch = await loadSpendableXch(wallet)
      }
      await mutate(xch, { revalidate: false })
      await onFunded?.()
    } catch (e) {
      setMessage(e instanceof Error && 'shortMessage' in e ? String(e.shortMessage) : 'The faucet failed.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div role="status" data-testid="xch-funding-notice" className={`space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200 ${className}`}>
      {isBurner ? (
        <>
          <p>
            <strong>{spendable === 0n ? 'Your devnet burner wallet has no XCH yet.' : 'Your devnet burner wallet does not have enough XCH for this.'}</strong> {cost} The devnet faucet
            farms a block to your address in a second{onFunded ? ', then this action is rebuilt' : ''}.
          </p>
          <Button size="sm" onClick={() => void fund()} disabled={busy} data-testid="xch-funding-fund">
            {busy ? 'Funding…' : 'Fund from faucet'}
          </Button>
        </>
      ) : (
        <p>
          <strong>This wallet does not have enough spendable {network === 'mainnet' ? 'XCH' : 'TXCH'} for this.</strong> {cost}{' '}
          {network === 'devnet'
            ? 'Connect the devnet burner wallet and fund it from the faucet, or send devnet XCH to this wallet’s address.'
            : network === 'testnet11'
              ? 'Get TXCH from a testnet11 faucet into the connected wallet’s address, wait for it to confirm, then try again.'
              : 'Send XCH to the connected wallet’s address, wait for it to confirm, then try again.'}
          {state.address && (
            <>
              {' '}
              Its address: <span className="font-mono text-xs break-all">{state.address}</span>
            </>
          )}
        </p>
      )}
      {message && <p role="alert">{message}</p>}
    </div>
  )
}
