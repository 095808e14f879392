// Test support: runs built coin spends through clvm_rs and checks the bundle-level rules a full node
// would (coin ids, parent ids, announcements, concurrent spends, value conservation per asset).
import { type Program, toBigint, toList } from '@/lib/chia/clvm/program'
import { programFromBytes } from '@/lib/chia/clvm/serialize'
import { bytesToHex } from '@/lib/chia/primitives/bytes'
import { coinAnnouncementId, coinId } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'

export const runner = createClvmRsRunner()

export interface RanSpend {
  coinSpend: CoinSpend
  conditions: Program[]
  cost: bigint
}

export const opcodeOf = (c: Program): number => Number(toBigint(toList(c)[0]))
export const argHex = (c: Program, i: number): string => bytesToHex(toList(c)[i].atom!)

/** Runs every spend and returns its conditions. */
export function runSpends(coinSpends: readonly CoinSpend[]): RanSpend[] {
  return coinSpends.map((cs) => {
    const { value, cost } = runner.run(programFromBytes(cs.puzzleReveal), programFromBytes(cs.solution))
    return { coinSpend: cs, conditions: toList(value), cost }
  })
}

/** Conditions as [opcode, hex args…] for readable comparisons with the vector JSON. */
export function conditionsAsText(conditions: Program[]): (string | string[])[][] {
  return conditions.map((c) =>
    toList(c).map((a, i) =>
      i === 0
        ? String(toBigint(a))
        : a.atom !== undefined
          ? bytesToHex(a.atom)
          : toList(a).map((m) => bytesToHex(m.atom!)),
    ),
  )
}

/**
 * Checks the bundle as a node would, except signatures and time locks. Returns problems found
 * (empty when the bundle is valid) so tests can assert both acceptance and rejection.
 */
export function bundleProblems(ran: readonly RanSpend[]): string[] {
  const problems: string[] = []
  const ids = new Set(ran.map((r) => bytesToHex(coinId(r.coinSpend.coin))))
  const announcements = new Set<string>()
  for (const r of ran) {
    const id = coinId(r.coinSpend.coin)
    for (const c of r.conditions) {
      if (opcodeOf(c) === 60) announcements.add(bytesToHex(coinAnnouncementId(id, toList(c)[1].atom!)))
    }
  }
  let input = 0n
  let output = 0n
  let fee = 0n
  for (const r of ran) {
    const coin = r.coinSpend.coin
    const id = bytesToHex(coinId(coin))
    input += coin.amount
    for (const c of r.conditions) {
      const op = opcodeOf(c)
      if (op === 70 && argHex(c, 1) !== id) problems.push(`${id}: ASSERT_MY_COIN_ID ${argHex(c, 1)}`)
      if (op === 71 && argHex(c, 1) !== bytesToHex(coin.parentCoinInfo))
        problems.push(`${id}: ASSERT_MY_PARENT_ID ${argHex(c, 1)}`)
      if (op === 61 && !announcements.has(argHex(c, 1))) problems.push(`${id}: unmatched announcement ${argHex(c, 1)}`)
      if (op === 64 && !ids.has(argHex(c, 1))) problems.push(`${id}: concurrent spend ${argHex(c, 1)} missing`)
      if (op === 51) output += toBigint(toList(c)[2])
      if (op === 52) fee += toBigint(toList(c)[1])
    }
  }
  if (input < output + fee) problems.push(`value: inputs ${input} < outputs ${output} + fee ${fee}`)
  return problems
}
