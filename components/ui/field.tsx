import type { ComponentProps, ReactNode } from 'react'

import { classNames } from './class-names'

const inputBase =
  'block w-full rounded-lg border bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-400 ' +
  'focus:outline-2 focus:outline-offset-1 focus:outline-brand-500 dark:bg-zinc-950 dark:text-zinc-100'

const border = (error?: string) => (error ? 'border-red-500 dark:border-red-500' : 'border-zinc-300 dark:border-zinc-700')

/** A labelled form field with an optional hint and a field-level error. */
export function Field({ label, hint, error, htmlFor, children, className }: { label: string; hint?: ReactNode; error?: string; htmlFor: string; children: ReactNode; className?: string }) {
  return (
    <div className={classNames('space-y-1.5', className)}>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${htmlFor}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400" data-testid={`${htmlFor}-error`}>
          {error}
        </p>
      ) : (
        hint && <p className="text-xs text-zinc-500 dark:text-zinc-400">{hint}</p>
      )}
    </div>
  )
}

/** A text input that shows its error state. */
export function TextInput({ error, className, ...props }: ComponentProps<'input'> & { error?: string }) {
  return <input aria-invalid={error ? true : undefined} aria-describedby={error && props.id ? `${props.id}-error` : undefined} className={classNames(inputBase, border(error), className)} {...props} />
}

/** A multi-line text input that shows its error state. */
export function TextArea({ error, className, ...props }: ComponentProps<'textarea'> & { error?: string }) {
  return <textarea aria-invalid={error ? true : undefined} className={classNames(inputBase, border(error), className)} {...props} />
}

/** A determinate progress bar (0–1). */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100)
  return (
    <div role="progressbar" aria-label={label} aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} className="h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
      <div className="h-full rounded-full bg-brand-600 transition-[width] dark:bg-brand-400" style={{ width: `${pct}%` }} />
    </div>
  )
}
