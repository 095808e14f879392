/**
 * The $DIG asset id of the network the app runs on. Mainnet (and any network whose node does not
 * say otherwise) uses the real DIG CAT (`DIG_MAINNET_ASSET_ID`); the embedded devnet reports its
 * faucet's test CAT as `dig_asset_id` in `get_network_info`.
 */
import { DIG_MAINNET_ASSET_ID } from '@/lib/chia/collateral/dig-asset-id'
import { type Bytes32, hexToBytes32 } from '@/lib/chia/primitives/bytes'

import type { RpcCall } from '../rpc-client'

/**
 * Reads `dig_asset_id` from a `get_network_info` answer, falling back to mainnet DIG.
 *
 * @example
 * digAssetIdFromNetworkInfo({ network_name: 'mainnet' }) // DIG_MAINNET_ASSET_ID
 */
export function digAssetIdFromNetworkInfo(info: Record<string, unknown>): Bytes32 {
  return typeof info.dig_asset_id === 'string' ? hexToBytes32(info.dig_asset_id, 'dig_asset_id') : DIG_MAINNET_ASSET_ID
}

/**
 * Asks the node (through any `RpcCall`, e.g. the proxy) which CAT is $DIG here, unless the
 * configuration names it (`DIG_ASSET_ID`, for testnet11 whose nodes do not say): then that wins
 * and the node is not asked.
 *
 * @example
 * const assetId = await resolveDigAssetId(createHttpRpcCall({ baseUrl: '/api/node' }), { override: env.digAssetId })
 */
export async function resolveDigAssetId(call: RpcCall, { override }: { override?: string } = {}): Promise<Bytes32> {
  if (override !== undefined) return hexToBytes32(override.replace(/^0x/i, ''), 'DIG_ASSET_ID')
  return digAssetIdFromNetworkInfo(await call('get_network_info', {}))
}
