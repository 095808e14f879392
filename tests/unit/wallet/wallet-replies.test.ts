import { describe, expect, it } from 'vitest'

import { bytesToHex } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import { WalletBadReplyError } from '@/lib/wallet/wallet-errors'
import { walletReplies } from '@/lib/wallet/wallet-replies'

const pk = 'a1269a37de04a186a417fea2ed3e646731d5533245e73b2732f2fe8570564532de0c2d46e5fdef49c2efa444d0c9aae9'
const sig = `b0${'11'.repeat(95)}`
const coin = { parent_coin_info: '4c'.repeat(32), puzzle_hash: '0e'.repeat(32), amount: 1000 }
const id = bytesToHex(coinId({ parentCoinInfo: new Uint8Array(32).fill(0x4c), puzzleHash: new Uint8Array(32).fill(0x0e), amount: 1000n }))

describe('walletReplies', () => {
  it('publicKeys: Sage string[] with or without 0x', () => {
    const keys = walletReplies.publicKeys('chip0002_getPublicKeys', [pk, `0x${pk}`])
    expect(keys.map(bytesToHex)).toEqual([pk, pk])
  })

  it('publicKeys: refuses non-lists and wrong lengths', () => {
    expect(() => walletReplies.publicKeys('m', 'abc')).toThrow(WalletBadReplyError)
    expect(() => walletReplies.publicKeys('m', [pk.slice(2)])).toThrow(/47 bytes, expected 48/)
    expect(() => walletReplies.publicKeys('m', ['zz'])).toThrow(/not hex/)
  })

  it('spendableCoins: Sage shape (snake coin, camel fields), XCH without lineage', () => {
    const [c] = walletReplies.spendableCoins('chip0002_getAssetCoins', [
      { coin, coinName: id, puzzle: 'ff01', confirmedBlockIndex: 12, locked: false, lineageProof: null },
    ])
    expect(c.coin.amount).toBe(1000n)
    expect(bytesToHex(c.coinId)).toBe(id)
    expect(bytesToHex(c.puzzleReveal)).toBe('ff01')
    expect(c.confirmedBlockIndex).toBe(12)
    expect(c.lineageProof).toBeUndefined()
  })

  it('spendableCoins: CAT lineage, amounts as strings, GUI camelCase coin', () => {
    const [c] = walletReplies.spendableCoins('m', [
      {
        coin: { parentCoinInfo: `0x${'4c'.repeat(32)}`, puzzleHash: '0e'.repeat(32), amount: '1000' },
        coinName: `0x${id}`,
        puzzle: '80',
        confirmedBlockIndex: 3,
        locked: true,
        lineageProof: { parentName: 'aa'.repeat(32), innerPuzzleHash: 'bb'.repeat(32), amount: 5 },
      },
    ])
    expect(c.locked).toBe(true)
    expect(c.lineageProof).toEqual({ parentName: new Uint8Array(32).fill(0xaa), innerPuzzleHash: new Uint8Array(32).fill(0xbb), amount: 5n })
  })

  it('spendableCoins: refuses a coinName that is not the coin id, and non-lists', () => {
    expect(() => walletReplies.spendableCoins('m', [{ coin, coinName: '00'.repeat(32), puzzle: '80' }])).toThrow(/coinName is not the id/)
    expect(() => walletReplies.spendableCoins('m', { coins: 'x' })).toThrow(WalletBadReplyError)
    expect(() => walletReplies.spendableCoins('m', [{ coin: { ...coin, amount: -1 }, puzzle: '80' }])).toThrow(/amount/)
  })

  it('signature: 96 bytes as a bare string or {signature}', () => {
    expect(walletReplies.signature('m', sig)).toHaveLength(96)
    expect(walletReplies.signature('m', { signature: `0x${sig}` })).toHaveLength(96)
    expect(() => walletReplies.signature('m', sig.slice(2))).toThrow(/95 bytes, expected 96/)
    expect(() => walletReplies.signature('m', { status: 1 })).toThrow(WalletBadReplyError)
  })

  it('signedMessage: Sage {publicKey, signature} and GUI {pubkey, signature, signingMode}', () => {
    const sage = walletReplies.signedMessage('m', { publicKey: pk, signature: sig })
    const gui = walletReplies.signedMessage('m', { pubkey: pk, signature: sig, signingMode: 'BLS_MESSAGE_AUGMENTATION_UTF8_INPUT', success: true })
    expect(bytesToHex(sage.publicKey)).toBe(pk)
    expect(gui).toEqual(sage)
    expect(() => walletReplies.signedMessage('m', sig)).toThrow(WalletBadReplyError)
  })

  it('address: Sage {address} and the GUI bare string; refuses non-addresses', () => {
    const a = 'txch1pene8c3pnvr86gu86tazat88qz4z8vq8h44m0d7dqxrp3rmjcxfs89mqsd'
    expect(walletReplies.address('chia_getAddress', { address: a })).toBe(a)
    expect(walletReplies.address('chia_getCurrentAddress', a)).toBe(a)
    expect(() => walletReplies.address('m', { address: '0xabc' })).toThrow(WalletBadReplyError)
  })
})
