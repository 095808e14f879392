import { describe, expect, it } from 'vitest'
import {
  DEFAULT_COLLATERAL_POLICY,
  InvalidCollateralPolicyError,
  InvalidStoreSizeError,
  collateralShortfall,
  requiredCollateral,
} from '@/lib/chia/collateral/collateral-policy'
import { DIG_BASE_UNITS_PER_DIG } from '@/lib/chia/collateral/dig-asset-id'

const MiB = 1_048_576n

describe('requiredCollateral (default: 0.1 DIG per started MiB)', () => {
  it('25 MiB needs 2.5 DIG', () => {
    expect(requiredCollateral(25n * MiB)).toBe(2500n)
    expect(Number(requiredCollateral(25n * MiB)) / Number(DIG_BASE_UNITS_PER_DIG)).toBe(2.5)
  })
  it.each([
    [0n, 0n],
    [1n, 100n],
    [MiB - 1n, 100n],
    [MiB, 100n],
    [MiB + 1n, 200n],
    [25n * MiB + 1n, 2600n],
    [1_000_000n, 100n], // decimal MB is less than a MiB
    [(1n << 64n) - 1n, (((1n << 64n) - 1n + MiB - 1n) / MiB) * 100n],
  ])('%s bytes → %s base units', (bytes, expected) => {
    expect(requiredCollateral(bytes)).toBe(expected)
  })
  it('rate and unit are parameters', () => {
    expect(requiredCollateral(3n * 1000n, { rate: 5n, unitBytes: 1000n })).toBe(15n)
    expect(requiredCollateral(3001n, { rate: 5n, unitBytes: 1000n })).toBe(20n)
  })
})

describe('multiplier above a threshold', () => {
  const policy = { ...DEFAULT_COLLATERAL_POLICY, aboveThreshold: { thresholdBytes: 10n * MiB, multiplierBps: 15_000n } }
  it('applies only to the units above the threshold', () => {
    expect(requiredCollateral(10n * MiB, policy)).toBe(1000n)
    expect(requiredCollateral(10n * MiB + 1n, policy)).toBe(1000n + 150n)
    expect(requiredCollateral(20n * MiB, policy)).toBe(1000n + 1500n)
    expect(requiredCollateral(5n * MiB, policy)).toBe(500n)
  })
  it('rounds a fractional surcharge up', () => {
    const odd = { rate: 1n, unitBytes: 1n, aboveThreshold: { thresholdBytes: 0n, multiplierBps: 10_001n } }
    expect(requiredCollateral(1n, odd)).toBe(2n)
    expect(requiredCollateral(10_000n, odd)).toBe(10_001n)
  })
})

describe('validation and shortfall', () => {
  it('rejects bad settings and negative sizes', () => {
    expect(() => requiredCollateral(1n, { rate: 1n, unitBytes: 0n })).toThrow(InvalidCollateralPolicyError)
    expect(() => requiredCollateral(1n, { rate: -1n, unitBytes: 1n })).toThrow(InvalidCollateralPolicyError)
    expect(() => requiredCollateral(-1n)).toThrow(InvalidStoreSizeError)
  })
  it('shortfall is never negative', () => {
    expect(collateralShortfall(2500n, 1000n)).toBe(1500n)
    expect(collateralShortfall(2500n, 2500n)).toBe(0n)
    expect(collateralShortfall(2500n, 9000n)).toBe(0n)
  })
})
