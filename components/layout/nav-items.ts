/** The site's main sections, in header order. `shortLabel` is for the narrow mobile row. */
export const NAV_ITEMS = [
  { href: '/dashboard', label: 'Dashboard', shortLabel: 'Dashboard' },
  { href: '/mint', label: 'Mint', shortLabel: 'Mint' },
  { href: '/verify', label: 'Verify a store', shortLabel: 'Verify' },
  { href: '/collateral', label: 'Collateral calculator', shortLabel: 'Collateral' },
] as const
