/** The product mark: stacked layers, a nod to DataLayer. */
export function Logo({ className = 'size-7' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={className}>
      <rect width="32" height="32" rx="8" className="fill-brand-600 dark:fill-brand-500" />
      <path d="M16 7 26 12l-10 5L6 12l10-5Z" className="fill-white/95 dark:fill-brand-950" />
      <path
        d="m6 16.5 10 5 10-5M6 20.5l10 5 10-5"
        fill="none"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="stroke-white/80 dark:stroke-brand-950/80"
      />
    </svg>
  )
}
