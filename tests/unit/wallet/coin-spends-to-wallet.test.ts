import { describe, expect, it } from 'vitest'

import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { coinSpendsFromWallet, coinSpendsToWallet } from '@/lib/wallet/coin-spends-to-wallet'

const spend = (amount: bigint): CoinSpend => ({
  coin: { parentCoinInfo: new Uint8Array(32).fill(1), puzzleHash: new Uint8Array(32).fill(2), amount },
  puzzleReveal: new Uint8Array([0xff, 0x01, 0x80]),
  solution: new Uint8Array([0x80]),
})

describe('coinSpendsToWallet', () => {
  it('writes the CHIP-0002 snake_case shape with 0x hex and JSON-safe amounts', () => {
    const [json] = coinSpendsToWallet([spend(1n)])
    expect(json).toEqual({
      coin: { parent_coin_info: `0x${'01'.repeat(32)}`, puzzle_hash: `0x${'02'.repeat(32)}`, amount: 1 },
      puzzle_reveal: '0xff0180',
      solution: '0x80',
    })
    expect(JSON.parse(JSON.stringify(json))).toEqual(json)
  })

  it('keeps amounts above 2^53 exact as decimal strings and round-trips', () => {
    const big = (1n << 64n) - 1n
    const [json] = coinSpendsToWallet([spend(big)])
    expect(json.coin.amount).toBe('18446744073709551615')
    expect(coinSpendsFromWallet([json])[0]).toEqual(spend(big))
  })
})
