/**
 * CHIP-0002 message signing: the signed digest is `sha256tree(("Chia Signed Message" . message))`,
 * signed with AugSchemeMPL by the raw key given (wallets use the address's synthetic key).
 * Spec: https://github.com/Chia-Network/chips/blob/main/CHIPs/chip-0002.md (signMessage);
 * datalayer-protocol.md §2.5; driver `signMessage` / `verifySignedMessage`.
 */
import { atomHash, pairHash } from '../clvm/tree-hash'
import { type Bytes32, utf8ToBytes } from '../primitives/bytes'
import { blsSign, blsVerify, type Signature } from './bls'
import type { PublicKey } from './public-key'
import type { SecretKey } from './secret-key'

const PREFIX_HASH = atomHash(utf8ToBytes('Chia Signed Message'))

/**
 * The digest a CHIP-0002 wallet signs for `message`.
 * @example bytesToHex(signedMessageDigest(utf8ToBytes('hello datalayer'))) // '9b9324a3…c995'
 */
export function signedMessageDigest(message: Uint8Array): Bytes32 {
  return pairHash(PREFIX_HASH, atomHash(message))
}

/**
 * Signs a message the CHIP-0002 way (driver `signMessage`).
 * @example const signature = signMessage(syntheticSecretKey, utf8ToBytes('DIG login…'))
 */
export function signMessage(secretKey: SecretKey, message: Uint8Array): Signature {
  return blsSign(secretKey, signedMessageDigest(message))
}

/**
 * Verifies a CHIP-0002 message signature (driver `verifySignedMessage`).
 * @example verifySignedMessage(publicKey, message, signature) // true
 */
export function verifySignedMessage(publicKey: PublicKey, message: Uint8Array, signature: Signature): boolean {
  return blsVerify(publicKey, signedMessageDigest(message), signature)
}
