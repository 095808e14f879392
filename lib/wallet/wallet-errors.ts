/**
 * Typed wallet failures (issue 6, STYLE.md "Errors"). Every connector — WalletConnect, injected
 * CHIP-0002, devnet burner — throws only these, so flows and routes map them to one set of codes.
 */
import { AppError } from '@/lib/chia/errors/app-error'

/** Stable codes the UI and routes use (`{ error: { code, message } }`). */
export type WalletErrorCode =
  | 'walletRejected'
  | 'walletTimedOut'
  | 'walletNetworkMismatch'
  | 'walletMethodUnsupported'
  | 'walletSessionExpired'
  | 'walletUnavailable'
  | 'walletBadReply'
  | 'walletSignatureInvalid'
  | 'walletRequestFailed'

/** Base of every wallet error; `code` is what boundaries return. */
export abstract class WalletError extends AppError {
  abstract readonly code: WalletErrorCode
}

/** The user declined in the wallet (Sage answers `null`, CHIP-0002 4001/4002, GUI 5000). */
export class WalletRejectedError extends WalletError {
  override name = 'WalletRejectedError' as const
  readonly code = 'walletRejected' as const
  readonly method: string
  constructor({ method, cause }: { method: string; cause?: unknown }) {
    super('The request was rejected in the wallet.', { details: `method ${method}`, cause })
    this.method = method
  }
}

/** No answer within the allotted time (the user never confirmed, or the wallet is offline). */
export class WalletTimeoutError extends WalletError {
  override name = 'WalletTimeoutError' as const
  readonly code = 'walletTimedOut' as const
  readonly method: string
  readonly timeoutMs: number
  constructor({ method, timeoutMs }: { method: string; timeoutMs: number }) {
    super('The wallet did not answer in time. Open your wallet and try again.', {
      details: `method ${method} after ${timeoutMs} ms`,
    })
    this.method = method
    this.timeoutMs = timeoutMs
  }
}

/** The wallet is on another network than the app (e.g. Sage on testnet, app on mainnet). */
export class WalletNetworkMismatchError extends WalletError {
  override name = 'WalletNetworkMismatchError' as const
  readonly code = 'walletNetworkMismatch' as const
  readonly expected: string
  readonly actual: string
  constructor({ expected, actual }: { expected: string; actual: string }) {
    super(`Your wallet is on ${actual}, but this app uses ${expected}. Switch the wallet to ${expected} and connect again.`, {
      details: `expected ${expected}, got ${actual}`,
    })
    this.expected = expected
    this.actual = actual
  }
}

/** The wallet does not implement or did not grant a method (Sage 4001 "Unsupported method", GUI 3001, CHIP 4004). */
export class WalletMethodUnsupportedError extends WalletError {
  override name = 'WalletMethodUnsupportedError' as const
  readonly code = 'walletMethodUnsupported' as const
  readonly method: string
  constructor({ method, cause }: { method: string; cause?: unknown }) {
    super(`This wallet does not support ${method}.`, { details: `method ${method}`, cause })
    this.method = method
  }
}

/** The WalletConnect session is gone (deleted by the wallet, expired, or unknown after reload). */
export class WalletSessionExpiredError extends WalletError {
  override name = 'WalletSessionExpiredError' as const
  readonly code = 'walletSessionExpired' as const
  readonly topic?: string
  constructor({ topic, cause }: { topic?: string; cause?: unknown } = {}) {
    super('The wallet session ended. Connect your wallet again.', {
      details: topic === undefined ? undefined : `session ${topic}`,
      cause,
    })
    this.topic = topic
  }
}

/** The connector cannot be used here (no `window.chia`, no project id, burner off devnet, relay down). */
export class WalletUnavailableError extends WalletError {
  override name = 'WalletUnavailableError' as const
  readonly code = 'walletUnavailable' as const
  readonly connector: string
  constructor({ connector, reason, cause }: { connector: string; reason: string; cause?: unknown }) {
    super(`${connector} is not available: ${reason}`, { details: `connector ${connector}`, cause })
    this.connector = connector
  }
}

/** The wallet answered with something that is not the documented shape. */
export class WalletBadReplyError extends WalletError {
  override name = 'WalletBadReplyError' as const
  readonly code = 'walletBadReply' as const
  readonly method: string
  constructor({ method, problem, reply }: { method: string; problem: string; reply: unknown }) {
    super('The wallet sent an unexpected reply.', {
      details: `method ${method}: ${problem}; reply ${preview(reply)}`,
    })
    this.method = method
  }
}

/** The aggregated signature the wallet returned does not sign the bundle (checked before broadcast). */
export class WalletSignatureInvalidError extends WalletError {
  override name = 'WalletSignatureInvalidError' as const
  readonly code = 'walletSignatureInvalid' as const
  constructor({ reason, signatureHex }: { reason: string; signatureHex: string }) {
    super('The wallet signature does not match the transaction; nothing was sent.', {
      details: `${reason}; signature ${signatureHex}`,
    })
  }
}

/** Any other error the wallet reported, with its own code and message kept. */
export class WalletRequestFailedError extends WalletError {
  override name = 'WalletRequestFailedError' as const
  readonly code = 'walletRequestFailed' as const
  readonly method: string
  readonly walletCode?: number
  constructor({ method, walletCode, message, cause }: { method: string; walletCode?: number; message: string; cause?: unknown }) {
    super(`The wallet could not complete the request: ${message}`, {
      details: `method ${method}${walletCode === undefined ? '' : `, wallet code ${walletCode}`}`,
      cause,
    })
    this.method = method
    this.walletCode = walletCode
  }
}

/** Type guard for any wallet error. */
export const isWalletError = (e: unknown): e is WalletError => e instanceof WalletError

/** The code a boundary reports for any thrown value: a wallet code, or `undefined` for other errors. */
export const walletErrorCode = (e: unknown): WalletErrorCode | undefined => (isWalletError(e) ? e.code : undefined)

function preview(value: unknown): string {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}
