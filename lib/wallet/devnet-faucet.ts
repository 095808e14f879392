import 'server-only'

/**
 * The devnet faucet behind `POST /api/faucet`: farms a block to the address (simulator
 * `farm_block`, the reward coins go to it) and issues devnet DIG test CAT (`create_dig`).
 * Only ever called when CHIA_NETWORK=devnet; the route refuses otherwise.
 */
import { AppError } from '@/lib/chia/errors/app-error'
import { addressToPuzzleHash } from '@/lib/chia/keys/address'

/** Default grant: one farmed block of XCH and 1,000 DIG (1 DIG = 1,000 mojos). */
export const FAUCET_BLOCKS = 1
export const FAUCET_DIG_MOJOS = 1_000_000n

export interface FaucetGrant {
  address: string
  blocks: number
  digMojos: string
  /** The devnet DIG test CAT's asset id (0x-hex), when DIG was issued. */
  digAssetId?: string
}

/** The devnet RPC did not do what the faucet asked. */
export class FaucetFailedError extends AppError {
  override name = 'FaucetFailedError' as const
  constructor({ method, reason, cause }: { method: string; reason: string; cause?: unknown }) {
    super('The devnet faucet could not fund the address. Is the devnet running?', { details: `${method}: ${reason}`, cause })
  }
}

async function call(fetchImpl: typeof fetch, rpcUrl: string, method: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  let response: Response
  try {
    response = await fetchImpl(`${rpcUrl.replace(/\/+$/, '')}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    })
  } catch (cause) {
    throw new FaucetFailedError({ method, reason: 'devnet unreachable', cause })
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>
  if (!response.ok || json.success === false) {
    throw new FaucetFailedError({ method, reason: typeof json.error === 'string' ? json.error : `HTTP ${response.status}` })
  }
  return json
}

/**
 * Funds a devnet address with XCH (farmed block rewards) and DIG test CAT.
 * Validates the address first (a `txch` bech32m address; throws `InvalidAddressError` and friends).
 *
 * @example
 * await requestDevnetFunds({ rpcUrl: 'http://127.0.0.1:18555', address: 'txch1…' })
 */
export async function requestDevnetFunds({
  rpcUrl,
  address,
  fetchImpl = fetch,
  blocks = FAUCET_BLOCKS,
  digMojos = FAUCET_DIG_MOJOS,
}: {
  rpcUrl: string
  address: string
  fetchImpl?: typeof fetch
  blocks?: number
  digMojos?: bigint
}): Promise<FaucetGrant> {
  addressToPuzzleHash(address, 'txch')
  await call(fetchImpl, rpcUrl, 'farm_block', { address, blocks, guarantee_tx_block: true })
  if (digMojos === 0n) return { address, blocks, digMojos: '0' }
  const dig = await call(fetchImpl, rpcUrl, 'create_dig', { address, amount: Number(digMojos) })
  return { address, blocks, digMojos: digMojos.toString(), digAssetId: typeof dig.asset_id === 'string' ? dig.asset_id : undefined }
}
