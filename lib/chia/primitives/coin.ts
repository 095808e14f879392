/**
 * Coins and the ids derived from them.
 * Spec: datalayer-protocol.md §1.5; chia_rs `chia-protocol/src/coin.rs`.
 */
import { bigintToAtom } from '../clvm/int'
import { AppError } from '../errors/app-error'
import { type Bytes32, bytesToHex } from './bytes'
import { sha256 } from './sha256'

export interface Coin {
  parentCoinInfo: Bytes32
  puzzleHash: Bytes32
  amount: bigint
}

export const MAX_COIN_AMOUNT = (1n << 64n) - 1n

export class InvalidAmountError extends AppError {
  override name = 'InvalidAmountError' as const
  constructor({ amount, field }: { amount: bigint; field?: string }) {
    super(`${field ?? 'Amount'} must be between 0 and 2^64-1 mojos.`, { details: `got ${amount}` })
  }
}

/**
 * Checks a u64 amount and returns it.
 * @example assertAmount(1n)
 */
export function assertAmount(amount: bigint, field?: string): bigint {
  if (amount < 0n || amount > MAX_COIN_AMOUNT) throw new InvalidAmountError({ amount, field })
  return amount
}

/**
 * coin id = sha256(parent ‖ puzzle hash ‖ minimal CLVM int of amount).
 * @example coinId({ parentCoinInfo, puzzleHash, amount: 1n })
 */
export function coinId(coin: Coin): Bytes32 {
  return sha256(coin.parentCoinInfo, coin.puzzleHash, bigintToAtom(coin.amount))
}

/**
 * Coin announcement id = sha256(coin id ‖ message).
 * @example coinAnnouncementId(coinId(coin), new Uint8Array([0x24]))
 */
export const coinAnnouncementId = (coinIdBytes: Bytes32, message: Uint8Array): Bytes32 =>
  sha256(coinIdBytes, message)

/**
 * Puzzle announcement id = sha256(puzzle hash ‖ message).
 * @example puzzleAnnouncementId(puzzleHash, message)
 */
export const puzzleAnnouncementId = (puzzleHash: Bytes32, message: Uint8Array): Bytes32 =>
  sha256(puzzleHash, message)

/** Short display form `abcd…1234`. @example shortId(coinId(coin)) */
export const shortId = (id: Uint8Array): string => {
  const h = bytesToHex(id)
  return `${h.slice(0, 6)}…${h.slice(-6)}`
}
