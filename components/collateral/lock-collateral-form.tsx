'use client'

import { useState, type ComponentProps } from 'react'

import { Button } from '@/components/ui/button'
import type { LockRequest } from '@/hooks/use-collateral-action'
import { DEFAULT_VAULT_SECONDS } from '@/lib/chain/collateral/build-collateral-lock'
import type { CollateralFormat } from '@/lib/chain/collateral/collateral-action'

import { formatDig, parseDig } from './dig-amount'

const toLocalInput = (ms: number) => {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A labelled full-width input of this form. */
function LabeledInput({ label, className, ...props }: ComponentProps<'input'> & { label: string }) {
  return (
    <label className="block">
      <span className="text-zinc-600 dark:text-zinc-400">{label}</span>
      <input className={`mt-1 w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900${className ? ` ${className}` : ''}`} {...props} />
    </label>
  )
}

/**
 * Lock an amount of DIG for a store (default: the shortfall), in the DIG Network format
 * (withdrawable at any time) or time-locked until a date (default 30 days). Calls `onSubmit`
 * with the request; the parent runs the action pipeline and shows the preview.
 */
export function LockCollateralForm({
  defaultAmount,
  chainTime,
  feeWarnMojos,
  busy,
  onSubmit,
}: {
  defaultAmount: bigint
  /** The latest block's timestamp (unix seconds): time locks are judged by chain time. */
  chainTime: bigint
  feeWarnMojos: bigint
  busy: boolean
  onSubmit: (request: LockRequest) => void
}) {
  const [amount, setAmount] = useState(defaultAmount > 0n ? formatDig(defaultAmount).replace(/,/g, '') : '')
  const [format, setFormat] = useState<CollateralFormat>('dig')
  const [unlock, setUnlock] = useState(() => toLocalInput(Math.max(Date.now(), Number(chainTime) * 1000) + Number(DEFAULT_VAULT_SECONDS) * 1000))
  const [fee, setFee] = useState('0')
  const [problem, setProblem] = useState<string>()

  const feeMojos = /^\d+$/.test(fee.trim()) ? BigInt(fee.trim()) : undefined

  const submit = () => {
    setProblem(undefined)
    let base: bigint
    try {
      base = parseDig(amount)
    } catch (e) {
      setProblem(e instanceof Error && 'shortMessage' in e ? String(e.shortMessage) : 'Invalid amount.')
      return
    }
    if (base <= 0n) return setProblem('Enter an amount greater than zero.')
    if (feeMojos === undefined) return setProblem('The fee is a whole number of mojos.')
    let unlockTime: bigint | undefined
    if (format === 'vault') {
      const ms = new Date(unlock).getTime()
      if (!Number.isFinite(ms) || ms <= Math.max(Date.now(), Number(chainTime) * 1000)) return setProblem('Pick an unlock date in the future.')
      unlockTime = BigInt(Math.floor(ms / 1000))
    }
    onSubmit({ format, amount: base, fee: feeMojos, chainTime, ...(unlockTime !== undefined ? { unlockTime } : {}) })
  }

  return (
    <form
      className="space-y-3 text-sm"
      data-testid="lock-collateral-form"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <LabeledInput label="Amount (DIG)" className="font-mono" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="lock-amount" />
      <fieldset className="space-y-1">
        <legend className="text-zinc-600 dark:text-zinc-400">Kind</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name="format" checked={format === 'dig'} onChange={() => setFormat('dig')} data-testid="lock-format-dig" />
          <span>
            DIG Network format — <strong>withdrawable at any time</strong> by you; counted by DIG’s own tools
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="format" checked={format === 'vault'} onChange={() => setFormat('vault')} data-testid="lock-format-vault" />
          <span>Time-locked until a date — nobody, not even you, can withdraw it earlier (not counted by DIG’s tools)</span>
        </label>
      </fieldset>
      {format === 'vault' && (
        <LabeledInput label="Unlock date" type="datetime-local" value={unlock} onChange={(e) => setUnlock(e.target.value)} data-testid="lock-unlock" />
      )}
      <LabeledInput label="Fee (XCH mojos)" className="font-mono" inputMode="numeric" value={fee} onChange={(e) => setFee(e.target.value)} data-testid="lock-fee" />
      {feeMojos !== undefined && feeMojos > feeWarnMojos && (
        <p className="text-amber-700 dark:text-amber-400">This fee is above {feeWarnMojos.toString()} mojos. Are you sure?</p>
      )}
      {problem && (
        <p className="text-red-700 dark:text-red-400" role="alert">
          {problem}
        </p>
      )}
      <Button type="submit" disabled={busy} data-testid="lock-review">
        Review lock
      </Button>
    </form>
  )
}
