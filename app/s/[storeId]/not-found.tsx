import { ButtonLink } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { VerifyStoreForm } from '@/components/verify/verify-store-form'
import { publicEnv } from '@/lib/env'
import { NETWORK_LABELS } from '@/lib/env-client'

export default function StoreNotFound() {
  const { network } = publicEnv()
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6 sm:py-24" data-testid="store-not-found">
      <p className="font-mono text-sm font-semibold text-zinc-500 dark:text-zinc-400">Error 404 · Not found</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight sm:text-4xl">No store with this id</h1>
      <p className="mt-4 text-lg text-zinc-600 dark:text-zinc-400">
        Nothing on {NETWORK_LABELS[network]} was launched with this id. Check that you copied the whole
        id, and that the store lives on this network: a store minted on testnet11 does not exist on
        mainnet.
      </p>
      <Card className="mt-8">
        <VerifyStoreForm />
      </Card>
      <div className="mt-8">
        <ButtonLink href="/" variant="secondary">
          Back to the home page
        </ButtonLink>
      </div>
    </div>
  )
}
