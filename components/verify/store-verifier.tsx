'use client'

import { lazy, Suspense, useId, useMemo, useState, type FormEvent } from 'react'

import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { classNames } from '@/components/ui/class-names'
import { RefreshIcon, ShieldCheckIcon } from '@/components/ui/icons'
import type { StoreVerification, VerificationCheck } from '@/lib/chia/verify/verify-store-history'

import { unpackHistory, type PackedHistory } from './packed-history'
import { useStoreVerification, type ClaimedGeneration, type SourceRun } from './use-store-verification'

// Below the fold and only useful once the checks have run: kept out of the first-load JS
// (React.lazy rather than next/dynamic, whose loader would cost more than it saves).
const InclusionProof = lazy(() => import('./inclusion-proof').then((m) => ({ default: m.InclusionProof })))

const DEFAULT_SOURCE = '/api/node'

function Mark({ pass }: { pass: boolean | undefined }) {
  if (pass === undefined) return <span className="text-zinc-400">…</span>
  return pass ? (
    <span className="font-semibold text-emerald-700 dark:text-emerald-400" aria-label="pass">
      ✓ pass
    </span>
  ) : (
    <span className="font-semibold text-red-700 dark:text-red-400" aria-label="fail">
      ✗ fail
    </span>
  )
}

function Summary({ run, name }: { run: SourceRun | undefined; name: string }) {
  if (!run || run.state === 'loading') {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="verify-progress">
        Checking against {name}… {run ? `${run.done}/${run.total} requests` : ''}
      </p>
    )
  }
  if (run.state === 'error') {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        {name}: {run.message}
      </p>
    )
  }
  const { checks, passed } = run.verification
  const failed = checks.filter((c) => !c.pass).length
  return (
    <p className={classNames('text-sm font-medium', passed ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400')} data-testid="verify-summary" data-passed={passed}>
      {passed ? `All ${checks.length} checks passed` : `${failed} of ${checks.length} checks failed`} against {name}
      <span className="font-normal text-zinc-500"> · {run.ms.toLocaleString('en-US')} ms in your browser</span>
    </p>
  )
}

type Row = { id: string; label: string; generation?: number; a?: VerificationCheck; b?: VerificationCheck }

function rowsOf(a: StoreVerification | undefined, b: StoreVerification | undefined): Row[] {
  const rows = new Map<string, Row>()
  for (const [key, v] of [['a', a], ['b', b]] as const) {
    for (const c of v?.checks ?? []) {
      const row = rows.get(c.id) ?? { id: c.id, label: c.label, generation: c.generation }
      row[key] = c
      rows.set(c.id, row)
    }
  }
  return [...rows.values()]
}

function CheckRow({ row, compare, testIdPrefix = 'check-' }: { row: Row; compare: boolean; testIdPrefix?: string }) {
  const disagree = compare && row.a && row.b && row.a.pass !== row.b.pass
  return (
    <li
      className={classNames('grid gap-1 py-2 sm:grid-cols-[1fr_auto] sm:gap-4', disagree && 'bg-amber-50 dark:bg-amber-950/30')}
      data-testid={`${testIdPrefix}${row.id}`}
      data-pass={row.a ? String(row.a.pass) : undefined}
      data-pass-other={row.b ? String(row.b.pass) : undefined}
    >
      <div className="min-w-0">
        <p className="text-sm">{row.label}</p>
        <p className="font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">{(row.a && !row.a.pass ? row.a : row.b && !row.b.pass ? row.b : row.a ?? row.b)?.details}</p>
      </div>
      <div className="flex gap-4 text-sm whitespace-nowrap sm:justify-end">
        <span className="w-16">
          <Mark pass={row.a?.pass} />
        </span>
        {compare && (
          <span className="w-16">
            <Mark pass={row.b?.pass} />
          </span>
        )}
      </div>
    </li>
  )
}

/** Generations whose coin records differ between two sources. */
function disagreements(a: readonly string[], b: readonly string[]): number[] {
  const out: number[] = []
  for (let g = 0; g < Math.max(a.length, b.length); g++) if (a[g] !== b[g]) out.push(g)
  return out
}

/**
 * In-browser verification of a store: runs every check automatically against our node proxy, and
 * again against an endpoint the visitor enters, side by side. Also hosts the inclusion-proof
 * checker, which needs the verified history.
 */
export function StoreVerifier({ launcherId, history }: { launcherId: string; history: PackedHistory }) {
  const claims = useMemo<ClaimedGeneration[]>(() => unpackHistory(history).map((h) => ({ coinId: h.coinId, rootHash: h.rootHash })), [history])
  const inputId = useId()
  const [endpointText, setEndpointText] = useState('')
  const [endpoint, setEndpoint] = useState<string>()
  const [endpointProblem, setEndpointProblem] = useState<string>()
  const ours = useStoreVerification(launcherId, claims, DEFAULT_SOURCE)
  const theirs = useStoreVerification(launcherId, claims, endpoint)

  const a = ours.run?.state === 'done' ? ours.run.verification : undefined
  const b = theirs.run?.state === 'done' ? theirs.run.verification : undefined
  const compare = endpoint !== undefined
  const rows = useMemo(() => rowsOf(a, b), [a, b])
  const top = rows.filter((r) => r.generation === undefined && r.id !== 'tip')
  const tip = rows.filter((r) => r.id === 'tip')
  const perGeneration = rows.filter((r) => r.generation !== undefined)
  const failedGenerationRows = perGeneration.filter((r) => r.a?.pass === false || r.b?.pass === false)
  const differing = ours.run?.state === 'done' && theirs.run?.state === 'done' ? disagreements(ours.run.recordKeys, theirs.run.recordKeys) : []

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    const text = endpointText.trim()
    try {
      const url = new URL(text)
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('protocol')
      setEndpointProblem(undefined)
      setEndpoint(url.toString().replace(/\/+$/, ''))
    } catch {
      setEndpointProblem('Enter the full address of a coinset-compatible full-node RPC, e.g. https://api.coinset.org')
    }
  }

  return (
    <div className="space-y-6">
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="flex items-center gap-2">
            <ShieldCheckIcon className="size-5 text-brand-600 dark:text-brand-400" />
            <h2 className="text-base font-semibold">Verified in your browser</h2>
          </div>
          <Button size="sm" variant="ghost" onClick={ours.rerun} aria-label="Run the checks again">
            <RefreshIcon className="size-4" /> Re-run
          </Button>
        </div>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Your browser fetched the raw coin records and spends and re-derived every generation with its own CLVM
          interpreter. This trusts the node’s coin records, not this site’s summary above.
        </p>
        <div className="mt-4 space-y-1" data-testid="verify-ours">
          <Summary run={ours.run} name="this site’s node proxy" />
        </div>
        {compare && (
          <div className="mt-1 space-y-1" data-testid="verify-theirs">
            <Summary run={theirs.run} name={endpoint} />
            {a && b && (
              <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="sources-agree" data-agree={differing.length === 0}>
                {differing.length === 0
                  ? `Both sources return the same coin records for all ${a.generations.length} generations.`
                  : `The sources disagree on generation${differing.length > 1 ? 's' : ''} ${differing.join(', ')}.`}
              </p>
            )}
          </div>
        )}

        {rows.length > 0 && (
          <div className="mt-5">
            <div className="flex justify-end gap-4 border-b border-zinc-200 pb-1 text-xs font-medium text-zinc-500 dark:border-zinc-800">
              <span className="w-16">This site</span>
              {compare && <span className="w-16">Yours</span>}
            </div>
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="verify-checks">
              {[...top, ...tip].map((r) => (
                <CheckRow key={r.id} row={r} compare={compare} />
              ))}
            </ul>
            {failedGenerationRows.length > 0 && (
              <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Failed checks">
                {failedGenerationRows.map((r) => (
                  <CheckRow key={`failed-${r.id}`} row={r} compare={compare} testIdPrefix="failed-check-" />
                ))}
              </ul>
            )}
            <details className="mt-2">
              <summary className="cursor-pointer py-1 text-sm text-zinc-600 dark:text-zinc-400">
                {perGeneration.length} per-generation checks ({claims.length} generation{claims.length === 1 ? '' : 's'}
                {failedGenerationRows.length === 0 ? ', all passed' : `, ${failedGenerationRows.length} failed`})
              </summary>
              <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {perGeneration.map((r) => (
                  <CheckRow key={r.id} row={r} compare={compare} />
                ))}
              </ul>
            </details>
          </div>
        )}
        {ours.run?.state === 'done' && ours.run.requestErrors.length > 0 && (
          <p className="mt-3 text-xs text-red-700 dark:text-red-400">{ours.run.requestErrors.slice(0, 3).join('; ')}</p>
        )}

        <form onSubmit={onSubmit} className="mt-6 border-t border-zinc-200 pt-5 dark:border-zinc-800" noValidate>
          <label htmlFor={inputId} className="block text-sm font-medium">
            Check against another full node
          </label>
          <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
            Your own node’s RPC or a coinset-compatible API; your browser calls it directly (it must allow cross-origin requests).
          </p>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row">
            <input
              id={inputId}
              value={endpointText}
              onChange={(e) => setEndpointText(e.target.value)}
              placeholder="https://api.coinset.org"
              spellCheck={false}
              autoComplete="off"
              aria-invalid={endpointProblem ? true : undefined}
              data-testid="endpoint-input"
              className="h-10 w-full min-w-0 rounded-lg sm:flex-1 border border-zinc-300 bg-white px-3 font-mono text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-200 dark:border-zinc-700 dark:bg-zinc-950 dark:focus:ring-brand-900"
            />
            <Button type="submit" size="sm" variant="secondary" className="h-10">
              Run checks there
            </Button>
          </div>
          {endpointProblem && (
            <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
              {endpointProblem}
            </p>
          )}
        </form>
      </Card>

      <Suspense fallback={<Card className="h-64" aria-busy="true" />}>
        <InclusionProof launcherId={launcherId} verification={a} />
      </Suspense>
    </div>
  )
}
