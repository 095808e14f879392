import { describe, expect, it } from 'vitest'

import { canReleaseCollateral, collateralLifecycle } from '@/lib/chain/collateral/collateral-lifecycle'
import { collateralGate } from '@/lib/chain/collateral/collateral-gate'
import { collateralPolicyFromConfig } from '@/lib/chain/collateral/collateral-policy-from-config'
import { digAssetIdFromNetworkInfo } from '@/lib/chain/collateral/resolve-dig-asset-id'
import { summarizeStoreCollateral, type SummarizedCoin } from '@/lib/chain/collateral/summarize-store-collateral'
import { DEFAULT_COLLATERAL_POLICY, InvalidCollateralPolicyError, requiredCollateral } from '@/lib/chia/collateral/collateral-policy'
import { DIG_MAINNET_ASSET_ID } from '@/lib/chia/collateral/dig-asset-id'
import { bytesToHex, hexToBytes32 } from '@/lib/chia/primitives/bytes'

const MIB = 1_048_576n
const owner = hexToBytes32('11'.repeat(32))
const other = hexToBytes32('22'.repeat(32))

describe('collateralPolicyFromConfig', () => {
  it('maps the default env policy to 0.1 DIG per started MiB', () => {
    const policy = collateralPolicyFromConfig({ ratePerUnit: 100n, rateDig: '0.1', unitBytes: MIB })
    expect(policy).toEqual({ rate: 100n, unitBytes: MIB })
    expect(requiredCollateral(25n * MIB, policy)).toBe(2500n)
    expect(requiredCollateral(25n * MIB + 1n, policy)).toBe(2600n)
  })

  it('turns the multiplier into basis points on the units above the threshold', () => {
    const policy = collateralPolicyFromConfig({ ratePerUnit: 100n, rateDig: '0.1', unitBytes: MIB, multiplier: 1.5, multiplierThresholdBytes: 10n * MIB })
    expect(policy.aboveThreshold).toEqual({ thresholdBytes: 10n * MIB, multiplierBps: 15_000n })
    // 10 MiB at 100 + 10 MiB at 150.
    expect(requiredCollateral(20n * MIB, policy)).toBe(2500n)
  })

  it('rejects a zero unit', () => {
    expect(() => collateralPolicyFromConfig({ ratePerUnit: 100n, rateDig: '0.1', unitBytes: 0n })).toThrow(InvalidCollateralPolicyError)
  })
})

describe('collateralLifecycle', () => {
  const base = { confirmed: true, spent: false, lastBlockTimestamp: 1_000n }
  it.each([
    [{ kind: 'dig' as const, ...base }, 'active'],
    [{ kind: 'dig' as const, ...base, confirmed: false }, 'pending'],
    [{ kind: 'dig' as const, ...base, spent: true }, 'released'],
    [{ kind: 'vault' as const, ...base, unlockTime: 1_001n }, 'active'],
    [{ kind: 'vault' as const, ...base, unlockTime: 1_000n }, 'unlockable'],
    [{ kind: 'vault' as const, ...base, unlockTime: 999n, spent: true }, 'released'],
  ])('%o → %s', (input, expected) => {
    expect(collateralLifecycle(input)).toBe(expected)
  })

  it('allows release of DIG-format coins any time and vaults only when unlockable', () => {
    expect(canReleaseCollateral({ kind: 'dig', lifecycle: 'active', counted: true })).toBe(true)
    expect(canReleaseCollateral({ kind: 'vault', lifecycle: 'active', counted: true })).toBe(false)
    expect(canReleaseCollateral({ kind: 'vault', lifecycle: 'unlockable', counted: true })).toBe(true)
    expect(canReleaseCollateral({ kind: 'dig', lifecycle: 'active', counted: false })).toBe(false)
    expect(canReleaseCollateral({ kind: 'dig', lifecycle: 'released', counted: true })).toBe(false)
  })
})

describe('summarizeStoreCollateral', () => {
  const coin = (c: Partial<SummarizedCoin>): SummarizedCoin => ({ kind: 'dig', amount: 100n, counted: true, lifecycle: 'active', ...c })
  it('counts confirmed unspent valid coins, shows pending apart, skips released and invalid ones', () => {
    const s = summarizeStoreCollateral(
      [
        coin({ amount: 1000n, ownerPuzzleHash: owner }),
        coin({ kind: 'vault', amount: 700n, lifecycle: 'unlockable', ownerPuzzleHash: other }),
        coin({ amount: 5000n, counted: false }),
        coin({ amount: 400n, lifecycle: 'pending' }),
        coin({ amount: 9000n, lifecycle: 'released' }),
      ],
      { bytes: 25n * MIB, policy: DEFAULT_COLLATERAL_POLICY, ownerPuzzleHash: owner },
    )
    expect(s).toEqual({
      locked: 1700n,
      lockedDig: 1000n,
      lockedVault: 700n,
      lockedByOwner: 1000n,
      pending: 400n,
      required: 2500n,
      shortfall: 800n,
      met: false,
      countedCoins: 2,
      notCountedCoins: 1,
    })
  })

  it('meets a zero requirement with nothing locked', () => {
    expect(summarizeStoreCollateral([], { bytes: 0n, policy: DEFAULT_COLLATERAL_POLICY })).toMatchObject({ required: 0n, met: true, shortfall: 0n })
  })
})

describe('collateralGate', () => {
  const policy = DEFAULT_COLLATERAL_POLICY
  it('blocks growth beyond the locked collateral with the shortfall', () => {
    expect(collateralGate({ currentBytes: MIB, nextBytes: 25n * MIB, locked: 1000n, policy })).toEqual({ blocked: true, required: 2500n, locked: 1000n, shortfall: 1500n })
  })
  it('lets growth through once the collateral covers it', () => {
    expect(collateralGate({ currentBytes: MIB, nextBytes: 25n * MIB, locked: 2500n, policy })).toEqual({ blocked: false, required: 2500n, locked: 2500n })
  })
  it('never blocks updates that do not grow the store', () => {
    expect(collateralGate({ currentBytes: 25n * MIB, nextBytes: 25n * MIB, locked: 0n, policy }).blocked).toBe(false)
    expect(collateralGate({ currentBytes: 25n * MIB, nextBytes: MIB, locked: 0n, policy }).blocked).toBe(false)
  })
})

describe('digAssetIdFromNetworkInfo', () => {
  it('uses the devnet test CAT when the node names one, mainnet DIG otherwise', () => {
    expect(bytesToHex(digAssetIdFromNetworkInfo({ dig_asset_id: `0x${'ab'.repeat(32)}` }))).toBe('ab'.repeat(32))
    expect(digAssetIdFromNetworkInfo({ network_name: 'mainnet' })).toBe(DIG_MAINNET_ASSET_ID)
  })
})
