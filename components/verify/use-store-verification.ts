'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

import { AppError } from '@/lib/chia/errors/app-error'
import type { StoreVerification } from '@/lib/chia/verify/verify-store-history'

export type ClaimedGeneration = { coinId: string; rootHash: string }

export type SourceRun =
  | { state: 'loading'; done: number; total: number }
  | { state: 'done'; verification: StoreVerification; recordKeys: string[]; requestErrors: string[]; ms: number }
  | { state: 'error'; message: string }

const messageOf = (e: unknown) => (e instanceof AppError ? e.shortMessage : e instanceof Error ? e.message : String(e))

/**
 * Runs the store checks in the browser against a full-node RPC base URL (our `/api/node` proxy or
 * a coinset-compatible endpoint the visitor entered, called directly). Re-runs when `baseUrl` changes.
 */
export function useStoreVerification(launcherId: string, claims: readonly ClaimedGeneration[], baseUrl: string | undefined) {
  const [tagged, setTagged] = useState<{ baseUrl: string | undefined; run: SourceRun }>()
  const setRun = useCallback((run: SourceRun) => setTagged({ baseUrl, run }), [baseUrl])
  // A result for another endpoint is not shown while the new one loads.
  const run = tagged && tagged.baseUrl === baseUrl ? tagged.run : undefined
  const latest = useRef(0)

  const execute = useCallback(
    async (live: () => boolean) => {
      if (!baseUrl) return
      const started = performance.now()
      try {
        const { runStoreVerification } = await import('./run-store-verification')
        const requestErrors: string[] = []
        const { verification, recordKeys } = await runStoreVerification(baseUrl, launcherId, claims, {
          onProgress: (done, total) => {
            if (live() && (done === total || done % 8 === 0)) setRun({ state: 'loading', done, total })
          },
          onError: (what, e) => requestErrors.push(`${what}: ${messageOf(e)}`),
        })
        if (live()) setRun({ state: 'done', verification, recordKeys, requestErrors, ms: Math.round(performance.now() - started) })
      } catch (e) {
        if (live()) setRun({ state: 'error', message: messageOf(e) })
      }
    },
    [launcherId, claims, baseUrl, setRun],
  )

  useEffect(() => {
    let cancelled = false
    // Started from a microtask: every state update happens after the effect has returned.
    void Promise.resolve().then(() => execute(() => !cancelled))
    return () => {
      cancelled = true
    }
  }, [execute])

  /** Runs the checks again (a button press); supersedes any run in flight. */
  const rerun = useCallback(() => {
    const mine = ++latest.current
    setRun({ state: 'loading', done: 0, total: 1 })
    void execute(() => mine === latest.current)
  }, [execute, setRun])

  return { run, rerun }
}
