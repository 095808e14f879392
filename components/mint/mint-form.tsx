'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'

import { ActionPipeline } from '@/components/store-actions/action-pipeline'
import { FeeInput } from '@/components/store-actions/fee-input'
import { parseByteCount, parseDelegateList, parseFee, parseOracleFee, parseOwner, parseRootHash } from '@/components/store-actions/parse-inputs'
import { useFeeField } from '@/components/store-actions/use-fee-field'
import { XchFundingNotice } from '@/components/store-actions/xch-funding-notice'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Field, TextArea, TextInput } from '@/components/ui/field'
import { useOutbox } from '@/hooks/use-outbox'
import { usePublicEnv } from '@/hooks/use-public-env'
import { useWallet } from '@/hooks/use-wallet'
import { rememberStore } from '@/hooks/use-my-stores'
import type { DelegateIntent, IntentAction } from '@/lib/chain/outbox/intent-action'
import { addressPrefix } from '@/lib/chia/primitives/network'

import { FilesRoot } from './files-root'

const ZERO_ROOT = '0'.repeat(64)

type Errors = Partial<Record<'label' | 'bytes' | 'rootHash' | 'owner' | 'admins' | 'writers' | 'oracleAddress' | 'oracleFee' | 'fee', string>>

/**
 * The mint form: label, description, size, initial root (typed or from files), owner, admin and
 * writer keys, an optional oracle, and the fee. Submitting saves the intent to the outbox and runs
 * it through the action pipeline; once confirmed the user lands on the new store's page.
 */
export function MintForm() {
  const env = usePublicEnv()
  const network = env.network
  const { wallet, state } = useWallet()
  const outbox = useOutbox(wallet, network)
  const router = useRouter()
  const fee = useFeeField('0')
  const [form, setForm] = useState({ label: '', description: '', bytes: '', rootHash: '', owner: '', admins: '', writers: '', oracle: false, oracleAddress: '', oracleFee: '100000' })
  const [errors, setErrors] = useState<Errors>({})
  const [entryId, setEntryId] = useState<string>()
  const address = state.status === 'connected' ? state.address : undefined
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }))

  const entry = outbox.entries.find((e) => e.id === entryId)
  useEffect(() => {
    if (entry?.status === 'confirmed' && entry.launcherId) {
      rememberStore(network, entry.launcherId, form.label || undefined)
      router.push(`/stores/${entry.launcherId}?minted=1`)
    }
  }, [entry?.status, entry?.launcherId, network, router, form.label])

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault()
    const errs: Errors = {}
    const root = parseRootHash(form.rootHash.trim() === '' ? ZERO_ROOT : form.rootHash)
    if (!root.ok) errs.rootHash = root.error
    const bytes = form.bytes.trim() === '' ? undefined : parseByteCount(form.bytes)
    if (bytes && !bytes.ok) errs.bytes = bytes.error
    if (form.label.length > 200) errs.label = 'Keep the label under 200 characters.'
    const ownerText = form.owner.trim() || address || ''
    const owner = parseOwner(ownerText, network)
    if (!owner.ok) errs.owner = ownerText ? owner.error : 'Connect a wallet or enter the owner’s address.'
    const admins = parseDelegateList(form.admins, network)
    if (!admins.ok) errs.admins = admins.error
    const writers = parseDelegateList(form.writers, network)
    if (!writers.ok) errs.writers = writers.error
    let oracle: DelegateIntent | undefined
    if (form.oracle) {
      const oa = parseOwner(form.oracleAddress, network)
      if (!oa.ok) errs.oracleAddress = oa.error
      const of = parseOracleFee(form.oracleFee)
      if (!of.ok) errs.oracleFee = of.error
      if (oa.ok && of.ok) oracle = { type: 'oracle', oraclePuzzleHash: oa.value, oracleFee: of.value }
    }
    const feeValue = parseFee(fee.text)
    if (!feeValue.ok) errs.fee = feeValue.error
    if (owner.ok && admins.ok && admins.value.some((a) => a.every((b, i) => b === owner.value[i]))) errs.admins = 'The owner cannot also be an admin (the chain would treat the admin’s spends as the owner’s).'
    setErrors(errs)
    // Take the user to the first field that needs fixing.
    if (Object.keys(errs).length > 0) requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="mint-form"] [aria-invalid="true"]')?.focus())
    if (Object.keys(errs).length > 0 || !root.ok || !owner.ok || !admins.ok || !writers.ok || !feeValue.ok) return
    const action: IntentAction = {
      kind: 'mint',
      rootHash: root.value,
      ...(form.label ? { label: form.label } : {}),
      ...(form.description ? { description: form.description } : {}),
      ...(bytes?.ok ? { bytes: bytes.value } : {}),
      ownerPuzzleHash: owner.value,
      delegates: [
        ...admins.value.map((h): DelegateIntent => ({ type: 'admin', innerPuzzleHash: h })),
        ...writers.value.map((h): DelegateIntent => ({ type: 'writer', innerPuzzleHash: h })),
        ...(oracle ? [oracle] : []),
      ],
      fee: feeValue.value,
    }
    // A new review replaces an earlier one that was never sent.
    if (entry && ['queued', 'ready', 'rejected', 'failed', 'stale'].includes(entry.status)) await outbox.cancel(entry.id)
    setEntryId(await outbox.create(action))
    // On a phone the preview is below the form: bring it into view.
    setTimeout(() => document.querySelector('[data-testid="action-pipeline"]')?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50)
  }

  const busy = entry && entry.status !== 'cancelled' && entry.status !== 'failed' && entry.status !== 'rejected' && entry.status !== 'ready'
  const prefix = addressPrefix(network)

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <Card>
        <form onSubmit={(e) => void submit(e)} noValidate className="space-y-5" data-testid="mint-form">
          <Field label="Label" htmlFor="label" error={errors.label} hint="A short name shown on the store page, e.g. “docs-site”.">
            <TextInput id="label" value={form.label} onChange={set('label')} error={errors.label} placeholder="my-dataset" />
          </Field>
          <Field label="Description" htmlFor="description">
            <TextArea id="description" rows={2} value={form.description} onChange={set('description')} placeholder="What this store publishes" />
          </Field>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field label="Size in bytes" htmlFor="bytes" error={errors.bytes} hint="Optional. Filled in from files.">
              <TextInput id="bytes" inputMode="numeric" value={form.bytes} onChange={set('bytes')} error={errors.bytes} placeholder="0" className="font-mono" />
            </Field>
            <Field label="Initial root hash" htmlFor="rootHash" error={errors.rootHash} hint="Optional; 32 zero bytes when empty.">
              <TextInput id="rootHash" value={form.rootHash} onChange={set('rootHash')} error={errors.rootHash} placeholder="0x…" className="font-mono" />
            </Field>
          </div>
          <details className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            <summary className="cursor-pointer text-sm font-medium">Compute the root from files</summary>
            <div className="mt-3">
              <FilesRoot onResult={(r) => setForm((f) => ({ ...f, rootHash: `0x${r.rootHash}`, bytes: r.totalBytes.toString() }))} />
            </div>
          </details>
          <Field label="Owner" htmlFor="owner" error={errors.owner} hint={address ? `Defaults to your wallet (${address.slice(0, 12)}…).` : `An address (${prefix}1…) or puzzle hash.`}>
            <TextInput id="owner" value={form.owner} onChange={set('owner')} error={errors.owner} placeholder={address ?? `${prefix}1…`} className="font-mono" />
          </Field>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field label="Admin keys" htmlFor="admins" error={errors.admins} hint="One public key or address per line. Admins update metadata and delegates.">
              <TextArea id="admins" rows={2} value={form.admins} onChange={set('admins')} error={errors.admins} className="font-mono text-xs" />
            </Field>
            <Field label="Writer keys" htmlFor="writers" error={errors.writers} hint="One per line. Writers update the root, label, description and size.">
              <TextArea id="writers" rows={2} value={form.writers} onChange={set('writers')} error={errors.writers} className="font-mono text-xs" />
            </Field>
          </div>
          <fieldset className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            <label className="flex items-center gap-2 text-sm font-medium">
              <input type="checkbox" checked={form.oracle} onChange={(e) => setForm((f) => ({ ...f, oracle: e.target.checked }))} data-testid="oracle-toggle" />
              Add an oracle (anyone can prove the store is live by paying its fee)
            </label>
            {form.oracle && (
              <div className="grid gap-4 sm:grid-cols-2">
                <Field label="Oracle payment address" htmlFor="oracleAddress" error={errors.oracleAddress}>
                  <TextInput id="oracleAddress" value={form.oracleAddress} onChange={set('oracleAddress')} error={errors.oracleAddress} placeholder={`${prefix}1…`} className="font-mono" />
                </Field>
                <Field label="Oracle fee (mojos)" htmlFor="oracleFee" error={errors.oracleFee} hint="Even; 0 is allowed.">
                  <TextInput id="oracleFee" inputMode="numeric" value={form.oracleFee} onChange={set('oracleFee')} error={errors.oracleFee} className="font-mono" />
                </Field>
              </div>
            )}
          </fieldset>
          <FeeInput id="fee" fee={fee} error={errors.fee} feeWarnMojos={env.feeWarnMojos} />
          {/* The pipeline shows the same notice once a build failed for want of XCH. */}
          {!(entry?.status === 'failed' && entry.error?.code === 'NotEnoughXchError') && <XchFundingNotice cost="A mint costs 1 mojo (the store’s coin) plus the fee." />}
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={!wallet || !!busy} data-testid="mint-submit">
              Review mint
            </Button>
            {!wallet && <span className="text-sm text-zinc-500">Connect a wallet to pay for the mint (1 mojo + fee).</span>}
          </div>
        </form>
      </Card>
      <div className="space-y-4">
        {entryId ? (
          <ActionPipeline entryId={entryId} outbox={outbox} network={network} feeWarnMojos={env.feeWarnMojos} canSign={!!wallet} />
        ) : (
          <Card className="text-sm text-zinc-600 dark:text-zinc-400">
            <h2 className="mb-2 font-semibold text-zinc-900 dark:text-zinc-100">What happens next</h2>
            <ol className="list-decimal space-y-1 pl-5">
              <li>We build the mint in your browser and run it locally.</li>
              <li>You see exactly what is created and what leaves your wallet (1 mojo for the store, plus the fee).</li>
              <li>Your wallet signs; we check the signature, then send it through our node proxy.</li>
              <li>A Chia transaction block comes about once a minute; you land on the store page when it confirms.</li>
            </ol>
          </Card>
        )}
      </div>
    </div>
  )
}
