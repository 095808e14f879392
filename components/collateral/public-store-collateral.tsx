import 'server-only'

import { Card } from '@/components/ui/card'
import { serverStoreCollateral } from '@/lib/chain/collateral/server-store-collateral'
import { AppError } from '@/lib/chia/errors/app-error'
import { hexToBytes32 } from '@/lib/chia/primitives/bytes'

import { CollateralCoinList } from './collateral-coin-list'
import { CollateralSummary } from './collateral-summary'

/**
 * The collateral section of the public verification page (async server component): whether the
 * store's requirement is met, and each coin with kind, amount, locker, age or unlock date. A read
 * failure is shown as such, never as "no collateral". `launcherId` is hex (with or without 0x).
 *
 * @example
 * <Suspense fallback={<p>Reading collateral…</p>}><PublicStoreCollateral launcherId={id} /></Suspense>
 */
export async function PublicStoreCollateral({ launcherId }: { launcherId: string }) {
  let view
  try {
    view = await serverStoreCollateral(hexToBytes32(launcherId))
  } catch (e) {
    if (!(e instanceof AppError)) console.error('public collateral', e)
    return (
      <Card data-testid="public-collateral">
        <h2 className="text-lg font-semibold">Collateral ($DIG)</h2>
        <p className="mt-2 text-sm text-red-700 dark:text-red-400" role="alert">
          The collateral could not be read from the chain right now{e instanceof AppError ? `: ${e.shortMessage}` : ''}. This is a source error, not an empty result.
        </p>
      </Card>
    )
  }
  if (!view) return null
  return (
    <Card className="space-y-4" data-testid="public-collateral">
      <h2 className="text-lg font-semibold">Collateral ($DIG)</h2>
      <CollateralSummary summary={view.summary} bytes={view.bytes} />
      <CollateralCoinList coins={view.coins} lastBlockTimestamp={view.lastBlockTimestamp} />
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {view.countingPolicy} A collateral coin proves only that DIG is locked now; it says nothing about storage or availability. The requirement is this
        site’s policy, not a DIG Network rule.
      </p>
    </Card>
  )
}
