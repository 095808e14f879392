import { describe, expect, it } from 'vitest'

import { formatDig, parseDig, InvalidDigAmountError } from '@/components/collateral/dig-amount'
import type { StoreCollateral } from '@/lib/chain/collateral/load-store-collateral'
import { collateralCoinFromView, storeCollateralView } from '@/lib/chain/collateral/store-collateral-view'
import { summarizeStoreCollateral } from '@/lib/chain/collateral/summarize-store-collateral'
import { parseLosslessJson, stringifyLosslessJson } from '@/lib/chain/lossless-json'
import { DEFAULT_COLLATERAL_POLICY } from '@/lib/chia/collateral/collateral-policy'
import { collateralHint } from '@/lib/chia/collateral/collateral-hint'
import { DIG_MAINNET_ASSET_ID } from '@/lib/chia/collateral/dig-asset-id'
import { bytesToHex, equalBytes, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'

const h = (b: string) => hexToBytes32(b.repeat(32))
const launcherId = h('aa')
const owner = h('0e')
const pk = new Uint8Array(48).fill(7)
const coin = (amount: bigint, p: string) => ({ parentCoinInfo: h(p), puzzleHash: h('f2'), amount })

const collateral: StoreCollateral = {
  launcherId,
  hint: collateralHint(launcherId),
  assetId: DIG_MAINNET_ASSET_ID,
  lastBlockTimestamp: 1_900_000_000n,
  peakHeight: 12,
  candidateCount: 3,
  truncated: false,
  coins: [
    {
      coin: coin(2500n, '01'),
      coinId: coinId(coin(2500n, '01')),
      kind: 'dig',
      generation: 'rue',
      amount: 2500n,
      counted: true,
      ownerPuzzleHash: owner,
      syntheticPublicKey: pk,
      lineageProof: { parentParentCoinInfo: h('02'), parentInnerPuzzleHash: owner, parentAmount: 9_007_199_254_740_993n },
      lifecycle: 'active',
      releasing: false,
      confirmedHeight: 10,
      timestamp: 1_899_999_000n,
    },
    {
      coin: coin(1000n, '03'),
      coinId: coinId(coin(1000n, '03')),
      kind: 'vault',
      amount: 1000n,
      counted: true,
      ownerPuzzleHash: h('44'),
      syntheticPublicKey: pk,
      unlockTime: 1_950_000_000n,
      lineageProof: { parentParentCoinInfo: h('04'), parentInnerPuzzleHash: h('05'), parentAmount: 1000n },
      lifecycle: 'active',
      releasing: false,
      confirmedHeight: 11,
    },
    { coin: coin(9n, '06'), coinId: coinId(coin(9n, '06')), kind: 'unknown', amount: 9n, counted: false, reason: 'parentNotCat', lifecycle: 'active', releasing: false },
  ],
}

describe('storeCollateralView', () => {
  const summary = summarizeStoreCollateral(collateral.coins, { bytes: 25n * 1_048_576n, policy: DEFAULT_COLLATERAL_POLICY, ownerPuzzleHash: owner })
  const view = storeCollateralView(collateral, { network: 'mainnet', bytes: 25n * 1_048_576n, policy: DEFAULT_COLLATERAL_POLICY, summary, ownerPuzzleHash: owner })

  it('writes 0x hex, addresses, and marks the store owner', () => {
    expect(view.launcherId).toBe(`0x${'aa'.repeat(32)}`)
    expect(view.storeOwnerAddress).toMatch(/^xch1/)
    expect(view.coins[0]).toMatchObject({ kind: 'dig', lockedByStoreOwner: true, ownerAddress: view.storeOwnerAddress })
    expect(view.coins[1]).toMatchObject({ kind: 'vault', lockedByStoreOwner: false, unlockTime: 1_950_000_000n })
    expect(view.coins[2]).toMatchObject({ counted: false, reason: 'parentNotCat' })
    expect(view.coins[2].ownerAddress).toBeUndefined()
    expect(view.summary).toMatchObject({ locked: 3500n, required: 2500n, met: true, lockedByOwner: 2500n })
  })

  it('round-trips a counted coin through lossless JSON back to what a release needs', () => {
    const wire = parseLosslessJson(stringifyLosslessJson(view)) as typeof view
    const back = collateralCoinFromView(wire.coins[0])!
    const original = collateral.coins[0]
    expect(equalBytes(coinId(back.coin), original.coinId)).toBe(true)
    expect(back.generation).toBe('rue')
    expect(back.lineageProof.parentAmount).toBe(9_007_199_254_740_993n)
    expect(bytesToHex(back.syntheticPublicKey)).toBe(bytesToHex(pk))
    expect(collateralCoinFromView(wire.coins[1])?.unlockTime).toBe(1_950_000_000n)
  })

  it('refuses to release what is not counted', () => {
    expect(collateralCoinFromView(view.coins[2])).toBeUndefined()
  })
})

describe('DIG amounts for display', () => {
  it.each([
    [2500n, '2.5'],
    [1_000_000n, '1,000'],
    [1n, '0.001'],
    [0n, '0'],
  ])('formats %s as %s', (base, text) => {
    expect(formatDig(base)).toBe(text)
  })

  it('parses up to 3 decimals and rejects the rest', () => {
    expect(parseDig('2.5')).toBe(2500n)
    expect(parseDig(' 1,000 ')).toBe(1_000_000n)
    expect(parseDig('0.001')).toBe(1n)
    expect(() => parseDig('0.0001')).toThrow(InvalidDigAmountError)
    expect(() => parseDig('-1')).toThrow(InvalidDigAmountError)
    expect(() => parseDig('abc')).toThrow(InvalidDigAmountError)
  })
})

