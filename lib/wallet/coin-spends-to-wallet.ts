/**
 * CHIP-0002 wire shape of coin spends, as `chip0002_signCoinSpends` / `signCoinSpends` take them:
 * `[{coin: {parent_coin_info, puzzle_hash, amount}, puzzle_reveal, solution}]` with 0x-hex
 * (Sage accepts hex with or without 0x). Amounts are JSON numbers when exact, decimal strings
 * above 2^53 (WalletConnect payloads go through JSON.stringify, which has no bigint).
 */
import { bytesToPrefixedHex, hexToBytes, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'

export interface WalletCoinSpend {
  coin: { parent_coin_info: string; puzzle_hash: string; amount: number | string }
  puzzle_reveal: string
  solution: string
}

const amountToJson = (amount: bigint): number | string =>
  amount <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(amount) : amount.toString()

/** Coin spends → CHIP-0002 JSON. */
export const coinSpendsToWallet = (coinSpends: readonly CoinSpend[]): WalletCoinSpend[] =>
  coinSpends.map((s) => ({
    coin: {
      parent_coin_info: bytesToPrefixedHex(s.coin.parentCoinInfo),
      puzzle_hash: bytesToPrefixedHex(s.coin.puzzleHash),
      amount: amountToJson(s.coin.amount),
    },
    puzzle_reveal: bytesToPrefixedHex(s.puzzleReveal),
    solution: bytesToPrefixedHex(s.solution),
  }))

/** CHIP-0002 JSON → coin spends (used by wallets: the test wallet and the injected bridge). */
export const coinSpendsFromWallet = (coinSpends: readonly WalletCoinSpend[]): CoinSpend[] =>
  coinSpends.map((s) => ({
    coin: {
      parentCoinInfo: hexToBytes32(s.coin.parent_coin_info, 'parent_coin_info'),
      puzzleHash: hexToBytes32(s.coin.puzzle_hash, 'puzzle_hash'),
      amount: BigInt(s.coin.amount),
    },
    puzzleReveal: hexToBytes(s.puzzle_reveal, 'puzzle_reveal'),
    solution: hexToBytes(s.solution, 'solution'),
  }))
