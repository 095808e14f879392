import { describe, expect, it } from 'vitest'

import { unwrapWalletReply } from '@/lib/wallet/unwrap-wallet-reply'
import { WalletRejectedError } from '@/lib/wallet/wallet-errors'

describe('unwrapWalletReply', () => {
  it('treats a null result (Sage rejection) as rejected', () => {
    expect(() => unwrapWalletReply('chip0002_signCoinSpends', null)).toThrow(WalletRejectedError)
    expect(() => unwrapWalletReply('chip0002_signCoinSpends', undefined)).toThrow(WalletRejectedError)
  })

  it('unwraps the Chia GUI {data} envelope', () => {
    expect(unwrapWalletReply('chia_getCurrentAddress', { data: 'txch1abc' })).toBe('txch1abc')
    expect(unwrapWalletReply('chia_signMessageByAddress', { data: { pubkey: 'aa', signature: 'bb' } })).toEqual({ pubkey: 'aa', signature: 'bb' })
  })

  it('treats {data: null} as rejected', () => {
    expect(() => unwrapWalletReply('chia_signMessageByAddress', { data: null })).toThrow(WalletRejectedError)
  })

  it('returns bare Sage / CHIP-0002 results unchanged, including objects with a data field among others', () => {
    expect(unwrapWalletReply('chip0002_signCoinSpends', 'ab'.repeat(96))).toBe('ab'.repeat(96))
    expect(unwrapWalletReply('chip0002_getPublicKeys', ['aa'])).toEqual(['aa'])
    const obj = { data: 1, success: true }
    expect(unwrapWalletReply('x', obj)).toBe(obj)
  })

  it('names the method in the rejection', () => {
    try {
      unwrapWalletReply('chip0002_signCoinSpends', null)
      expect.unreachable()
    } catch (e) {
      expect(e).toMatchObject({ code: 'walletRejected', method: 'chip0002_signCoinSpends' })
    }
  })
})
