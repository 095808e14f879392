'use client'

/**
 * The connected wallet, shared by every component in the tab (issue 6).
 *
 * One module-level store (a tab has one wallet) read with `useSyncExternalStore`, so no provider
 * has to wrap the layout: the header's wallet button and the flows see the same state. Connector
 * code — WalletConnect's sign-client, the BLS/CLVM code of the burner — is loaded only when the
 * user picks a wallet, or when a choice from an earlier visit is restored.
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'

import { usePublicEnv } from '@/hooks/use-public-env'
import type { BurnerConnector, BurnerWallet } from '@/lib/wallet/burner-connector'
import type { AppWalletConfig, LoadedConnector } from '@/lib/wallet/load-connector'
import type { Wallet, WalletKind } from '@/lib/wallet/wallet'
import type { WalletConnectConnector } from '@/lib/wallet/walletconnect-connector'

/** Which connector the user chose last, so a reload restores it. */
export const WALLET_CHOICE_KEY = 'datalayer-studio.wallet.kind'

export interface WalletProblem {
  code?: string
  message: string
}

export type WalletState =
  | { status: 'disconnected'; error?: WalletProblem; mismatch?: { expected: string; actual: string } }
  | { status: 'restoring'; kind: WalletKind }
  | { status: 'connecting'; kind: WalletKind; pairingUri?: string }
  | { status: 'connected'; kind: WalletKind; wallet: Wallet; address?: string }

let state: WalletState = { status: 'disconnected' }
const listeners = new Set<() => void>()
let restoreStarted = false
let abortPairing: AbortController | undefined
let detachWallet: (() => void) | undefined

function setState(next: WalletState) {
  state = next
  for (const l of [...listeners]) l()
}

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => listeners.delete(l)
}
const getSnapshot = () => state
// One object for every server render: useSyncExternalStore requires a stable (cached) snapshot.
const SERVER_SNAPSHOT: WalletState = { status: 'disconnected' }
const getServerSnapshot = (): WalletState => SERVER_SNAPSHOT

function problemOf(e: unknown): WalletProblem {
  const code = typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined
  const message = typeof e === 'object' && e !== null && 'shortMessage' in e && typeof e.shortMessage === 'string' ? e.shortMessage : 'The wallet could not be connected.'
  return { code, message }
}

function remember(kind: WalletKind | undefined) {
  try {
    if (kind) localStorage.setItem(WALLET_CHOICE_KEY, kind)
    else localStorage.removeItem(WALLET_CHOICE_KEY)
  } catch {
    // Private mode without storage: the choice is simply not remembered.
  }
}

/** One connector per kind for the tab's lifetime: WalletConnect must not start a second client. */
const connectors = new Map<WalletKind, Promise<LoadedConnector>>()

function connector(kind: WalletKind, config: AppWalletConfig): Promise<LoadedConnector> {
  let loaded = connectors.get(kind)
  if (!loaded) {
    loaded = import('@/lib/wallet/load-connector').then(({ loadConnector }) => loadConnector(kind, config))
    loaded.catch(() => connectors.delete(kind))
    connectors.set(kind, loaded)
  }
  return loaded
}

async function adopt(kind: WalletKind, wallet: Wallet) {
  detachWallet?.()
  const refreshAddress = async () => {
    const address = await wallet.getAddress().catch(() => undefined)
    if (state.status === 'connected' && state.wallet === wallet) setState({ ...state, address })
  }
  detachWallet = wallet.on((event) => {
    if (event.type === 'accountChanged') void refreshAddress()
    if (event.type === 'disconnected' && state.status === 'connected' && state.wallet === wallet) {
      detachWallet?.()
      detachWallet = undefined
      remember(undefined)
      setState({
        status: 'disconnected',
        error: event.reason === 'local' ? undefined : { code: 'walletSessionExpired', message: 'The wallet ended the session. Connect again to continue.' },
      })
    }
  })
  remember(kind)
  setState({ status: 'connected', kind, wallet })
  await refreshAddress()
}

function fail(e: unknown) {
  const problem = problemOf(e)
  const mismatch =
    problem.code === 'walletNetworkMismatch' && typeof e === 'object' && e !== null && 'expected' in e && 'actual' in e
      ? { expected: String(e.expected), actual: String(e.actual) }
      : undefined
  setState({ status: 'disconnected', error: problem, mismatch })
}

async function restore(config: AppWalletConfig) {
  let kind: WalletKind | undefined
  try {
    kind = (localStorage.getItem(WALLET_CHOICE_KEY) as WalletKind | null) ?? undefined
  } catch {
    return
  }
  if (kind !== 'walletconnect' && kind !== 'injected' && kind !== 'burner') return
  setState({ status: 'restoring', kind })
  try {
    const wallet = await (await connector(kind, config)).restore()
    if (wallet) await adopt(kind, wallet)
    else {
      remember(undefined)
      setState({ status: 'disconnected' })
    }
  } catch (e) {
    remember(undefined)
    fail(e)
  }
}

export interface UseWallet {
  state: WalletState
  /** The connected wallet, if any. */
  wallet?: Wallet
  /** Starts a connection; WalletConnect exposes `pairingUri` in `state` while waiting. */
  connect(kind: WalletKind): Promise<void>
  /** Stops waiting for a WalletConnect approval. */
  cancel(): void
  disconnect(): Promise<void>
  /** Clears the last error / mismatch banner. */
  dismiss(): void
  /** Devnet burner helpers. */
  burner: {
    importMnemonic(mnemonic: string): Promise<void>
    exportMnemonic(): Promise<string | undefined>
    fund(): Promise<void>
  }
  /** Re-reads the wallet's address (after funding, for example). */
  refresh(): Promise<void>
}

/**
 * The tab's wallet and the actions on it.
 *
 * @example
 * const { state, connect } = useWallet()
 * if (state.status !== 'connected') return <button onClick={() => connect('burner')}>Connect</button>
 */
export function useWallet(): UseWallet {
  const current = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot)
  const env = usePublicEnv()
  const config = useMemo<AppWalletConfig>(
    () => ({
      network: env.network,
      walletConnectProjectId: env.walletConnectProjectId,
      walletConnectRelayUrl: env.walletConnectRelayUrl,
      metadata: {
        name: 'DataLayer Studio',
        description: 'Mint, update and verify Chia DataLayer stores',
        url: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
        icons: [],
      },
    }),
    [env.network, env.walletConnectProjectId, env.walletConnectRelayUrl],
  )

  useEffect(() => {
    if (restoreStarted) return
    restoreStarted = true
    void restore(config)
  }, [config])

  const connect = useCallback(
    async (kind: WalletKind) => {
      abortPairing?.abort()
      const abort = new AbortController()
      abortPairing = abort
      setState({ status: 'connecting', kind })
      try {
        const c = await connector(kind, config)
        let wallet: Wallet
        if (c.kind === 'walletconnect') {
          wallet = await (c as WalletConnectConnector).connect({
            onUri: (pairingUri) => {
              if (!abort.signal.aborted) setState({ status: 'connecting', kind, pairingUri })
            },
            signal: abort.signal,
          })
        } else {
          wallet = await (c as Exclude<typeof c, WalletConnectConnector>).connect()
        }
        if (abort.signal.aborted) {
          await wallet.disconnect()
          return
        }
        await adopt(kind, wallet)
      } catch (e) {
        if (!abort.signal.aborted) fail(e)
      }
    },
    [config],
  )

  const burnerConnector = useCallback(async () => (await connector('burner', config)) as BurnerConnector, [config])

  return {
    state: current,
    wallet: current.status === 'connected' ? current.wallet : undefined,
    connect,
    cancel() {
      abortPairing?.abort()
      abortPairing = undefined
      setState({ status: 'disconnected' })
    },
    async disconnect() {
      if (state.status !== 'connected') return
      const { wallet } = state
      remember(undefined)
      await wallet.disconnect().catch(() => undefined)
      setState({ status: 'disconnected' })
    },
    dismiss() {
      if (state.status === 'disconnected') setState({ status: 'disconnected' })
    },
    burner: {
      async importMnemonic(mnemonic) {
        try {
          const wallet = await (await burnerConnector()).importMnemonic(mnemonic)
          await adopt('burner', wallet)
        } catch (e) {
          fail(e)
          throw e
        }
      },
      async exportMnemonic() {
        return (await burnerConnector()).exportMnemonic()
      },
      async fund() {
        if (state.status !== 'connected' || state.kind !== 'burner') return
        await (state.wallet as BurnerWallet).fund()
      },
    },
    async refresh() {
      if (state.status !== 'connected') return
      const { wallet } = state
      const address = await wallet.getAddress().catch(() => undefined)
      if (state.status === 'connected' && state.wallet === wallet) setState({ ...state, address })
    },
  }
}
