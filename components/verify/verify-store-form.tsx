'use client'

import { useRouter } from 'next/navigation'
import { useId, useState, type FormEvent } from 'react'

import { Button } from '@/components/ui/button'
import { classNames } from '@/components/ui/class-names'
import { SearchIcon } from '@/components/ui/icons'
import { describeStoreIdProblem, normalizeStoreId } from '@/lib/store-id'

/**
 * "Verify a store": paste a launcher id, open its public verification page. Malformed input is
 * explained inline and the typed text is kept.
 */
export function VerifyStoreForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const router = useRouter()
  const inputId = useId()
  const errorId = useId()
  const [value, setValue] = useState('')
  const [problem, setProblem] = useState<string>()

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const storeId = normalizeStoreId(value)
    if (storeId === undefined) {
      setProblem(describeStoreIdProblem(value))
      return
    }
    setProblem(undefined)
    router.push(`/s/${storeId}`)
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Verify a store" data-testid="verify-store-form">
      <label htmlFor={inputId} className="block text-sm font-medium">
        Store id (launcher id)
      </label>
      <div className="mt-2 flex flex-col gap-2 sm:flex-row">
        <input
          id={inputId}
          name="storeId"
          value={value}
          onChange={(e) => {
            setValue(e.target.value)
            if (problem) setProblem(undefined)
          }}
          autoFocus={autoFocus}
          autoComplete="off"
          spellCheck={false}
          placeholder="0x… 64 hexadecimal characters"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          className={classNames(
            'h-11 w-full min-w-0 rounded-lg border sm:flex-1 bg-white px-3 font-mono text-sm shadow-sm outline-none',
            'placeholder:font-sans placeholder:text-zinc-400 focus:ring-2 dark:bg-zinc-950 dark:placeholder:text-zinc-500',
            problem
              ? 'border-red-400 focus:ring-red-300 dark:border-red-700 dark:focus:ring-red-800'
              : 'border-zinc-300 focus:border-brand-500 focus:ring-brand-200 dark:border-zinc-700 dark:focus:ring-brand-900',
          )}
        />
        <Button type="submit">
          <SearchIcon className="size-4" />
          Verify
        </Button>
      </div>
      {problem && (
        <p id={errorId} role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </form>
  )
}
