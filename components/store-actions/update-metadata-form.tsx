'use client'

import { useId, useState } from 'react'

import { CollateralGate } from '@/components/collateral/collateral-gate'
import { FilesRoot } from '@/components/mint/files-root'
import { Button } from '@/components/ui/button'
import { Field, TextArea, TextInput } from '@/components/ui/field'
import { useCollateralGate } from '@/hooks/use-collateral-gate'
import type { IntentAction } from '@/lib/chain/outbox/intent-action'
import type { StoreView } from '@/lib/chain/store-view'
import { delegatedPuzzlesMerkleRoot } from '@/lib/chia/datastore/delegated-puzzle'
import { delegationLayerPuzzleHash } from '@/lib/chia/layers/delegation-layer'
import { bytesToPrefixedHex, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import type { DelegatedPuzzle } from '@/lib/chia/datastore/delegated-puzzle'

import { FeeInput } from './fee-input'
import { parseByteCount, parseFee, parseRootHash } from './parse-inputs'
import { useFeeField } from './use-fee-field'

type Errors = Partial<Record<'rootHash' | 'bytes' | 'label' | 'fee', string>>

const h32 = (hex: string) => hexToBytes32(hex.replace(/^0x/, ''))

/** The store's delegates as lib/chia values (for the inner puzzle hash of proofs). */
export function delegatesFromView(view: StoreView): DelegatedPuzzle[] {
  return view.current.delegatedPuzzles.map((d) =>
    d.type === 'oracle' ? { type: 'oracle', oraclePuzzleHash: h32(d.oraclePuzzleHash), oracleFee: BigInt(d.oracleFee) } : { type: d.type, innerPuzzleHash: h32(d.innerPuzzleHash) },
  )
}

/**
 * Update root, label, description and size. Fields start at their on-chain values; only the
 * ones the user changes are sent, so everything else — including metadata keys this app does not
 * know — keeps its value. Emptying label, description or size removes it.
 */
export function UpdateMetadataForm({ view, feeWarnMojos, onSubmit, disabled }: { view: StoreView; feeWarnMojos: bigint; onSubmit: (a: IntentAction) => Promise<void>; disabled?: boolean }) {
  const cur = view.current
  const initial = { rootHash: cur.rootHash, label: cur.label ?? '', description: cur.description ?? '', bytes: cur.bytes === undefined ? '' : cur.bytes.toString() }
  const [form, setForm] = useState(initial)
  const [errors, setErrors] = useState<Errors>({})
  const fee = useFeeField('0')
  const formId = useId()
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }))
  // The collateral gate sees the size as typed: empty removes the size (0), an invalid entry keeps
  // the current size (its field error blocks the submit anyway).
  const currentBytes = cur.bytes === undefined ? 0n : BigInt(cur.bytes)
  const typedBytes = form.bytes.trim() === '' ? undefined : parseByteCount(form.bytes)
  const nextBytes = typedBytes === undefined ? 0n : typedBytes.ok ? typedBytes.value : currentBytes
  const gate = useCollateralGate({ launcherId: view.launcherId, currentBytes, nextBytes })
  const gateBlocked = gate.status === 'ready' && gate.blocked

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault()
    if (gateBlocked) return
    const errs: Errors = {}
    const root = parseRootHash(form.rootHash)
    if (!root.ok) errs.rootHash = root.error
    const bytes = form.bytes.trim() === '' ? undefined : parseByteCount(form.bytes)
    if (bytes && !bytes.ok) errs.bytes = bytes.error
    if (form.label.length > 200) errs.label = 'Keep the label under 200 characters.'
    const f = parseFee(fee.text)
    if (!f.ok) errs.fee = f.error
    const changed = form.rootHash.replace(/^0x/i, '').toLowerCase() !== initial.rootHash.replace(/^0x/, '') || form.label !== initial.label || form.description !== initial.description || form.bytes.trim() !== initial.bytes
    if (!changed && Object.keys(errs).length === 0) errs.rootHash = 'Nothing changed: edit at least one field.'
    setErrors(errs)
    if (Object.keys(errs).length > 0 || !root.ok || !f.ok) return
    const action: IntentAction = {
      kind: 'update',
      fee: f.value,
      ...(form.rootHash.replace(/^0x/i, '').toLowerCase() !== initial.rootHash.replace(/^0x/, '') ? { rootHash: root.value } : {}),
      ...(form.label !== initial.label ? { label: form.label === '' ? null : form.label } : {}),
      ...(form.description !== initial.description ? { description: form.description === '' ? null : form.description } : {}),
      ...(form.bytes.trim() !== initial.bytes ? { bytes: bytes?.ok ? bytes.value : null } : {}),
    }
    await onSubmit(action)
  }

  const delegates = delegatesFromView(view)
  const innerPuzzleHash = bytesToPrefixedHex(
    delegates.length === 0
      ? h32(cur.ownerPuzzleHash)
      : delegationLayerPuzzleHash({ launcherId: h32(view.launcherId), ownerPuzzleHash: h32(cur.ownerPuzzleHash), merkleRoot: delegatedPuzzlesMerkleRoot(delegates) }),
  )

  // The gate sits outside the <form>: its "lock the shortfall" panel holds a form of its own.
  return (
    <div className="space-y-4">
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate className="space-y-4" data-testid="update-form">
        <Field label="Root hash" htmlFor="update-root" error={errors.rootHash}>
          <TextInput id="update-root" value={form.rootHash} onChange={set('rootHash')} error={errors.rootHash} className="font-mono text-xs" />
        </Field>
        <details className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <summary className="cursor-pointer text-sm font-medium">Compute the root from files</summary>
          <div className="mt-3">
            <FilesRoot
              onResult={(r) => setForm((f) => ({ ...f, rootHash: `0x${r.rootHash}`, bytes: r.totalBytes.toString() }))}
              proofStore={{ launcherId: view.launcherId, coinId: cur.coinId, innerPuzzleHash, rootHash: cur.rootHash }}
            />
          </div>
        </details>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Label" htmlFor="update-label" error={errors.label} hint="Empty removes it.">
            <TextInput id="update-label" value={form.label} onChange={set('label')} error={errors.label} />
          </Field>
          <Field label="Size in bytes" htmlFor="update-bytes" error={errors.bytes} hint="Empty removes it.">
            <TextInput id="update-bytes" inputMode="numeric" value={form.bytes} onChange={set('bytes')} error={errors.bytes} className="font-mono" />
          </Field>
        </div>
        <Field label="Description" htmlFor="update-description" hint="Empty removes it.">
          <TextArea id="update-description" rows={2} value={form.description} onChange={set('description')} />
        </Field>
        <FeeInput id="update-fee" fee={fee} error={errors.fee} feeWarnMojos={feeWarnMojos} />
      </form>
      <CollateralGate launcherId={view.launcherId} currentBytes={currentBytes} nextBytes={nextBytes} ownerAddress={cur.ownerAddress} />
      <Button type="submit" form={formId} disabled={disabled || gateBlocked} data-testid="update-submit">
        Review update
      </Button>
    </div>
  )
}
