import { ErrorPageBody } from '@/components/layout/error-page-body'
import { Card } from '@/components/ui/card'
import { describeStoreIdProblem } from '@/lib/store-id'

import { VerifyStoreForm } from './verify-store-form'

const MAX_SHOWN = 96

/** The body of the 400 page for a malformed `/s/<storeId>` address. */
export function InvalidStoreId({ storeId }: { storeId: string }) {
  const shown = storeId.length > MAX_SHOWN ? `${storeId.slice(0, MAX_SHOWN)}…` : storeId
  return (
    <ErrorPageBody
      status="Error 400 · Bad request"
      tone="danger"
      title="That is not a valid store id"
      testId="invalid-store-id"
      extra={
        <>
          <dl className="mt-6 rounded-lg border border-red-200 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950/40">
            <dt className="font-medium text-red-900 dark:text-red-200">The address contained</dt>
            <dd className="mt-1 font-mono break-all text-red-800 dark:text-red-300">{shown === '' ? '(nothing)' : shown}</dd>
            <dd className="mt-2 text-red-800 dark:text-red-300">{describeStoreIdProblem(storeId)}</dd>
          </dl>
          <Card className="mt-8">
            <VerifyStoreForm />
          </Card>
        </>
      }
    >
      A store is identified by its launcher id: 64 hexadecimal characters (0–9, a–f), optionally
      prefixed with <code className="font-mono">0x</code>.
    </ErrorPageBody>
  )
}
