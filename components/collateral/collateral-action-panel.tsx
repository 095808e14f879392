'use client'

import { Button } from '@/components/ui/button'
import type { CollateralActionState } from '@/hooks/use-collateral-action'
import { puzzleHashToAddress } from '@/lib/chia/keys/address'
import { bytesToHex } from '@/lib/chia/primitives/bytes'
import { addressPrefix, type NetworkName } from '@/lib/chia/primitives/network'

import { formatDig, formatUnixTime } from './dig-amount'

const TX_LABELS: Record<string, string> = {
  submitted: 'Submitted',
  'in-mempool': 'In the mempool — waiting for a block (Chia blocks come about every 52 s)',
  confirmed: 'Confirmed',
  failed: 'Failed',
  'timed-out': 'Still pending after 2 minutes — it may still confirm',
}

/**
 * The decoded preview of a lock or release, the sign button, and the live tracker afterwards.
 * Amounts: DIG in base units shown as DIG, the fee in XCH mojos.
 */
export function CollateralActionPanel({
  state,
  network,
  onConfirm,
  onReset,
}: {
  state: CollateralActionState
  network: NetworkName
  onConfirm: () => void
  onReset: () => void
}) {
  if (state.status === 'idle') return null
  if (state.status === 'building') return <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="collateral-building">Building the transaction…</p>
  const prefix = addressPrefix(network)
  const prepared = 'built' in state && state.built && state.preview ? { built: state.built, preview: state.preview } : undefined
  const d = prepared?.built.description
  return (
    <div className="space-y-3 rounded-xl border border-zinc-200 p-4 text-sm dark:border-zinc-700" data-testid="collateral-action" data-status={state.status}>
      {d && (
        <div className="space-y-1" data-testid="collateral-preview">
          <p className="font-semibold">
            {d.action === 'lock' ? 'Lock' : 'Release'} {formatDig(d.amount)} DIG {d.action === 'lock' ? 'as collateral' : 'back to your wallet'}
          </p>
          {d.action === 'lock' ? (
            <p>
              {d.format === 'vault' && d.unlockTime !== undefined
                ? `Time-locked: nobody, not even you, can withdraw it before ${formatUnixTime(d.unlockTime)}.`
                : 'DIG Network format: withdrawable by you at any time; counted by DIG’s own tools.'}{' '}
              Only the wallet address {puzzleHashToAddress(d.lockerPuzzleHash, prefix)} can release it.
            </p>
          ) : (
            <p>To {puzzleHashToAddress(d.destinationPuzzleHash, prefix)}.</p>
          )}
          <p>
            Fee: <span className="font-mono">{prepared.preview.fee.toString()}</span> mojos XCH · XCH leaving your wallet:{' '}
            <span className="font-mono">{prepared.preview.walletOutflow.toString()}</span> mojos
          </p>
          <details>
            <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">
              {prepared.preview.spent.length} coins spent, {prepared.preview.created.length} created
            </summary>
            <ul className="mt-1 space-y-0.5 font-mono text-xs">
              {prepared.preview.spent.map((c) => (
                <li key={`s${bytesToHex(c.coinId)}`}>− {c.coin.amount.toString()} · {bytesToHex(c.coinId).slice(0, 16)}…</li>
              ))}
              {prepared.preview.created.map((c) => (
                <li key={`c${bytesToHex(c.coinId)}`}>+ {c.coin.amount.toString()} · {bytesToHex(c.coinId).slice(0, 16)}…</li>
              ))}
            </ul>
          </details>
        </div>
      )}
      {state.status === 'ready' && (
        <div className="flex gap-2">
          <Button onClick={onConfirm} data-testid="collateral-sign">Sign and send</Button>
          <Button variant="secondary" onClick={onReset}>Cancel</Button>
        </div>
      )}
      {state.status === 'signing' && <p data-testid="collateral-signing">Waiting for your wallet to sign…</p>}
      {state.status === 'submitting' && <p>Sending…</p>}
      {(state.status === 'tracking' || state.status === 'confirmed') && (
        <div className="flex items-center justify-between gap-2">
          <p data-testid="collateral-tx-status" data-tx={state.tx.status}>
            {TX_LABELS[state.tx.status] ?? state.tx.status}
            {state.tx.status === 'confirmed' ? ` at height ${state.tx.height}` : ''}
          </p>
          {(state.status === 'confirmed' || state.tx.status === 'timed-out') && (
            <Button size="sm" variant="secondary" onClick={onReset}>Done</Button>
          )}
        </div>
      )}
      {state.status === 'failed' && (
        <div className="flex items-center justify-between gap-2">
          <p className="text-red-700 dark:text-red-400" role="alert" data-testid="collateral-error" data-code={state.code}>
            {state.message}
          </p>
          <Button size="sm" variant="secondary" onClick={onReset}>Dismiss</Button>
        </div>
      )}
    </div>
  )
}
