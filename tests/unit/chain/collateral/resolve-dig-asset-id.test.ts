import { describe, expect, it } from 'vitest'

import { resolveDigAssetId } from '@/lib/chain/collateral/resolve-dig-asset-id'
import type { RpcCall } from '@/lib/chain/rpc-client'
import { DIG_MAINNET_ASSET_ID } from '@/lib/chia/collateral/dig-asset-id'
import { bytesToHex } from '@/lib/chia/primitives/bytes'

const node = (info: Record<string, unknown>) => {
  const calls: string[] = []
  const call = (async (method: string) => {
    calls.push(method)
    return info
  }) as unknown as RpcCall
  return { call, calls }
}

describe('resolveDigAssetId', () => {
  it('asks the node when nothing is configured (devnet reports its test CAT)', async () => {
    const { call, calls } = node({ network_name: 'devnet', dig_asset_id: `0x${'12'.repeat(32)}` })
    expect(bytesToHex(await resolveDigAssetId(call))).toBe('12'.repeat(32))
    expect(calls).toEqual(['get_network_info'])
  })

  it('falls back to mainnet DIG when the node does not say', async () => {
    const { call } = node({ network_name: 'testnet11' })
    expect(await resolveDigAssetId(call)).toEqual(DIG_MAINNET_ASSET_ID)
  })

  it('uses the configured DIG_ASSET_ID without asking the node', async () => {
    const { call, calls } = node({ network_name: 'testnet11' })
    expect(bytesToHex(await resolveDigAssetId(call, { override: 'ab'.repeat(32) }))).toBe('ab'.repeat(32))
    expect(bytesToHex(await resolveDigAssetId(call, { override: `0x${'cd'.repeat(32)}` }))).toBe('cd'.repeat(32))
    expect(calls).toEqual([])
  })

  it('rejects a malformed override', async () => {
    const { call } = node({})
    await expect(resolveDigAssetId(call, { override: 'abc' })).rejects.toThrow()
  })
})
