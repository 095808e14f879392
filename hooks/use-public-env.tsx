'use client'

import { createContext, useContext, type ReactNode } from 'react'

import { AppError } from '@/lib/chia/errors/app-error'
import type { PublicEnv } from '@/lib/env-client'

/** A component that needs the configuration was rendered outside the root layout. */
export class MissingPublicEnvError extends AppError {
  override name = 'MissingPublicEnvError' as const
  constructor() {
    super('usePublicEnv() was called outside <PublicEnvProvider>.')
  }
}

const PublicEnvContext = createContext<PublicEnv | undefined>(undefined)

/**
 * Makes the browser-safe configuration available to client components. The root layout reads
 * `publicEnv()` on the server and renders this provider, because client code must not import
 * `lib/env` (STYLE.md).
 */
export function PublicEnvProvider({ value, children }: { value: PublicEnv; children: ReactNode }) {
  return <PublicEnvContext.Provider value={value}>{children}</PublicEnvContext.Provider>
}

/** The browser-safe configuration: network, WalletConnect settings, fee warning, collateral policy. */
export function usePublicEnv(): PublicEnv {
  const value = useContext(PublicEnvContext)
  if (value === undefined) {
    throw new MissingPublicEnvError()
  }
  return value
}
