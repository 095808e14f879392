/**
 * Unknown operators in consensus (non-strict) mode: no-ops returning nil whose cost is encoded in
 * the opcode bytes; in mempool (strict) mode the caller rejects them instead.
 * Semantics and costs: clvm_rs 0.7.0 `op_unknown` in `src/more_ops.rs`
 * (https://github.com/Chia-Network/clvm_rs/blob/0.7.0/src/more_ops.rs).
 */
import {
  ARITH_BASE_COST,
  ARITH_COST_PER_ARG,
  ARITH_COST_PER_BYTE,
  CONCAT_BASE_COST,
  CONCAT_COST_PER_ARG,
  CONCAT_COST_PER_BYTE,
  MUL_BASE_COST,
  MUL_COST_PER_OP,
  MUL_LINEAR_COST_PER_BYTE,
  MUL_SQUARE_COST_PER_BYTE_DIVIDER,
} from '../costs'
import { type Program, NIL } from '../program'
import { type Reduction, checkCost, raise } from './op-utils'

const U32_MAX = 0xffffffff

function argLength(arg: Program): number {
  if (arg.atom === undefined) raise('unknown op requires an atom', arg)
  return arg.atom.length
}

/**
 * Cost of an unknown opcode: the last byte's top 2 bits pick a cost function (constant, like `+`,
 * like `*`, like `concat`), the preceding bytes (at most 4) are a multiplier minus one.
 * Opcodes starting `ffff` are reserved and the empty opcode is invalid.
 * @example opUnknown(Uint8Array.of(0xff), NIL, max) // cost 142
 */
export function opUnknown(op: Uint8Array, args: Program, maxCost: number): Reduction {
  const opNode: Program = { atom: op }
  if (op.length === 0 || (op.length >= 2 && op[0] === 0xff && op[1] === 0xff)) raise('reserved operator', opNode)
  const costFunction = (op[op.length - 1] & 0b11000000) >> 6
  if (op.length - 1 > 4) raise('invalid operator', opNode)
  let multiplier = 0
  for (let i = 0; i < op.length - 1; i++) multiplier = multiplier * 256 + op[i]

  let cost: number
  let next = args
  if (costFunction === 0) cost = 1
  else if (costFunction === 1) {
    cost = ARITH_BASE_COST
    let bytes = 0
    while (next.pair !== undefined) {
      const arg = next.pair[0]
      next = next.pair[1]
      cost += ARITH_COST_PER_ARG
      bytes += argLength(arg)
      checkCost(cost + bytes * ARITH_COST_PER_BYTE, maxCost)
    }
    cost += bytes * ARITH_COST_PER_BYTE
  } else if (costFunction === 2) {
    cost = MUL_BASE_COST
    let first = true
    let l0 = 0
    while (next.pair !== undefined) {
      const arg = next.pair[0]
      next = next.pair[1]
      const len = argLength(arg)
      if (first) {
        l0 = len
        first = false
        continue
      }
      cost += MUL_COST_PER_OP
      cost += (l0 + len) * MUL_LINEAR_COST_PER_BYTE
      cost += Math.floor((l0 * len) / MUL_SQUARE_COST_PER_BYTE_DIVIDER)
      l0 += len
      checkCost(cost, maxCost)
    }
  } else {
    cost = CONCAT_BASE_COST
    let total = 0
    while (next.pair !== undefined) {
      const arg = next.pair[0]
      next = next.pair[1]
      cost += CONCAT_COST_PER_ARG
      total += argLength(arg)
      checkCost(cost + total * CONCAT_COST_PER_BYTE, maxCost)
    }
    cost += total * CONCAT_COST_PER_BYTE
  }
  checkCost(cost, maxCost)
  cost *= multiplier + 1
  if (cost > U32_MAX) raise('invalid operator', opNode)
  return { cost, value: NIL }
}
