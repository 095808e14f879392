import { ErrorPageBody } from '@/components/layout/error-page-body'
import { Card } from '@/components/ui/card'
import { VerifyStoreForm } from '@/components/verify/verify-store-form'
import { publicEnv } from '@/lib/env'
import { NETWORK_LABELS } from '@/lib/env-client'

export default function StoreNotFound() {
  const { network } = publicEnv()
  return (
    <ErrorPageBody
      status="Error 404 · Not found"
      title="No store with this id"
      testId="store-not-found"
      extra={
        <Card className="mt-8">
          <VerifyStoreForm />
        </Card>
      }
    >
      Nothing on {NETWORK_LABELS[network]} was launched with this id. Check that you copied the whole
      id, and that the store lives on this network: a store minted on testnet11 does not exist on
      mainnet.
    </ErrorPageBody>
  )
}
