'use client'

import { useState } from 'react'

import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Field, TextInput } from '@/components/ui/field'
import type { DelegateIntent, IntentAction } from '@/lib/chain/outbox/intent-action'
import type { StoreView } from '@/lib/chain/store-view'
import { bytesToPrefixedHex, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import type { NetworkName } from '@/lib/chia/primitives/network'

import { FeeInput } from './fee-input'
import { formatMojos } from './format-xch'
import { parseDelegateKey, parseFee, parseOracleFee, parseOwner } from './parse-inputs'
import { PuzzleHashAddress } from './puzzle-hash-address'
import { useFeeField } from './use-fee-field'

const h32 = (hex: string) => hexToBytes32(hex.replace(/^0x/, ''))

type Errors = Partial<Record<'newOwner' | 'newKey' | 'oracleAddress' | 'oracleFee' | 'fee' | 'delegates', string>>

/**
 * Transfer the store (owner only) and edit its admin, writer and oracle delegates (owner or admin).
 * The chain's rules are applied up front: an admin cannot move the owner or remove every delegate.
 */
export function OwnershipForm({ view, role, network, feeWarnMojos, onSubmit, disabled }: { view: StoreView; role: 'owner' | 'admin'; network: NetworkName; feeWarnMojos: bigint; onSubmit: (a: IntentAction) => Promise<void>; disabled?: boolean }) {
  const initial: DelegateIntent[] = view.current.delegatedPuzzles.map((d) =>
    d.type === 'oracle' ? { type: 'oracle', oraclePuzzleHash: h32(d.oraclePuzzleHash), oracleFee: BigInt(d.oracleFee) } : { type: d.type, innerPuzzleHash: h32(d.innerPuzzleHash) },
  )
  const [delegates, setDelegates] = useState(initial)
  const [newOwner, setNewOwner] = useState('')
  const [newKey, setNewKey] = useState('')
  const [newType, setNewType] = useState<'admin' | 'writer'>('writer')
  const [oracleAddress, setOracleAddress] = useState('')
  const [oracleFee, setOracleFee] = useState('100000')
  const [errors, setErrors] = useState<Errors>({})
  const fee = useFeeField('0')

  const addKey = () => {
    const r = parseDelegateKey(newKey, network)
    if (!r.ok) return setErrors({ newKey: r.error })
    if (newType === 'admin' && bytesToPrefixedHex(r.value) === view.current.ownerPuzzleHash) return setErrors({ newKey: 'The owner cannot also be an admin.' })
    setDelegates((d) => [...d, { type: newType, innerPuzzleHash: r.value }])
    setNewKey('')
    setErrors({})
  }
  const addOracle = () => {
    const a = parseOwner(oracleAddress, network)
    const f = parseOracleFee(oracleFee)
    if (!a.ok || !f.ok) return setErrors({ ...(a.ok ? {} : { oracleAddress: a.error }), ...(f.ok ? {} : { oracleFee: f.error }) })
    setDelegates((d) => [...d.filter((x) => x.type !== 'oracle'), { type: 'oracle', oraclePuzzleHash: a.value, oracleFee: f.value }])
    setOracleAddress('')
    setErrors({})
  }

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault()
    const errs: Errors = {}
    let owner: Uint8Array | undefined
    if (newOwner.trim()) {
      const r = parseOwner(newOwner, network)
      if (!r.ok) errs.newOwner = r.error
      else owner = r.value
    }
    if (role === 'admin' && delegates.length === 0) errs.delegates = 'An admin cannot remove every delegate; only the owner can.'
    const f = parseFee(fee.text)
    if (!f.ok) errs.fee = f.error
    const same = JSON.stringify(delegates.map(key)) === JSON.stringify(initial.map(key))
    if (!owner && same && Object.keys(errs).length === 0) errs.delegates = 'Nothing changed: add or remove a delegate, or enter a new owner.'
    setErrors(errs)
    if (Object.keys(errs).length > 0 || !f.ok) return
    await onSubmit({ kind: 'ownership', ...(owner ? { newOwnerPuzzleHash: owner } : {}), delegates, fee: f.value })
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-5" data-testid="ownership-form">
      {role === 'owner' && (
        <Field label="Transfer to a new owner" htmlFor="new-owner" error={errors.newOwner} hint="Leave empty to keep the owner. The new owner’s wallet signs everything from then on.">
          <TextInput id="new-owner" value={newOwner} onChange={(e) => setNewOwner(e.target.value)} error={errors.newOwner} className="font-mono" placeholder="address or puzzle hash" />
        </Field>
      )}
      <div>
        <p className="mb-2 text-sm font-medium">Delegates</p>
        {errors.delegates && <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400" data-testid="delegates-error">{errors.delegates}</p>}
        <ul className="space-y-1" data-testid="delegate-list">
          {delegates.length === 0 && <li className="text-sm text-zinc-500">No delegates: only the owner can change this store.</li>}
          {delegates.map((d, i) => (
            <li key={i} className="flex items-center justify-between gap-2 rounded-lg border border-zinc-200 px-3 py-1.5 text-sm dark:border-zinc-800">
              <span className="flex min-w-0 items-center gap-2">
                <Badge tone={d.type === 'admin' ? 'warning' : d.type === 'writer' ? 'info' : 'neutral'}>{d.type}</Badge>
                <span className="truncate text-xs">
                  <PuzzleHashAddress puzzleHash={d.type === 'oracle' ? d.oraclePuzzleHash : d.innerPuzzleHash} network={network} />
                  {d.type === 'oracle' ? ` · ${formatMojos(d.oracleFee)}` : ''}
                </span>
              </span>
              <Button size="sm" variant="ghost" onClick={() => setDelegates((all) => all.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      </div>
      <div className="grid gap-2 sm:grid-cols-[auto_minmax(0,1fr)_auto] sm:items-end">
        <select aria-label="Delegate type" value={newType} onChange={(e) => setNewType(e.target.value as 'admin' | 'writer')} className="h-10 rounded-lg border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-950">
          <option value="writer">Writer</option>
          <option value="admin">Admin</option>
        </select>
        <Field label="Add a key" htmlFor="new-key" error={errors.newKey}>
          <TextInput id="new-key" value={newKey} onChange={(e) => setNewKey(e.target.value)} error={errors.newKey} className="font-mono text-xs" placeholder="public key (96 hex) or address" />
        </Field>
        <Button variant="secondary" onClick={addKey} data-testid="add-delegate">
          Add
        </Button>
      </div>
      <div className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_8rem_auto] sm:items-end">
        <Field label="Oracle payment address" htmlFor="oracle-address" error={errors.oracleAddress}>
          <TextInput id="oracle-address" value={oracleAddress} onChange={(e) => setOracleAddress(e.target.value)} error={errors.oracleAddress} className="font-mono text-xs" />
        </Field>
        <Field label="Fee (mojos)" htmlFor="oracle-fee" error={errors.oracleFee}>
          <TextInput id="oracle-fee" value={oracleFee} onChange={(e) => setOracleFee(e.target.value)} error={errors.oracleFee} className="font-mono" />
        </Field>
        <Button variant="secondary" onClick={addOracle}>
          Set oracle
        </Button>
      </div>
      <FeeInput id="ownership-fee" fee={fee} error={errors.fee} feeWarnMojos={feeWarnMojos} />
      <Button type="submit" disabled={disabled} data-testid="ownership-submit">
        Review changes
      </Button>
    </form>
  )
}

const key = (d: DelegateIntent) => (d.type === 'oracle' ? `o${bytesToPrefixedHex(d.oraclePuzzleHash)}${d.oracleFee}` : `${d.type}${bytesToPrefixedHex(d.innerPuzzleHash)}`)
