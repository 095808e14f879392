'use client'

import { useId, useState, type DragEvent } from 'react'

import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { AppError } from '@/lib/chia/errors/app-error'
import { bytesToPrefixedHex } from '@/lib/chia/primitives/bytes'
import type { StoreVerification } from '@/lib/chia/verify/verify-store-history'
import type { StoreProofResult } from '@/lib/chia/verify/verify-store-proof'

type Outcome = { ok: true; result: StoreProofResult; fileName?: string } | { ok: false; message: string; details?: string }

/**
 * Paste or drop Chia's `get_proof` JSON (optionally with the file it proves) and verify it against
 * the store's on-chain roots, with the real CHIP-0035 metadata of the proven coin.
 */
export function InclusionProof({ launcherId, verification }: { launcherId: string; verification: StoreVerification | undefined }) {
  const textId = useId()
  const [text, setText] = useState('')
  const [file, setFile] = useState<File>()
  const [outcome, setOutcome] = useState<Outcome>()
  const [dragging, setDragging] = useState(false)

  const verify = async () => {
    if (!verification) return
    try {
      const { checkProof } = await import('./run-store-verification')
      const result = await checkProof(text, launcherId, verification, file)
      setOutcome({ ok: true, result, fileName: file?.name })
    } catch (e) {
      setOutcome(e instanceof AppError ? { ok: false, message: e.shortMessage, details: e.details } : { ok: false, message: e instanceof Error ? e.message : String(e) })
    }
  }

  const onDrop = async (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    for (const f of Array.from(e.dataTransfer.files)) {
      if (/\.json$/i.test(f.name) || f.type === 'application/json') setText(await f.text())
      else setFile(f)
    }
  }

  return (
    <Card>
      <h2 className="text-base font-semibold">Check an inclusion proof</h2>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Paste or drop the JSON of Chia’s <code className="font-mono">get_proof</code>, and optionally the file it proves.
        It is checked against this store’s on-chain root, including label, description and size metadata.
      </p>
      <div
        onDragOver={(e) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void onDrop(e)}
        className={`mt-4 rounded-lg ${dragging ? 'ring-2 ring-brand-400' : ''}`}
      >
        <label htmlFor={textId} className="sr-only">
          Proof JSON
        </label>
        <textarea
          id={textId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={5}
          spellCheck={false}
          placeholder='{"proof": {"store_proofs": …, "coin_id": "0x…", "inner_puzzle_hash": "0x…"}, "success": true}'
          data-testid="proof-input"
          className="w-full rounded-lg border border-zinc-300 bg-white p-3 font-mono text-xs outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-200 dark:border-zinc-700 dark:bg-zinc-950 dark:focus:ring-brand-900"
        />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <label className="text-sm text-zinc-600 dark:text-zinc-400">
          File (optional):{' '}
          <input type="file" data-testid="proof-file" onChange={(e) => setFile(e.target.files?.[0])} className="text-sm file:mr-2 file:rounded-md file:border-0 file:bg-zinc-100 file:px-2 file:py-1 dark:file:bg-zinc-800" />
        </label>
        <Button size="sm" onClick={() => void verify()} disabled={!verification || text.trim() === ''} data-testid="proof-verify">
          Verify proof
        </Button>
        {!verification && <span className="text-xs text-zinc-500">Waiting for the history checks…</span>}
      </div>
      {outcome && (
        <div
          role="status"
          data-testid="proof-result"
          data-valid={outcome.ok}
          className={`mt-4 rounded-lg border p-3 text-sm ${outcome.ok ? 'border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200' : 'border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200'}`}
        >
          {outcome.ok ? (
            <>
              <p className="font-medium">
                Valid: {outcome.result.inclusions.length} key{outcome.result.inclusions.length === 1 ? '' : 's'} included in root committed at generation{' '}
                {outcome.result.generation} (height {outcome.result.confirmedHeight.toLocaleString('en-US')}),{' '}
                {outcome.result.current ? 'the current root' : 'no longer the current root'}.
              </p>
              {outcome.fileName && <p className="mt-1">The file “{outcome.fileName}” is one of the proven values.</p>}
              <p className="mt-1 font-mono text-xs break-all">root {bytesToPrefixedHex(outcome.result.rootHash)}</p>
            </>
          ) : (
            <>
              <p className="font-medium">Invalid: {outcome.message}</p>
              {outcome.details && <p className="mt-1 font-mono text-xs break-all">{outcome.details}</p>}
            </>
          )}
        </div>
      )}
    </Card>
  )
}
