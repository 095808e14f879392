/**
 * Send XCH from standard wallet coins (driver `sendXch`, DataLayer-Driver src/wallet.rs send_xch /
 * spend_coins_together). The lead coin is spent first: `(52 fee)`, one CREATE_COIN per output
 * (memo list omitted when empty), then change without a memo; other coins assert the lead.
 * Spec: datalayer-protocol.md §6.9.
 */
import type { Program } from '../clvm/program'
import { standardCoinSpend } from '../layers/standard-layer'
import { type Bytes32, assertBytes32 } from '../primitives/bytes'
import { type Coin, assertAmount, coinId } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import { assertConcurrentSpendCondition, createCoinCondition, reserveFeeCondition } from './conditions'
import { assertWalletCoins } from './assert-wallet-coins'

export interface XchOutput {
  puzzleHash: Bytes32
  amount: bigint
  memos?: readonly Uint8Array[]
}

export interface SendXchParams {
  syntheticKey: Uint8Array
  coins: readonly Coin[]
  outputs: readonly XchOutput[]
  fee: bigint
}

/**
 * Builds the spends that pay `outputs` and `fee`, returning change to the sender.
 * @example sendXch({ syntheticKey, coins, outputs: [{ puzzleHash, amount: 1000n }], fee: 0n })
 */
export function sendXch({ syntheticKey, coins, outputs, fee }: SendXchParams): CoinSpend[] {
  assertAmount(fee, 'fee')
  let required = fee
  const conditions: Program[] = [reserveFeeCondition(fee)]
  for (const o of outputs) {
    required += assertAmount(o.amount, 'output amount')
    conditions.push(createCoinCondition(assertBytes32(o.puzzleHash, 'output puzzleHash'), o.amount, o.memos ?? []))
  }
  const { puzzleHash, total } = assertWalletCoins(coins, syntheticKey, required)
  if (total > required) conditions.push(createCoinCondition(puzzleHash, total - required))
  const leadId = coinId(coins[0])
  return [
    standardCoinSpend(coins[0], syntheticKey, conditions),
    ...coins.slice(1).map((coin) => standardCoinSpend(coin, syntheticKey, [assertConcurrentSpendCondition(leadId)])),
  ]
}
