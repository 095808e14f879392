import { describe, expect, it } from 'vitest'

import { walletErrorFromRpc } from '@/lib/wallet/wallet-error-from-rpc'
import {
  WalletMethodUnsupportedError,
  WalletNetworkMismatchError,
  WalletRejectedError,
  WalletRequestFailedError,
  WalletSessionExpiredError,
  WalletTimeoutError,
} from '@/lib/wallet/wallet-errors'

const m = 'chip0002_signCoinSpends'

describe('walletErrorFromRpc', () => {
  it.each([
    [{ code: 4001, message: 'Unsupported method: chia_getWallets' }, WalletMethodUnsupportedError], // Sage
    [{ code: 4004, message: 'Method not found' }, WalletMethodUnsupportedError], // CHIP-0002
    [{ code: -32601, message: 'Method not found' }, WalletMethodUnsupportedError], // GUI
    [{ code: 3001, message: 'Fingerprint not allowed for this command' }, WalletMethodUnsupportedError], // GUI
    [{ code: 4001, message: 'User rejected the request.' }, WalletRejectedError], // Goby
    [{ code: 4002, message: 'User rejected' }, WalletRejectedError], // CHIP-0002
    [{ code: 5000, message: 'User rejected.' }, WalletRejectedError], // GUI / WC SDK
    [{ code: 4001, message: 'Unauthorized' }, WalletRejectedError], // CHIP-0002 4001
    [{ code: 5100, message: 'Unsupported chains.' }, WalletNetworkMismatchError], // GUI
    [new Error("Missing or invalid. request() chainId: chia:mainnet, chainId doesn't exist"), WalletNetworkMismatchError], // SDK
    [new Error("No matching key. session topic doesn't exist: abc"), WalletSessionExpiredError], // SDK
    [{ code: 4001, message: 'UnknownPublicKey' }, WalletRequestFailedError], // Sage signing failure
    [{ code: -32603, message: 'Internal error', data: 'traceback' }, WalletRequestFailedError], // GUI
    ['boom', WalletRequestFailedError],
  ])('%j → %o', (input, type) => {
    const error = walletErrorFromRpc(m, input, { expectedChain: 'chia:testnet' })
    expect(error).toBeInstanceOf(type)
    expect(error.cause ?? input).toBe(input)
  })

  it('keeps the wallet code and message of other failures', () => {
    const error = walletErrorFromRpc(m, { code: 4001, message: 'UnknownPublicKey' })
    expect(error).toMatchObject({ code: 'walletRequestFailed', walletCode: 4001, method: m })
    expect(error.shortMessage).toContain('UnknownPublicKey')
  })

  it('passes wallet errors through unchanged', () => {
    const timeout = new WalletTimeoutError({ method: m, timeoutMs: 5 })
    expect(walletErrorFromRpc(m, timeout)).toBe(timeout)
  })

  it('puts the expected chain into a chain mismatch', () => {
    expect(walletErrorFromRpc(m, { code: 5100, message: 'Unsupported chains.' }, { expectedChain: 'chia:mainnet' })).toMatchObject({
      expected: 'chia:mainnet',
    })
  })
})
