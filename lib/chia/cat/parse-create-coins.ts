/**
 * Reading CREATE_COIN conditions from a puzzle's output: `(51 puzzle_hash amount)` or
 * `(51 puzzle_hash amount (memo …))`. The first memo, when 32 bytes, is the hint full nodes index
 * (datalayer-protocol.md §1.6). Building them: ../datastore/conditions.ts `createCoinCondition`.
 */
import { type Program, toBigint } from '../clvm/program'
import { AppError } from '../errors/app-error'
import type { Bytes32 } from '../primitives/bytes'
import { ConditionOpcode } from '../spends/condition-opcodes'

/** A decoded CREATE_COIN. */
export interface CreateCoinCondition {
  puzzleHash: Bytes32
  amount: bigint
  memos: Uint8Array[]
}

/** A CREATE_COIN condition in a puzzle's output is not well formed. */
export class MalformedConditionError extends AppError {
  override name = 'MalformedConditionError' as const
  constructor({ reason }: { reason: string }) {
    super('A condition in the puzzle output is malformed.', { details: reason })
  }
}

/**
 * Reads every CREATE_COIN from a condition list, in order. Memos that are not a list of atoms are
 * returned as `[]` (consensus ignores them too); amounts must be atoms.
 * @example parseCreateCoins(runner.run(puzzle, solution).value)
 */
export function parseCreateCoins(conditions: Program): CreateCoinCondition[] {
  const out: CreateCoinCondition[] = []
  let cur = conditions
  while (cur.pair !== undefined) {
    const condition = cur.pair[0]
    cur = cur.pair[1]
    const op = condition.pair?.[0]
    if (!op?.atom || op.atom.length !== 1 || op.atom[0] !== ConditionOpcode.CREATE_COIN) continue
    const args = condition.pair![1]
    const ph = args.pair?.[0]
    const amountArgs = args.pair?.[1]
    const amount = amountArgs?.pair?.[0]
    if (!ph?.atom || ph.atom.length !== 32 || !amount?.atom) {
      throw new MalformedConditionError({ reason: 'CREATE_COIN needs a 32-byte puzzle hash and an amount atom' })
    }
    const memos: Uint8Array[] = []
    let m = amountArgs!.pair![1].pair?.[0]
    while (m?.pair !== undefined) {
      if (m.pair[0].atom === undefined) {
        memos.length = 0
        break
      }
      memos.push(m.pair[0].atom)
      m = m.pair[1]
    }
    out.push({ puzzleHash: ph.atom, amount: toBigint(amount), memos })
  }
  return out
}
