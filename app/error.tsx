'use client'

import { Button } from '@/components/ui/button'

/**
 * Last-resort boundary for unexpected errors. In production Next.js replaces server error
 * messages with a digest, so this shows a generic text; the server log has the details.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6 sm:py-24">
      <p className="font-mono text-sm font-semibold text-red-700 dark:text-red-400">Error 500</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight sm:text-4xl">Something went wrong</h1>
      <p className="mt-4 text-lg text-zinc-600 dark:text-zinc-400">
        The page could not be shown. Try again; if it keeps failing, the server log has the details
        {error.digest ? (
          <>
            {' '}
            (reference <code className="font-mono text-base">{error.digest}</code>)
          </>
        ) : null}
        .
      </p>
      <div className="mt-8">
        <Button onClick={reset}>Try again</Button>
      </div>
    </div>
  )
}
