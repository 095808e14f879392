/**
 * Checks a wallet's aggregated signature before anything is broadcast (wallets.md §5.3): it must
 * be 96 bytes and must verify against every AGG_SIG the coin spends require, using lib/chia's own
 * signing rules (so a wallet that signed the wrong network, skipped a key, or returned the
 * infinity signature is caught in the browser, not by the mempool).
 */
import { bytesToPrefixedHex } from '@/lib/chia/primitives/bytes'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { type SigningContext, verifySpendBundle } from '@/lib/chia/spends/sign-coin-spends'

import { WalletSignatureInvalidError } from './wallet-errors'
import { SIGNATURE_LENGTH } from './wallet-replies'
import type { SignatureVerifier } from './walletconnect-connector'

/**
 * Throws `WalletSignatureInvalidError` unless `signature` signs `coinSpends` on this network.
 *
 * @example
 * verifyWalletSignature(coinSpends, signature, { genesisChallenge: MAINNET_GENESIS_CHALLENGE, runner })
 */
export function verifyWalletSignature(coinSpends: readonly CoinSpend[], signature: Uint8Array, context: SigningContext): void {
  const signatureHex = bytesToPrefixedHex(signature)
  if (signature.length !== SIGNATURE_LENGTH) {
    throw new WalletSignatureInvalidError({ reason: `signature is ${signature.length} bytes, expected ${SIGNATURE_LENGTH}`, signatureHex })
  }
  let valid: boolean
  try {
    valid = verifySpendBundle({ coinSpends: [...coinSpends], aggregatedSignature: signature }, context)
  } catch (cause) {
    throw new WalletSignatureInvalidError({ reason: cause instanceof Error ? cause.message.split('\n')[0] : String(cause), signatureHex })
  }
  if (!valid) throw new WalletSignatureInvalidError({ reason: 'the aggregated signature does not verify against the coin spends', signatureHex })
}

/**
 * A `SignatureVerifier` for the connectors, bound to a network's genesis challenge and a runner.
 *
 * @example
 * createWalletConnectConnector({ …, verifySignature: walletSignatureVerifier({ genesisChallenge, runner }) })
 */
export const walletSignatureVerifier =
  (context: SigningContext | (() => Promise<SigningContext>)): SignatureVerifier =>
  async (coinSpends, signature) =>
    verifyWalletSignature(coinSpends, signature, typeof context === 'function' ? await context() : context)
