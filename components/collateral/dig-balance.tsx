'use client'

import { useCollateralBalance } from '@/hooks/use-collateral-balance'
import { useWallet } from '@/hooks/use-wallet'

import { formatDig } from './dig-amount'

/** The connected wallet's spendable $DIG. */
export function DigBalance({ refreshMs = 0 }: { refreshMs?: number }) {
  const { wallet } = useWallet()
  const { data, error } = useCollateralBalance(refreshMs)
  if (!wallet) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Connect a wallet to see your DIG.</p>
  if (error) return <p className="text-sm text-red-700 dark:text-red-400">Your DIG balance could not be read: {error instanceof Error && 'shortMessage' in error ? String(error.shortMessage) : 'unknown error'}.</p>
  return (
    <p className="text-sm" data-testid="dig-balance" data-base-units={data?.total.toString()}>
      Your spendable DIG: <span className="font-mono font-semibold">{data ? `${formatDig(data.total)} DIG` : '…'}</span>
      {data && data.skipped > 0 && <span className="text-zinc-500"> ({data.skipped} coins with special puzzles not used)</span>}
    </p>
  )
}
