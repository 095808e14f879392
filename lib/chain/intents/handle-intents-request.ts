/**
 * `POST /api/stores/<launcherId>/intents` (a tool queues a signed desired state) and `GET` (the
 * dashboard lists them), with the chain, the intent store, the clock and ids injected so the
 * route stays three lines and the tests need no server.
 */
import { AppError } from '@/lib/chia/errors/app-error'
import { hexToBytes32, type Bytes32 } from '@/lib/chia/primitives/bytes'
import { stringifyLosslessJson } from '@/lib/chain/lossless-json'
import { describeStoreIdProblem, normalizeStoreId } from '@/lib/store-id'

import type { IntentStore } from './file-intent-store'
import { type IntentAuthorityState, type ToolIntent, ToolIntentRejectedError, toolIntentBodySchema, verifyToolIntent } from './tool-intent'

export interface IntentsDeps {
  network: string
  /** The store's current state, `undefined` when the chain does not know it. */
  loadState(launcherId: Bytes32): Promise<(IntentAuthorityState & { rootHash: string }) | undefined>
  intents: IntentStore
  nowMs(): number
  newId(): string
}

export type ToolIntentStatus = 'pending' | 'applied' | 'expired'

const json = (status: number, body: unknown) =>
  new Response(stringifyLosslessJson(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } })
const error = (status: number, code: string, message: string, extra: Record<string, unknown> = {}) => json(status, { error: { code, message, ...extra } })

async function withStore(storeId: string, deps: IntentsDeps, f: (launcherId: string, state: IntentAuthorityState & { rootHash: string }) => Promise<Response>) {
  const launcherId = normalizeStoreId(storeId)
  if (!launcherId) return error(400, 'INVALID_STORE_ID', describeStoreIdProblem(storeId))
  try {
    const state = await deps.loadState(hexToBytes32(launcherId))
    if (!state) return error(404, 'STORE_NOT_FOUND', `No store with id 0x${launcherId} exists on ${deps.network}.`)
    return await f(launcherId, state)
  } catch (e) {
    if (e instanceof ToolIntentRejectedError) return error(e.status, e.code, e.shortMessage)
    if (e instanceof AppError) {
      console.error('intents', e)
      return error(502, 'CHAIN_UNAVAILABLE', e.shortMessage)
    }
    console.error('intents', e)
    return error(500, 'INTERNAL', 'Internal error.')
  }
}

/**
 * Verifies and stores a signed intent; 201 with the intent, or 400/401/403/404/409.
 * @example return handleIntentsPost(req, (await ctx.params).launcherId, deps)
 */
export async function handleIntentsPost(req: Request, storeId: string, deps: IntentsDeps): Promise<Response> {
  let raw: unknown
  try {
    raw = await req.json()
  } catch {
    return error(400, 'INVALID_JSON', 'The body must be JSON.')
  }
  const parsed = toolIntentBodySchema.safeParse(raw)
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'body', i.message]))
    return error(400, 'INVALID_INTENT', 'The intent has invalid fields.', { fields })
  }
  return withStore(storeId, deps, async (launcherId, state) => {
    const nowMs = deps.nowMs()
    const verified = verifyToolIntent(parsed.data, { network: deps.network, launcherId, state, nowSeconds: Math.floor(nowMs / 1000) })
    const existing = await deps.intents.list(launcherId)
    if (existing.some((i) => i.nonce === verified.nonce && i.publicKey === verified.publicKey)) {
      return error(409, 'NONCE_REUSED', 'This nonce was already used by this key for this store.')
    }
    const intent: ToolIntent = { ...verified, id: deps.newId(), receivedAt: nowMs }
    await deps.intents.add(intent)
    return json(201, { intent: { ...intent, status: 'pending' as ToolIntentStatus } })
  })
}

/**
 * Lists a store's tool intents with their status (applied = the chain has that root now).
 * @example return handleIntentsGet((await ctx.params).launcherId, deps)
 */
export async function handleIntentsGet(storeId: string, deps: IntentsDeps): Promise<Response> {
  return withStore(storeId, deps, async (launcherId, state) => {
    const nowSeconds = Math.floor(deps.nowMs() / 1000)
    const chainRoot = state.rootHash.replace(/^0x/i, '').toLowerCase()
    const intents = (await deps.intents.list(launcherId)).map((i) => ({
      ...i,
      status: (i.rootHash === chainRoot ? 'applied' : i.expiry <= nowSeconds ? 'expired' : 'pending') as ToolIntentStatus,
    }))
    return json(200, { launcherId: `0x${launcherId}`, intents })
  })
}
