/**
 * Maps whatever a wallet or the WalletConnect SDK threw to one typed wallet error.
 *
 * Codes (wallets.md §2): CHIP-0002 4000 invalid params, 4001 unauthorized (Goby: "User rejected
 * the request."; Sage: 4001 "Unsupported method: X" and other failures), 4002 user rejected,
 * 4004 method not found, 4005 no secret key; Chia GUI 3001 method not granted / fingerprint not
 * allowed, 5000 user rejected, 5100 unsupported chain, -32601 method not found; WalletConnect
 * SDK 5000 USER_REJECTED, 5100–5103 unsupported chains/methods, and plain `Error`s for a missing
 * session or an unapproved chainId.
 */
import { WalletError, WalletMethodUnsupportedError, WalletNetworkMismatchError, WalletRejectedError, WalletRequestFailedError, WalletSessionExpiredError } from './wallet-errors'

const messageOf = (e: unknown): string => {
  if (typeof e === 'string') return e
  if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') return e.message
  return ''
}

const codeOf = (e: unknown): number | undefined => {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'number') return e.code
  return undefined
}

/**
 * Converts an RPC error object (`{code, message}`) or an SDK `Error` into a `WalletError`.
 * Wallet errors pass through unchanged.
 */
export function walletErrorFromRpc(method: string, error: unknown, context: { expectedChain?: string } = {}): WalletError {
  if (error instanceof WalletError) return error
  const code = codeOf(error)
  const message = messageOf(error)

  if (/unsupported method|method not found|not supported|unknown method|not allowed for (this command|dapp)/i.test(message) || code === 4004 || code === -32601 || code === 5101 || code === 3001) {
    return new WalletMethodUnsupportedError({ method, cause: error })
  }
  // Sage sends every failure as 4001 with free text, so 4001 alone does not mean "rejected";
  // Goby's rejection is 4001 "User rejected the request.", CHIP-0002's is 4001 "unauthorized".
  if (/reject|denied|cancel|unauthori[sz]ed/i.test(message) || code === 4002 || code === 5000) {
    return new WalletRejectedError({ method, cause: error })
  }
  if (code === 5100 || code === 5102 || /request\(\) chainId|unsupported chain/i.test(message)) {
    return new WalletNetworkMismatchError({ expected: context.expectedChain ?? 'the app network', actual: message || `code ${code}` })
  }
  if (/no matching key|session topic doesn't exist|session.*(expired|deleted)|expired session/i.test(message) || code === 6000) {
    return new WalletSessionExpiredError({ cause: error })
  }
  return new WalletRequestFailedError({ method, walletCode: code, message: message || 'unknown error', cause: error })
}
