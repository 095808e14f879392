/**
 * Submit a signed bundle and follow it to confirmation: `push_tx`, then poll the watched coin,
 * the mempool and the peak until confirmed at the wanted depth, failed, or timed out. Clock and
 * sleep are injected so the flows and the tests control time.
 */
import { bytesToHex, type Bytes32 } from '@/lib/chia/primitives/bytes'
import type { SpendBundle } from '@/lib/chia/primitives/coin-spend'

import type { ChainClient } from './rpc-client'
import { RpcError } from './rpc-error'
import { spendBundleId } from './spend-bundle-id'
import { initialTxState, nextTxState, type TxEvent, type TxState } from './tx-tracker'

export type WatchOptions = {
  now: () => number
  sleep: (ms: number) => Promise<void>
  /** Poll period; Chia transaction blocks are ~52 s apart, so a few seconds is plenty. */
  intervalMs?: number
  /** After this, the state becomes `timed-out` and watching stops (PRODUCT.md: 120 s). */
  timeoutMs?: number
  /** Stop once the confirmation is this deep. */
  targetDepth?: number
  onState?: (state: TxState) => void
  signal?: AbortSignal
}

export type WatchTarget = {
  txId: Bytes32
  /** A coin the bundle spends (e.g. the store coin). */
  spentCoinId: Bytes32
  /** A coin the bundle creates (e.g. the next store coin): tells "ours" from "someone else's spend". */
  expectedChildId?: Bytes32
}

/**
 * Polls until the transaction is settled, timed out, or aborted; returns the last state.
 *
 * @example
 * const final = await watchTransaction(client, { txId, spentCoinId }, { now: Date.now, sleep, onState: setState })
 */
export async function watchTransaction(
  client: ChainClient,
  target: WatchTarget,
  { now, sleep, intervalMs = 3_000, timeoutMs = 120_000, targetDepth = 1, onState, signal }: WatchOptions,
  initial: TxState = initialTxState(bytesToHex(target.txId), now()),
): Promise<TxState> {
  let state = initial
  // A "dropped" verdict is final, so it is only given when a second look one poll later agrees.
  let dropSuspected = false
  for (;;) {
    if (signal?.aborted) return state
    const next = nextTxState(state, await observeTransaction(client, target, now), { timeoutMs })
    if (next.status === 'failed' && next.code === 'DROPPED' && !dropSuspected) {
      // The mempool read may have come after a block and the coin read from a cache filled
      // before it (the proxy keeps tip answers briefly): look again before calling it dropped.
      dropSuspected = true
      await sleep(intervalMs)
      continue
    }
    dropSuspected = false
    if (JSON.stringify(next) !== JSON.stringify(state)) onState?.(next)
    state = next
    if (state.status === 'failed' || state.status === 'timed-out') return state
    if (state.status === 'confirmed' && state.depth >= targetDepth) return state
    await sleep(intervalMs)
  }
}

/**
 * One observation. The mempool is read first and the coin after it: a block that lands between
 * the two reads takes the bundle out of the mempool and shows in the coin's record, so a confirmed
 * transaction is never seen as "neither in the mempool nor spent" (read in parallel, the coin
 * could be read before the block and the mempool after it).
 *
 * @example
 * const event = await observeTransaction(client, { txId, spentCoinId }, Date.now)
 */
export async function observeTransaction(
  client: Pick<ChainClient, 'getCoinRecordByName' | 'getMempoolItemByTxId' | 'getBlockchainState'>,
  target: WatchTarget,
  now: () => number,
): Promise<Extract<TxEvent, { type: 'observed' }>> {
  const mempoolItem = await client.getMempoolItemByTxId(target.txId)
  const [record, chainState] = await Promise.all([client.getCoinRecordByName(target.spentCoinId), client.getBlockchainState()])
  const spentHeight = record?.spentBlockIndex ?? 0
  const childConfirmed =
    spentHeight > 0 && target.expectedChildId ? (await client.getCoinRecordByName(target.expectedChildId)) !== undefined : undefined
  return { type: 'observed', inMempool: mempoolItem !== undefined, spentHeight, childConfirmed, peakHeight: chainState.peak?.height ?? 0, at: now() }
}

/**
 * Sends the bundle with `push_tx` and returns its id and first state (`in-mempool`, or `failed`
 * with the node's reason, e.g. DOUBLE_SPEND). Transport failures are thrown: nothing is known.
 *
 * @example
 * const { txId, state } = await submitSpendBundle(client, bundle, Date.now)
 */
export async function submitSpendBundle(
  client: ChainClient,
  bundle: SpendBundle,
  now: () => number,
): Promise<{ txId: Bytes32; state: TxState }> {
  const txId = spendBundleId(bundle)
  const initial = initialTxState(bytesToHex(txId), now())
  try {
    const status = await client.pushTx(bundle)
    return { txId, state: nextTxState(initial, { type: 'pushed', status, at: now() }, { timeoutMs: Infinity }) }
  } catch (e) {
    if (!(e instanceof RpcError)) throw e
    const code = typeof e.data?.error === 'string' ? e.data.error : (/error (\w+)/.exec(e.upstreamMessage)?.[1] ?? e.code)
    return { txId, state: nextTxState(initial, { type: 'push-failed', reason: e.upstreamMessage, code, at: now() }, { timeoutMs: Infinity }) }
  }
}
