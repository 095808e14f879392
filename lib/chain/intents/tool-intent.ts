/**
 * A desired store state queued by a tool (a commit hook, CI) — PRODUCT.md §3 "External tools".
 * The tool signs a plain-text message with CHIP-0002 `signMessage` (`sha256tree(("Chia Signed
 * Message" . message))`, AugScheme, the key's synthetic key — what `chia wallet sign_message`,
 * Sage's `chia_signMessageByAddress` and lib/chia `signMessage` all produce). The message is not
 * all-hex, so every wallet hashes it as UTF-8 (wallets.md "Ownership-proof recipe"). It names the
 * network and the store, so a signature cannot be replayed on another store or chain; the nonce
 * and expiry stop replays on the same one.
 */
import { z } from 'zod'

import { AppError } from '@/lib/chia/errors/app-error'
import { verifySignedMessage } from '@/lib/chia/keys/sign-message'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { bytesToHex, hexToBytes, utf8ToBytes } from '@/lib/chia/primitives/bytes'

/** The longest an intent may be valid for (tools should use minutes to hours). */
export const MAX_INTENT_LIFETIME_SECONDS = 7 * 24 * 3600

export interface ToolIntentFields {
  network: string
  /** Hex, no prefix, lowercase. */
  launcherId: string
  /** Hex, no prefix, lowercase. */
  rootHash: string
  bytes: bigint
  label?: string
  description?: string
  nonce: string
  /** Unix seconds. */
  expiry: number
}

export interface ToolIntent extends ToolIntentFields {
  id: string
  /** Hex synthetic public key that signed. */
  publicKey: string
  signature: string
  role: 'owner' | 'admin' | 'writer'
  receivedAt: number
}

const hexOf = (len: number) =>
  z
    .string()
    .transform((s) => s.trim().replace(/^0x/i, '').toLowerCase())
    .pipe(z.string().regex(new RegExp(`^[0-9a-f]{${len}}$`), `must be ${len / 2} bytes of hex`))

const oneLine = (max: number) => z.string().max(max).regex(/^[^\r\n]*$/, 'must be a single line')

/** The JSON a tool POSTs to `/api/stores/<launcherId>/intents`. */
export const toolIntentBodySchema = z.object({
  rootHash: hexOf(64),
  bytes: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]).transform((v) => BigInt(v)),
  label: oneLine(200).optional(),
  description: oneLine(2000).optional(),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8–128 characters of A–Z, a–z, 0–9, _ or -'),
  expiry: z.number().int().positive(),
  publicKey: hexOf(96),
  signature: hexOf(192),
})

export type ToolIntentBody = z.output<typeof toolIntentBodySchema>

/**
 * The exact text a tool signs (lines joined by `\n`, absent label/description lines omitted).
 *
 * @example
 * toolIntentMessage({ network: 'mainnet', launcherId, rootHash, bytes: 1024n, nonce: 'a1b2c3d4', expiry: 1767225600 })
 * // 'DataLayer Studio intent v1\nnetwork: mainnet\nstore: …\nroot: …\nbytes: 1024\nnonce: a1b2c3d4\nexpiry: 1767225600'
 */
export function toolIntentMessage(f: ToolIntentFields): string {
  return [
    'DataLayer Studio intent v1',
    `network: ${f.network}`,
    `store: ${f.launcherId}`,
    `root: ${f.rootHash}`,
    `bytes: ${f.bytes}`,
    ...(f.label !== undefined ? [`label: ${f.label}`] : []),
    ...(f.description !== undefined ? [`description: ${f.description}`] : []),
    `nonce: ${f.nonce}`,
    `expiry: ${f.expiry}`,
  ].join('\n')
}

export class ToolIntentRejectedError extends AppError {
  override name = 'ToolIntentRejectedError' as const
  readonly code: 'BAD_SIGNATURE' | 'EXPIRED' | 'EXPIRY_TOO_FAR' | 'NOT_AUTHORIZED' | 'STORE_MELTED' | 'NONCE_REUSED'
  readonly status: number
  constructor({ code, message, status, details }: { code: ToolIntentRejectedError['code']; message: string; status: number; details?: string }) {
    super(message, { details })
    this.code = code
    this.status = status
  }
}

/** The parts of a store's current state that decide who may queue intents. */
export interface IntentAuthorityState {
  melted: boolean
  ownerPuzzleHash: string
  /** Hex inner puzzle hashes (any case, optional 0x) of admins and writers. */
  admins: string[]
  writers: string[]
}

const norm = (h: string) => h.replace(/^0x/i, '').toLowerCase()

/**
 * Checks the signature, the expiry window and that the key is the store's owner, an admin or a
 * writer; returns the verified intent (without id). Throws {@link ToolIntentRejectedError}.
 *
 * @example
 * const intent = verifyToolIntent(body, { network: 'mainnet', launcherId, state, nowSeconds: Math.floor(Date.now() / 1000) })
 */
export function verifyToolIntent(
  body: ToolIntentBody,
  { network, launcherId, state, nowSeconds }: { network: string; launcherId: string; state: IntentAuthorityState; nowSeconds: number },
): Omit<ToolIntent, 'id' | 'receivedAt'> {
  const fields: ToolIntentFields = {
    network,
    launcherId: norm(launcherId),
    rootHash: body.rootHash,
    bytes: body.bytes,
    ...(body.label !== undefined ? { label: body.label } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    nonce: body.nonce,
    expiry: body.expiry,
  }
  if (body.expiry <= nowSeconds) throw new ToolIntentRejectedError({ code: 'EXPIRED', status: 400, message: 'This intent has expired.', details: `expiry ${body.expiry} ≤ now ${nowSeconds}` })
  if (body.expiry > nowSeconds + MAX_INTENT_LIFETIME_SECONDS) {
    throw new ToolIntentRejectedError({ code: 'EXPIRY_TOO_FAR', status: 400, message: 'An intent may be valid for at most 7 days.' })
  }
  const publicKey = hexToBytes(body.publicKey)
  let ok = false
  try {
    ok = verifySignedMessage(publicKey, utf8ToBytes(toolIntentMessage(fields)), hexToBytes(body.signature))
  } catch {
    ok = false
  }
  if (!ok) {
    throw new ToolIntentRejectedError({
      code: 'BAD_SIGNATURE',
      status: 401,
      message: 'The signature does not match this intent (sign the exact message, CHIP-0002 signMessage).',
    })
  }
  if (state.melted) throw new ToolIntentRejectedError({ code: 'STORE_MELTED', status: 409, message: 'This store was melted.' })
  const puzzleHash = bytesToHex(standardPuzzleHash(publicKey))
  const role = norm(state.ownerPuzzleHash) === puzzleHash ? 'owner' : state.admins.map(norm).includes(puzzleHash) ? 'admin' : state.writers.map(norm).includes(puzzleHash) ? 'writer' : undefined
  if (!role) {
    throw new ToolIntentRejectedError({
      code: 'NOT_AUTHORIZED',
      status: 403,
      message: 'This key is not the owner, an admin or a writer of the store.',
      details: `key puzzle hash ${puzzleHash}`,
    })
  }
  return { ...fields, publicKey: body.publicKey, signature: body.signature, role }
}
