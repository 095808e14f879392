import { bytesToPrefixedHex } from '@/lib/chia/primitives/bytes'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'

import { WalletError, WalletSignatureInvalidError } from './wallet-errors'
import type { SignatureVerifier } from './walletconnect-connector'

/**
 * Runs a connector's optional `SignatureVerifier` on a wallet's signature. A verifier that fails
 * with anything but a `WalletError` is reported as `WalletSignatureInvalidError`.
 *
 * @example
 * if (!partialSign) await checkWalletSignature(this.options.verifySignature, coinSpends, signature)
 */
export async function checkWalletSignature(
  verify: SignatureVerifier | undefined,
  coinSpends: readonly CoinSpend[],
  signature: Uint8Array,
): Promise<void> {
  if (!verify) return
  try {
    await verify(coinSpends, signature)
  } catch (e) {
    if (e instanceof WalletError) throw e
    throw new WalletSignatureInvalidError({ reason: e instanceof Error ? e.message : String(e), signatureHex: bytesToPrefixedHex(signature) })
  }
}
