'use client'

import { useState } from 'react'

import { formatBytes, shortHash } from '@/components/store/store-format'
import { Button } from '@/components/ui/button'
import { Field, TextInput } from '@/components/ui/field'
import type { IntentAction } from '@/lib/chain/outbox/intent-action'
import type { StoreView } from '@/lib/chain/store-view'
import type { NetworkName } from '@/lib/chia/primitives/network'

import { FeeInput } from './fee-input'
import { formatMojos, formatXch } from './format-xch'
import { parseFee } from './parse-inputs'
import { PuzzleHashAddress } from './puzzle-hash-address'
import { useFeeField } from './use-fee-field'

/** Oracle spend: anyone pays the store's oracle fee to show it is live. */
export function OracleSpendForm({ view, network, feeWarnMojos, onSubmit, disabled }: { view: StoreView; network: NetworkName; feeWarnMojos: bigint; onSubmit: (a: IntentAction) => Promise<void>; disabled?: boolean }) {
  const oracle = view.current.delegatedPuzzles.find((d) => d.type === 'oracle')
  const fee = useFeeField('0')
  const [error, setError] = useState<string>()
  if (!oracle || oracle.type !== 'oracle') return <p className="text-sm text-zinc-500">This store has no oracle.</p>
  return (
    <form
      noValidate
      className="space-y-4"
      data-testid="oracle-form"
      onSubmit={(e) => {
        e.preventDefault()
        const f = parseFee(fee.text)
        if (!f.ok) return setError(f.error)
        setError(undefined)
        void onSubmit({ kind: 'oracle', fee: f.value })
      }}
    >
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Pays <strong>{formatMojos(BigInt(oracle.oracleFee))}</strong> ({formatXch(BigInt(oracle.oracleFee))}) to <PuzzleHashAddress puzzleHash={oracle.oraclePuzzleHash} network={network} /> and re-creates the store unchanged, proving it is live.
      </p>
      <FeeInput id="oracle-spend-fee" fee={fee} error={error} feeWarnMojos={feeWarnMojos} />
      <Button type="submit" disabled={disabled} data-testid="oracle-submit">
        Review oracle spend
      </Button>
    </form>
  )
}

/**
 * Melt (owner only): the user types the label or the first 8 characters of the id; the form says
 * what is destroyed and that the store's 1 mojo goes to the farmer with the fee.
 */
export function MeltForm({ view, feeWarnMojos, onSubmit, disabled }: { view: StoreView; feeWarnMojos: bigint; onSubmit: (a: IntentAction) => Promise<void>; disabled?: boolean }) {
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<string>()
  const fee = useFeeField('0')
  const idPrefix = view.launcherId.replace(/^0x/, '').slice(0, 8)
  const label = view.current.label
  const matches = (t: string) => {
    const v = t.trim()
    return (label !== undefined && label !== '' && v === label) || v.replace(/^0x/i, '').toLowerCase() === idPrefix
  }
  return (
    <form
      noValidate
      className="space-y-4"
      data-testid="melt-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (!matches(confirm)) return setError(label ? `Type “${label}” or ${idPrefix} to confirm.` : `Type ${idPrefix} to confirm.`)
        const f = parseFee(fee.text)
        if (!f.ok) return setError(f.error)
        setError(undefined)
        void onSubmit({ kind: 'melt', fee: f.value })
      }}
    >
      <div className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
        <p className="font-semibold">Melting destroys this store for good.</p>
        <ul className="mt-1 list-disc pl-5">
          <li>Its id stops accepting updates; its history stays on chain and on its public page.</li>
          <li>Final state: root {shortHash(view.current.rootHash)}{view.current.bytes !== undefined ? `, ${formatBytes(BigInt(view.current.bytes))}` : ''}, {view.current.delegatedPuzzles.length} delegate(s) removed.</li>
          <li>The store coin’s 1 mojo is recovered as part of the fee (you get nothing back); you pay the network fee below.</li>
        </ul>
      </div>
      <Field label={label ? `Type the label “${label}” or the id prefix ${idPrefix}` : `Type the id prefix ${idPrefix}`} htmlFor="melt-confirm" error={error}>
        <TextInput id="melt-confirm" value={confirm} onChange={(e) => setConfirm(e.target.value)} error={error} autoComplete="off" />
      </Field>
      <FeeInput id="melt-fee" fee={fee} feeWarnMojos={feeWarnMojos} />
      <Button type="submit" disabled={disabled || !matches(confirm)} className="bg-red-600 hover:bg-red-700 dark:bg-red-500" data-testid="melt-submit">
        Review melt
      </Button>
    </form>
  )
}
