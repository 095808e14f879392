import 'server-only'

/**
 * A store's collateral view on the server: the store's size and owner come from the synced store
 * view (`loadStoreView`), the policy from configuration, the DIG asset id from the node, and the
 * coins from `loadStoreCollateral` run on clvm_rs. `undefined` when the store does not exist.
 */
import { DIG_MIN_HEIGHT } from '@/lib/chia/collateral/dig-asset-id'
import { hexToBytes32, type Bytes32 } from '@/lib/chia/primitives/bytes'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { env } from '@/lib/env'

import { loadStoreView } from '../load-store-view'
import { serverChain } from '../server-chain'
import { collateralPolicyFromConfig } from './collateral-policy-from-config'
import { loadStoreCollateral } from './load-store-collateral'
import { resolveDigAssetId } from './resolve-dig-asset-id'
import { type StoreCollateralView, storeCollateralView } from './store-collateral-view'
import { summarizeStoreCollateral } from './summarize-store-collateral'

let runner: ReturnType<typeof createClvmRsRunner> | undefined

/**
 * Loads the collateral view of `launcherId` through the server's cached chain client.
 *
 * @example
 * const view = await serverStoreCollateral(launcherId)
 */
export async function serverStoreCollateral(launcherId: Bytes32): Promise<StoreCollateralView | undefined> {
  const chain = serverChain()
  const store = await loadStoreView(chain.client, launcherId, {
    network: chain.network,
    parser: chain.parser,
    memo: chain.parseMemo,
    viewCache: chain.viewCache,
  })
  if (!store) return undefined
  runner ??= createClvmRsRunner()
  const policy = collateralPolicyFromConfig(env().collateral)
  const assetId = await resolveDigAssetId(chain.proxy.call, { override: env().digAssetId })
  const collateral = await loadStoreCollateral(chain.client, launcherId, {
    assetId,
    runner,
    // No DIG collateral exists below this mainnet height; other networks are scanned whole.
    ...(chain.network === 'mainnet' ? { startHeight: DIG_MIN_HEIGHT } : {}),
  })
  const bytes = store.status === 'melted' ? 0n : BigInt(store.current.bytes ?? 0n)
  const ownerPuzzleHash = hexToBytes32(store.current.ownerPuzzleHash)
  const summary = summarizeStoreCollateral(collateral.coins, { bytes, policy, ownerPuzzleHash })
  return storeCollateralView(collateral, { network: chain.network, bytes, policy, summary, ownerPuzzleHash })
}
