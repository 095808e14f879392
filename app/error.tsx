'use client'

import { ErrorPageBody } from '@/components/layout/error-page-body'
import { Button } from '@/components/ui/button'

/**
 * Last-resort boundary for unexpected errors. In production Next.js replaces server error
 * messages with a digest, so this shows a generic text; the server log has the details.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorPageBody status="Error 500" tone="danger" title="Something went wrong" action={<Button onClick={reset}>Try again</Button>}>
      The page could not be shown. Try again; if it keeps failing, the server log has the details
      {error.digest ? (
        <>
          {' '}
          (reference <code className="font-mono text-base">{error.digest}</code>)
        </>
      ) : null}
      .
    </ErrorPageBody>
  )
}
