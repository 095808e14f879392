/**
 * Boolean operators `not any all` (nil is false, anything else true).
 * Semantics and costs: clvm_rs 0.7.0 `src/more_ops.rs`
 * (https://github.com/Chia-Network/clvm_rs/blob/0.7.0/src/more_ops.rs).
 */
import { BOOL_BASE_COST, BOOL_COST_PER_ARG } from '../costs'
import { type Program, NIL } from '../program'
import { type Reduction, ONE, checkCost, getArgs, isNilNode } from './op-utils'

/**
 * `(not a)`: 1 if `a` is nil, else nil.
 * @example opNot(list([NIL]), max).value // 1
 */
export function opNot(args: Program, _maxCost: number): Reduction {
  const [n] = getArgs(args, 1, 'not')
  return { cost: BOOL_BASE_COST, value: isNilNode(n) ? ONE : NIL }
}

/**
 * `(any a b …)`: 1 if any argument is non-nil.
 * @example opAny(list([NIL, int(1)]), max).value // 1
 */
export function opAny(args: Program, maxCost: number): Reduction {
  let cost = BOOL_BASE_COST
  let result = false
  let next = args
  while (next.pair !== undefined) {
    const arg = next.pair[0]
    next = next.pair[1]
    cost += BOOL_COST_PER_ARG
    checkCost(cost, maxCost)
    if (!isNilNode(arg)) result = true
  }
  return { cost, value: result ? ONE : NIL }
}

/**
 * `(all a b …)`: 1 if every argument is non-nil.
 * @example opAll(list([int(1), int(1)]), max).value // 1
 */
export function opAll(args: Program, maxCost: number): Reduction {
  let cost = BOOL_BASE_COST
  let result = true
  let next = args
  while (next.pair !== undefined) {
    const arg = next.pair[0]
    next = next.pair[1]
    cost += BOOL_COST_PER_ARG
    checkCost(cost, maxCost)
    if (isNilNode(arg)) result = false
  }
  return { cost, value: result ? ONE : NIL }
}
