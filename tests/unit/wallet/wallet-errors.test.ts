import { describe, expect, it } from 'vitest'

import { AppError } from '@/lib/chia/errors/app-error'
import {
  isWalletError,
  WalletBadReplyError,
  WalletMethodUnsupportedError,
  WalletNetworkMismatchError,
  WalletRejectedError,
  WalletRequestFailedError,
  WalletSessionExpiredError,
  WalletSignatureInvalidError,
  WalletTimeoutError,
  WalletUnavailableError,
  walletErrorCode,
} from '@/lib/wallet/wallet-errors'

describe('wallet errors', () => {
  const cases = [
    [new WalletRejectedError({ method: 'chip0002_signCoinSpends' }), 'WalletRejectedError', 'walletRejected', 'chip0002_signCoinSpends'],
    [new WalletTimeoutError({ method: 'chip0002_signCoinSpends', timeoutMs: 900000 }), 'WalletTimeoutError', 'walletTimedOut', '900000 ms'],
    [new WalletNetworkMismatchError({ expected: 'chia:mainnet', actual: 'chia:testnet' }), 'WalletNetworkMismatchError', 'walletNetworkMismatch', 'chia:testnet'],
    [new WalletMethodUnsupportedError({ method: 'chip0002_getPublicKeys' }), 'WalletMethodUnsupportedError', 'walletMethodUnsupported', 'chip0002_getPublicKeys'],
    [new WalletSessionExpiredError({ topic: 'abc123' }), 'WalletSessionExpiredError', 'walletSessionExpired', 'abc123'],
    [new WalletUnavailableError({ connector: 'Browser wallet', reason: 'no window.chia' }), 'WalletUnavailableError', 'walletUnavailable', 'Browser wallet'],
    [new WalletBadReplyError({ method: 'chip0002_getPublicKeys', problem: 'not a list', reply: { x: 1 } }), 'WalletBadReplyError', 'walletBadReply', '{"x":1}'],
    [new WalletSignatureInvalidError({ reason: 'aggregate verify failed', signatureHex: '0xc0' }), 'WalletSignatureInvalidError', 'walletSignatureInvalid', '0xc0'],
    [new WalletRequestFailedError({ method: 'm', walletCode: 4001, message: 'UnknownPublicKey' }), 'WalletRequestFailedError', 'walletRequestFailed', '4001'],
  ] as const

  it.each(cases)('%o has a literal name, a code and its evidence', (error, name, code, evidence) => {
    expect(error).toBeInstanceOf(AppError)
    expect(error.name).toBe(name)
    expect(error.code).toBe(code)
    expect(walletErrorCode(error)).toBe(code)
    expect(isWalletError(error)).toBe(true)
    expect(error.shortMessage.length).toBeGreaterThan(0)
    expect(error.shortMessage).not.toContain('\n')
    expect(`${error.shortMessage} ${error.details ?? ''}`).toContain(evidence)
  })

  it('codes are distinct', () => {
    expect(new Set(cases.map(([, , code]) => code)).size).toBe(cases.length)
  })

  it('non-wallet errors have no wallet code', () => {
    expect(walletErrorCode(new Error('x'))).toBeUndefined()
    expect(walletErrorCode(new AppError('x'))).toBeUndefined()
    expect(isWalletError('walletRejected')).toBe(false)
  })

  it('the mismatch message tells the user what to switch to', () => {
    expect(new WalletNetworkMismatchError({ expected: 'chia:mainnet', actual: 'chia:testnet' }).shortMessage).toMatch(/Switch the wallet to chia:mainnet/)
  })

  it('bad-reply details are truncated', () => {
    const e = new WalletBadReplyError({ method: 'm', problem: 'p', reply: 'x'.repeat(1000) })
    expect(e.details!.length).toBeLessThan(300)
  })
})
