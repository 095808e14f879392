'use client'

import { shortHash, formatBytes } from '@/components/store/store-format'
import { Badge } from '@/components/ui/badge'
import type { Prepared } from '@/hooks/use-outbox'
import type { DataStore } from '@/lib/chia/datastore/data-store'
import { puzzleHashToAddress } from '@/lib/chia/keys/address'
import { bytesToHex, bytesToPrefixedHex } from '@/lib/chia/primitives/bytes'
import { addressPrefix, type NetworkName } from '@/lib/chia/primitives/network'

import { formatMojos, formatXch } from './format-xch'
import { shortAddress } from './puzzle-hash-address'

type Row = { field: string; before?: string; after?: string }

function describe(store: DataStore, network: NetworkName): Record<string, string> {
  const m = store.metadata
  const delegates = store.delegatedPuzzles.map((d) =>
    d.type === 'oracle'
      ? `oracle ${shortAddress(puzzleHashToAddress(d.oraclePuzzleHash, addressPrefix(network)))} (${formatMojos(d.oracleFee)})`
      : `${d.type} ${shortAddress(puzzleHashToAddress(d.innerPuzzleHash, addressPrefix(network)))}`,
  )
  return {
    Root: shortHash(bytesToPrefixedHex(m.rootHash)),
    Label: m.label ?? '—',
    Description: m.description ?? '—',
    Size: m.bytes === undefined ? '—' : formatBytes(m.bytes),
    Owner: puzzleHashToAddress(store.ownerPuzzleHash, addressPrefix(network)),
    Delegates: delegates.length ? delegates.join(', ') : 'none',
  }
}

function rows(p: Prepared, network: NetworkName): Row[] {
  const c = p.change
  if (c.kind === 'mint') return Object.entries(describe(c.after, network)).map(([field, after]) => ({ field, after }))
  const before = describe(c.before, network)
  if (c.kind === 'melt') return Object.entries(before).map(([field, b]) => ({ field, before: b, after: 'destroyed' }))
  const after = describe(c.after, network)
  return Object.keys(before).map((field) => ({ field, before: before[field], after: after[field] }))
}

/**
 * The decoded effect of a built action: store before/after, coins, what leaves the wallet, the fee
 * and the local checks that passed. Shown before any signature is requested.
 */
export function PreviewPanel({ prepared, network, feeWarnMojos }: { prepared: Prepared; network: NetworkName; feeWarnMojos: bigint }) {
  const { preview, change, built } = prepared
  const table = rows(prepared, network)
  const highFee = preview.fee > feeWarnMojos
  return (
    <div className="space-y-5" data-testid="action-preview">
      <div>
        <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          {change.kind === 'mint' ? 'The store you are creating' : change.kind === 'melt' ? 'What is destroyed' : 'Store before → after'}
        </h3>
        <div className="mt-2 overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-left text-sm">
            <tbody>
              {table.map((r) => {
                const changed = r.before !== undefined && r.after !== undefined && r.before !== r.after
                return (
                  <tr key={r.field} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800" data-testid={`preview-row-${r.field.toLowerCase()}`}>
                    <th className="w-20 px-2 py-2 align-top font-medium text-zinc-500 sm:w-28 sm:px-3">{r.field}</th>
                    {r.before !== undefined && <td className={`px-2 py-2 align-top font-mono text-xs break-all sm:px-3 ${changed ? 'text-zinc-400 line-through' : ''}`}>{r.before}</td>}
                    {r.after !== undefined && (r.before === undefined || changed) && (
                      <td className={`px-2 py-2 align-top font-mono text-xs break-all sm:px-3 ${changed ? 'font-semibold text-brand-700 dark:text-brand-300' : ''}`}>{r.after}</td>
                    )}
                    {r.before !== undefined && !changed && <td className="px-2 py-2 align-top text-xs text-zinc-400 sm:px-3">unchanged</td>}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      </div>

      <dl className="grid gap-3 sm:grid-cols-3">
        <div className="rounded-lg bg-zinc-50 p-3 dark:bg-zinc-800/50">
          <dt className="text-xs text-zinc-500">Leaves your wallet</dt>
          <dd className="mt-1 font-mono text-sm font-semibold" data-testid="preview-outflow">{formatXch(preview.walletOutflow)}</dd>
          <dd className="text-xs text-zinc-500">{formatMojos(preview.walletOutflow)}</dd>
        </div>
        <div className="rounded-lg bg-zinc-50 p-3 dark:bg-zinc-800/50">
          <dt className="text-xs text-zinc-500">Network fee</dt>
          <dd className="mt-1 font-mono text-sm font-semibold" data-testid="preview-fee">{formatXch(preview.fee)}</dd>
          <dd className="text-xs text-zinc-500">{change.kind === 'melt' ? 'includes the store’s 1 mojo' : formatMojos(preview.fee)}</dd>
        </div>
        <div className="rounded-lg bg-zinc-50 p-3 dark:bg-zinc-800/50">
          <dt className="text-xs text-zinc-500">Paid to others</dt>
          <dd className="mt-1 font-mono text-sm font-semibold">{formatXch(preview.paidToOthers)}</dd>
          <dd className="text-xs text-zinc-500">{preview.paidToOthers > 0n ? 'the oracle fee' : 'nothing'}</dd>
        </div>
      </dl>
      {highFee && (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200" data-testid="fee-warning">
          This fee is above your warning cap of {formatXch(feeWarnMojos)}. Check it before signing.
        </p>
      )}

      <details className="rounded-lg border border-zinc-200 text-sm dark:border-zinc-800">
        <summary className="cursor-pointer px-3 py-2 font-medium">
          Coins: {preview.spent.length} spent, {preview.created.length} created
        </summary>
        <div className="grid gap-4 px-3 pb-3 sm:grid-cols-2">
          {(['spent', 'created'] as const).map((side) => (
            <div key={side}>
              <p className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{side}</p>
              <ul className="space-y-1">
                {preview[side].map((c) => (
                  <li key={bytesToHex(c.coinId)} className="flex flex-wrap items-center gap-2 font-mono text-xs">
                    <span>{shortHash(bytesToPrefixedHex(c.coinId), 6, 4)}</span>
                    <Badge tone={c.owner === 'wallet' ? 'brand' : c.owner === 'store' ? 'info' : 'neutral'}>{c.ephemeral ? 'launcher' : c.owner === 'wallet' ? 'your wallet' : c.owner === 'store' ? 'store' : 'other'}</Badge>
                    <span>{formatMojos(c.coin.amount)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </details>

      <ul className="space-y-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="preview-checks">
        <li>✓ Every puzzle reveal hashes to the coin it spends.</li>
        <li>✓ Ran {preview.spent.length === 1 ? 'the spend' : `all ${preview.spent.length} spends`} locally (CLVM cost {preview.cost.toLocaleString('en-US')}); the store result matches what is shown.</li>
        <li>✓ At most {formatXch(built.maxWalletOutflow)} can leave your wallet.</li>
      </ul>
    </div>
  )
}
