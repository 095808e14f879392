'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { describeStoreIdProblem, normalizeStoreId } from '@/lib/store-id'

import { StoreCollateralPanel } from './store-collateral-panel'

/** Enter a store id and see (and lock or release) its collateral; the id is kept in `?store=`. */
export function StoreCollateralLookup({ initialStoreId }: { initialStoreId?: string }) {
  const router = useRouter()
  const [draft, setDraft] = useState(initialStoreId ?? '')
  const [problem, setProblem] = useState<string>()
  const current = initialStoreId ? normalizeStoreId(initialStoreId) : undefined

  return (
    <section className="space-y-4" data-testid="collateral-lookup">
      <form
        className="flex flex-wrap gap-2"
        onSubmit={(e) => {
          e.preventDefault()
          const id = normalizeStoreId(draft)
          if (!id) return setProblem(describeStoreIdProblem(draft))
          setProblem(undefined)
          router.push(`/collateral?store=${id}`)
        }}
      >
        <input
          className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
          placeholder="Store id (64 hex characters)"
          aria-label="Store id"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="collateral-store-id"
        />
        <Button type="submit" variant="secondary">
          Show collateral
        </Button>
      </form>
      {problem && (
        <p className="text-sm text-red-700 dark:text-red-400" role="alert">
          {problem}
        </p>
      )}
      {initialStoreId && !current && (
        <p className="text-sm text-red-700 dark:text-red-400" role="alert">
          {describeStoreIdProblem(initialStoreId)}
        </p>
      )}
      {current && <StoreCollateralPanel key={current} launcherId={current} showGateCheck />}
    </section>
  )
}
