'use client'

import { useMemo, useState } from 'react'

import { usePublicEnv } from '@/hooks/use-public-env'
import { collateralPolicyFromConfig } from '@/lib/chain/collateral/collateral-policy-from-config'
import { requiredCollateral } from '@/lib/chia/collateral/collateral-policy'

import { formatDig } from './dig-amount'

const UNITS = {
  bytes: 1n,
  KiB: 1024n,
  MiB: 1024n ** 2n,
  GiB: 1024n ** 3n,
  MB: 1000n ** 2n,
  GB: 1000n ** 3n,
} as const
type Unit = keyof typeof UNITS

/** Parses "2.5" × unit into whole bytes (rounded up), or undefined. */
function toBytes(value: string, unit: Unit): bigint | undefined {
  const m = /^(\d+)(?:\.(\d{1,9}))?$/.exec(value.trim().replace(/,/g, ''))
  if (!m) return undefined
  const fraction = m[2] ?? ''
  const scale = 10n ** BigInt(fraction.length)
  const scaled = (BigInt(m[1]) * scale + BigInt(fraction || '0')) * UNITS[unit]
  return (scaled + scale - 1n) / scale
}

/** Public calculator: a store size → the DIG it must lock under the configured policy. */
export function CollateralCalculator() {
  const { collateral } = usePublicEnv()
  const policy = useMemo(() => collateralPolicyFromConfig(collateral), [collateral])
  const [value, setValue] = useState('25')
  const [unit, setUnit] = useState<Unit>('MiB')
  const bytes = toBytes(value, unit)
  const required = bytes === undefined ? undefined : requiredCollateral(bytes, policy)
  const units = bytes === undefined ? undefined : (bytes + policy.unitBytes - 1n) / policy.unitBytes

  return (
    <div className="space-y-4" data-testid="collateral-calculator">
      <div className="flex gap-2">
        <label className="flex-1">
          <span className="sr-only">Store size</span>
          <input
            className="w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono dark:border-zinc-700 dark:bg-zinc-900"
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-label="Store size"
            data-testid="calculator-size"
          />
        </label>
        <select
          className="rounded-lg border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
          value={unit}
          onChange={(e) => setUnit(e.target.value as Unit)}
          aria-label="Unit"
          data-testid="calculator-unit"
        >
          {Object.keys(UNITS).map((u) => (
            <option key={u}>{u}</option>
          ))}
        </select>
      </div>
      {required === undefined ? (
        <p className="text-sm text-red-700 dark:text-red-400" role="alert">
          Enter a size such as 25 or 1.5.
        </p>
      ) : (
        <div>
          <p className="text-3xl font-semibold" data-testid="calculator-required" data-base-units={required.toString()}>
            {formatDig(required)} DIG
          </p>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {bytes!.toLocaleString('en-US')} bytes = {units!.toLocaleString('en-US')} started unit{units === 1n ? '' : 's'} of {policy.unitBytes.toLocaleString('en-US')} bytes ·{' '}
            {required.toLocaleString('en-US')} base units (1 DIG = 1,000)
          </p>
        </div>
      )}
    </div>
  )
}
