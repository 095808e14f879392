'use client'

import { useId, useState, type FormEvent } from 'react'

import { formatHeight, formatTimestamp } from '@/components/store/store-format'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { findRootCommitments, type RootLookup as Lookup } from '@/lib/chia/verify/find-root-commitments'

import { unpackHistory, type PackedHistory } from './packed-history'

const ROOT_PATTERN = /^(0x)?[0-9a-fA-F]{64}$/

/** "Was root R committed?": when, at which height, and whether it is still current — or never. */
export function RootLookup({ history, melted }: { history: PackedHistory; melted: boolean }) {
  const inputId = useId()
  const [value, setValue] = useState('')
  const [problem, setProblem] = useState<string>()
  const [found, setFound] = useState<Lookup>()

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    const text = value.trim()
    if (!ROOT_PATTERN.test(text)) {
      setFound(undefined)
      setProblem('A root hash is 64 hexadecimal characters, optionally prefixed with 0x.')
      return
    }
    setProblem(undefined)
    const entries = unpackHistory(history).map((h) => ({
      generation: h.generation,
      rootHash: hexToBytes32(h.rootHash),
      confirmedHeight: h.confirmedHeight,
      spentHeight: h.spentHeight,
      timestamp: BigInt(h.timestamp),
    }))
    setFound(findRootCommitments(entries, hexToBytes32(text), { melted }))
  }

  return (
    <Card>
      <h2 className="text-base font-semibold">Was this root committed?</h2>
      <form onSubmit={onSubmit} noValidate className="mt-3 flex flex-col gap-2 sm:flex-row">
        <label htmlFor={inputId} className="sr-only">
          Root hash
        </label>
        <input
          id={inputId}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="0x… root hash"
          spellCheck={false}
          autoComplete="off"
          data-testid="root-lookup-input"
          className="h-10 w-full min-w-0 rounded-lg sm:flex-1 border border-zinc-300 bg-white px-3 font-mono text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-200 dark:border-zinc-700 dark:bg-zinc-950 dark:focus:ring-brand-900"
        />
        <Button type="submit" size="sm" variant="secondary" className="h-10">
          Look up
        </Button>
      </form>
      {problem && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
      {found && (
        <div role="status" className="mt-3 text-sm" data-testid="root-lookup-result" data-committed={found.commitments.length > 0} data-current={found.current}>
          {found.commitments.length === 0 ? (
            <p className="font-medium text-red-700 dark:text-red-400">Never committed by this store.</p>
          ) : (
            <>
              <p className="font-medium">
                {found.current ? 'Committed, and still the current root.' : 'Committed, but no longer the current root.'}
              </p>
              <ul className="mt-1 space-y-1 text-zinc-600 dark:text-zinc-400">
                {found.commitments.map((c) => (
                  <li key={c.generation}>
                    <a href={`#generation-${c.generation}`} className="underline decoration-dotted">
                      Generation {c.generation}
                    </a>{' '}
                    · height {formatHeight(c.confirmedHeight)} · {c.timestamp === undefined ? '—' : formatTimestamp(c.timestamp)}
                    {c.replacedAtHeight !== undefined && ` · replaced at height ${formatHeight(c.replacedAtHeight)}`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </Card>
  )
}
