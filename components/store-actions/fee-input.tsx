'use client'

import { Field, TextInput } from '@/components/ui/field'
import { usePublicEnv } from '@/hooks/use-public-env'

import { formatXch, parseXch } from './format-xch'
import { FEE_TARGETS, type useFeeField } from './use-fee-field'

/**
 * The fee field: XCH amount, the node's estimates per target time, and the warning cap. The
 * embedded devnet's estimates are always 0, so there it says that no fee is needed instead of
 * offering three buttons that all read 0 (the field stays, for testing fees).
 */
export function FeeInput({ id, fee, error, feeWarnMojos }: { id: string; fee: ReturnType<typeof useFeeField>; error?: string; feeWarnMojos: bigint }) {
  const { network } = usePublicEnv()
  const value = parseXch(fee.text)
  const high = value !== undefined && value > feeWarnMojos
  return (
    <Field
      label="Network fee (XCH)"
      htmlFor={id}
      error={error}
      hint={
        high ? (
          <span className="text-amber-700 dark:text-amber-400" data-testid={`${id}-warning`}>
            Above your warning cap of {formatXch(feeWarnMojos)}. You will be asked to confirm it in the preview.
          </span>
        ) : network === 'devnet' ? (
          <span data-testid={`${id}-devnet`}>Devnet: no fee needed.</span>
        ) : fee.estimates ? (
          <span className="flex flex-wrap items-center gap-2">
            Estimates:
            {fee.estimates.map((e, i) => (
              <button key={FEE_TARGETS[i]} type="button" className="rounded border border-zinc-300 px-1.5 font-mono hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800" onClick={() => fee.choose(i)}>
                {FEE_TARGETS[i] < 120 ? '~1 min' : `~${FEE_TARGETS[i] / 60} min`}: {formatXch(e)}
              </button>
            ))}
          </span>
        ) : (
          'Fetching the fee estimate…'
        )
      }
    >
      <TextInput id={id} name={id} inputMode="decimal" value={fee.text} onChange={(e) => fee.setText(e.target.value)} error={error} className="font-mono" />
    </Field>
  )
}
