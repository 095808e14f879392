'use client'

/**
 * Lock and release run through the same steps as every other action (PRODUCT.md §2–3): build from
 * the wallet's coins → decoded preview (every puzzle run locally; refused when a reveal does not
 * match its coin or more XCH would leave the wallet than the fee shown) → the wallet signs → the
 * signature is checked locally → submit through the proxy → track to confirmation → refresh.
 * A lock shows as Pending on the store's collateral until the chain has it.
 */
import { useCallback, useRef, useState } from 'react'
import { mutate } from 'swr'

import { browserChainClient, browserRunner, genesisChallenge } from '@/hooks/use-chain-client'
import { addPendingCollateral, fetchStoreCollateral, removePendingCollateral } from '@/hooks/use-collateral'
import { digAssetId } from '@/hooks/use-collateral-balance'
import { usePublicEnv } from '@/hooks/use-public-env'
import { useWallet } from '@/hooks/use-wallet'
import { buildCollateralLock } from '@/lib/chain/collateral/build-collateral-lock'
import { buildCollateralRelease } from '@/lib/chain/collateral/build-collateral-release'
import type { BuiltCollateralAction, CollateralFormat } from '@/lib/chain/collateral/collateral-action'
import { type CollateralCoinView, collateralCoinFromView } from '@/lib/chain/collateral/store-collateral-view'
import { type CoinSpendsPreview, previewCoinSpends } from '@/lib/chain/preview/preview-coin-spends'
import type { TxState } from '@/lib/chain/tx-tracker'
import { submitSpendBundle, watchTransaction } from '@/lib/chain/watch-transaction'
import { AppError } from '@/lib/chia/errors/app-error'
import { bytesToPrefixedHex, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { verifySpendBundle } from '@/lib/chia/spends/sign-coin-spends'

export class CollateralSignatureCheckError extends AppError {
  override name = 'CollateralSignatureCheckError' as const
  constructor() {
    super('The wallet’s signature does not verify for this transaction, so it was not sent.')
  }
}

export class CollateralReleaseUnavailableError extends AppError {
  override name = 'CollateralReleaseUnavailableError' as const
  constructor({ coinId }: { coinId: string }) {
    super('This coin cannot be released by a wallet (it is not counted collateral).', { details: `coin ${coinId}` })
  }
}

type Prepared = { built: BuiltCollateralAction; preview: CoinSpendsPreview }

export type CollateralActionState =
  | { status: 'idle' }
  | { status: 'building' }
  | ({ status: 'ready' } & Prepared)
  | ({ status: 'signing' } & Prepared)
  | ({ status: 'submitting' } & Prepared)
  | ({ status: 'tracking'; tx: TxState } & Prepared)
  | ({ status: 'confirmed'; tx: TxState } & Prepared)
  | ({ status: 'failed'; message: string; code?: string } & Partial<Prepared>)

const nowSeconds = () => BigInt(Math.floor(Date.now() / 1000))
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

function problem(e: unknown): { message: string; code?: string } {
  const code = typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : e instanceof AppError ? e.name : undefined
  const message = e instanceof AppError ? e.shortMessage : 'Something went wrong while preparing the transaction.'
  if (!(e instanceof AppError)) console.error('collateral action', e)
  return { message, code }
}

const refreshCollateral = () =>
  mutate((key) => Array.isArray(key) && (key[0] === 'store-collateral' || key[0] === 'dig-balance' || key[0] === 'collateral-totals'))

/**
 * After a confirmation, polls until the store's collateral shows the change (the proxy may serve
 * a tip answer cached from just before the block), then refreshes every view of it.
 */
async function settleCollateral(launcherId: string, coinIdHex: string, action: 'lock' | 'release') {
  for (let i = 0; i < 10; i++) {
    const view = await fetchStoreCollateral(launcherId).catch(() => undefined)
    const coin = view?.coins.find((c) => c.coinId === coinIdHex)
    if (action === 'lock' ? coin && coin.lifecycle !== 'pending' : coin?.lifecycle === 'released') break
    await sleep(1_500)
  }
  await refreshCollateral()
}

export interface LockRequest {
  format: CollateralFormat
  amount: bigint
  /** Vault: unix seconds (default 30 days from now). */
  unlockTime?: bigint
  fee: bigint
  /** The latest block's timestamp: "now" is the later of it and this computer's clock. */
  chainTime?: bigint
}

/**
 * The lock/release pipeline for one store (`launcherId` hex).
 *
 * @example
 * const action = useCollateralAction(launcherId)
 * await action.prepareLock({ format: 'dig', amount: 2500n, fee: 0n })
 * await action.confirm()
 */
export function useCollateralAction(launcherId: string) {
  const { wallet } = useWallet()
  const env = usePublicEnv()
  const [state, setState] = useState<CollateralActionState>({ status: 'idle' })
  const abort = useRef<AbortController | undefined>(undefined)

  const prepare = useCallback(
    async (build: () => Promise<BuiltCollateralAction>) => {
      setState({ status: 'building' })
      try {
        const built = await build()
        const preview = previewCoinSpends(built.coinSpends, {
          runner: browserRunner(),
          walletPuzzleHashes: built.walletPuzzleHashes,
          maxWalletOutflow: built.maxWalletOutflow,
          maxFee: built.maxFee,
        })
        setState({ status: 'ready', built, preview })
      } catch (e) {
        setState({ status: 'failed', ...problem(e) })
      }
    },
    [],
  )

  const prepareLock = useCallback(
    (request: LockRequest) =>
      prepare(async () => {
        if (!wallet) throw new CollateralWalletMissingError()
        const assetId = await digAssetId(env.digAssetId)
        const [digCoins, xchCoins] = await Promise.all([
          wallet.getSpendableCoins({ assetId }),
          request.fee > 0n ? wallet.getSpendableCoins() : Promise.resolve([]),
        ])
        const { chainTime, ...lock } = request
        const now = chainTime !== undefined && chainTime > nowSeconds() ? chainTime : nowSeconds()
        return buildCollateralLock({ assetId, launcherId: hexToBytes32(launcherId), ...lock, digCoins, xchCoins, now })
      }),
    [prepare, wallet, launcherId, env.digAssetId],
  )

  const prepareRelease = useCallback(
    (coin: CollateralCoinView, { fee, lastBlockTimestamp }: { fee: bigint; lastBlockTimestamp: bigint }) =>
      prepare(async () => {
        if (!wallet) throw new CollateralWalletMissingError()
        const collateral = collateralCoinFromView(coin)
        if (!collateral) throw new CollateralReleaseUnavailableError({ coinId: coin.coinId })
        const [assetId, walletPublicKeys, xchCoins] = await Promise.all([
          digAssetId(env.digAssetId),
          wallet.getPublicKeys({ limit: 100 }),
          fee > 0n ? wallet.getSpendableCoins() : Promise.resolve([]),
        ])
        return buildCollateralRelease({ assetId, launcherId: hexToBytes32(launcherId), collateral, walletPublicKeys, fee, xchCoins, lastBlockTimestamp })
      }),
    [prepare, wallet, launcherId, env.digAssetId],
  )

  const confirm = useCallback(async () => {
    if (state.status !== 'ready' || !wallet) return
    const { built, preview } = state
    const client = browserChainClient()
    try {
      setState({ status: 'signing', built, preview })
      const aggregatedSignature = await wallet.signCoinSpends(built.coinSpends)
      const spendBundle = { coinSpends: built.coinSpends, aggregatedSignature }
      if (!verifySpendBundle(spendBundle, { genesisChallenge: await genesisChallenge(env.network), runner: browserRunner() })) {
        throw new CollateralSignatureCheckError()
      }
      setState({ status: 'submitting', built, preview })
      const { txId, state: tx } = await submitSpendBundle(client, spendBundle, Date.now)
      if (tx.status === 'failed') {
        setState({ status: 'failed', message: tx.reason, code: tx.code, built, preview })
        return
      }
      const d = built.description
      const childHex = bytesToPrefixedHex(built.watch.expectedChildId)
      if (d.action === 'lock') {
        addPendingCollateral(launcherId, {
          coinId: childHex,
          parentCoinInfo: bytesToPrefixedHex(built.watch.spentCoinId),
          puzzleHash: '0x',
          amount: d.amount,
          kind: d.format,
          counted: false,
          lifecycle: 'pending',
          releasing: false,
          ownerPuzzleHash: bytesToPrefixedHex(d.lockerPuzzleHash),
          ...(d.unlockTime !== undefined ? { unlockTime: d.unlockTime } : {}),
        })
      }
      setState({ status: 'tracking', built, preview, tx })
      abort.current?.abort()
      const controller = new AbortController()
      abort.current = controller
      void refreshCollateral()
      const final = await watchTransaction(
        client,
        { txId, spentCoinId: built.watch.spentCoinId, expectedChildId: built.watch.expectedChildId },
        { now: Date.now, sleep, intervalMs: 2_000, signal: controller.signal, onState: (t) => setState({ status: 'tracking', built, preview, tx: t }) },
        tx,
      )
      if (final.status === 'confirmed') await settleCollateral(launcherId, bytesToPrefixedHex(d.collateralCoinId), d.action)
      else await refreshCollateral()
      if (d.action === 'lock' && (final.status === 'confirmed' || final.status === 'failed')) removePendingCollateral(launcherId, childHex)
      if (final.status === 'confirmed') setState({ status: 'confirmed', built, preview, tx: final })
      else if (final.status === 'failed') setState({ status: 'failed', message: final.reason, code: final.code, built, preview })
      else setState({ status: 'tracking', built, preview, tx: final })
    } catch (e) {
      setState({ status: 'failed', ...problem(e), built, preview })
    }
  }, [state, wallet, env.network, launcherId])

  const reset = useCallback(() => {
    abort.current?.abort()
    setState({ status: 'idle' })
  }, [])

  return { state, prepareLock, prepareRelease, confirm, reset }
}

export class CollateralWalletMissingError extends AppError {
  override name = 'CollateralWalletMissingError' as const
  constructor() {
    super('Connect a wallet first.')
  }
}
