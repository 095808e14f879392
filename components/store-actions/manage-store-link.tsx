'use client'

import { ButtonLink } from '@/components/ui/button'
import { roleOf } from '@/hooks/use-my-stores'
import { useStoreView } from '@/hooks/use-store-view'
import { useWalletKeys } from '@/hooks/use-wallet-keys'

/**
 * "Manage this store" for the public verification page: shown only when the connected wallet
 * holds the owner, admin or writer key of the store (links to `/stores/<launcherId>`).
 */
export function ManageStoreLink({ launcherId }: { launcherId: string }) {
  const { data: keys } = useWalletKeys()
  const { data: view } = useStoreView(keys && keys.length ? launcherId.replace(/^0x/i, '').toLowerCase() : undefined)
  const role = view ? roleOf(view, keys) : undefined
  if (!role || view?.status === 'melted') return null
  return (
    <ButtonLink href={`/stores/${launcherId.replace(/^0x/i, '').toLowerCase()}`} size="sm" data-testid="manage-store-link">
      Manage this store ({role})
    </ButtonLink>
  )
}
