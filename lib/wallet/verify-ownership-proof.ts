/**
 * Checks a wallet's proof of address ownership (wallets.md §2e "Ownership-proof recipe"): the
 * CHIP-0002 message signature must verify for the returned public key, and that key's standard
 * puzzle must be the address's puzzle hash (Sage and the GUI both sign with the synthetic key of
 * the address).
 */
import { addressToPuzzleHash } from '@/lib/chia/keys/address'
import { verifySignedMessage } from '@/lib/chia/keys/sign-message'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { equalBytes, utf8ToBytes } from '@/lib/chia/primitives/bytes'

import type { SignedMessage } from './wallet'

/**
 * True when `signed` proves control of `address` for the UTF-8 `message`.
 *
 * @example
 * verifyOwnershipProof({ message, address, ...(await wallet.signMessage({ message, address })) })
 */
export function verifyOwnershipProof({ message, address, publicKey, signature }: { message: string; address: string } & SignedMessage): boolean {
  let puzzleHash: Uint8Array
  try {
    puzzleHash = addressToPuzzleHash(address)
  } catch {
    return false
  }
  if (publicKey.length !== 48 || signature.length !== 96) return false
  let keyMatches: boolean
  try {
    keyMatches = equalBytes(standardPuzzleHash(publicKey), puzzleHash)
  } catch {
    return false
  }
  if (!keyMatches) return false
  try {
    return verifySignedMessage(publicKey, utf8ToBytes(message), signature)
  } catch {
    return false
  }
}
