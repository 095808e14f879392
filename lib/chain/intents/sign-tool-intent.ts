/**
 * The tool side of a signed intent: builds the exact message and the JSON body for
 * `POST /api/stores/<launcherId>/intents`, signed with a synthetic secret key (what a wallet's
 * `signMessage` does). Used by the commit-hook CLI and by tests; a tool holding its key in a
 * wallet can sign `toolIntentMessage(…)` there instead.
 */
import { secretKeyToPublicKey, type SecretKey } from '@/lib/chia/keys/secret-key'
import { signMessage } from '@/lib/chia/keys/sign-message'
import { bytesToHex, utf8ToBytes } from '@/lib/chia/primitives/bytes'

import { toolIntentMessage, type ToolIntentFields } from './tool-intent'

/**
 * The JSON body of a signed intent.
 * @example const body = signedToolIntentBody({ network: 'mainnet', launcherId, rootHash, bytes: 1024n, nonce, expiry }, syntheticSecretKey)
 */
export function signedToolIntentBody(fields: ToolIntentFields, syntheticSecretKey: SecretKey) {
  const signature = signMessage(syntheticSecretKey, utf8ToBytes(toolIntentMessage(fields)))
  return {
    rootHash: fields.rootHash,
    bytes: fields.bytes.toString(),
    ...(fields.label !== undefined ? { label: fields.label } : {}),
    ...(fields.description !== undefined ? { description: fields.description } : {}),
    nonce: fields.nonce,
    expiry: fields.expiry,
    publicKey: bytesToHex(secretKeyToPublicKey(syntheticSecretKey)),
    signature: bytesToHex(signature),
  }
}
