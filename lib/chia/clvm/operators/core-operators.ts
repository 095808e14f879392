/**
 * The core CLVM operators: `i c f r l x =` (opcodes 3–9).
 * Semantics and costs: clvm_rs 0.7.0 `src/core_ops.rs`
 * (https://github.com/Chia-Network/clvm_rs/blob/0.7.0/src/core_ops.rs).
 */
import { EQ_BASE_COST, EQ_COST_PER_BYTE, CONS_COST, FIRST_COST, IF_COST, LISTP_COST, REST_COST } from '../costs'
import { type Program, NIL } from '../program'
import { type Reduction, ONE, args1, args2, args3, raise } from './op-utils'

/**
 * `(i cond then else)`: picks `then` unless `cond` is nil.
 * @example opIf(list([ONE, a, b]), max).value === a
 */
export function opIf(args: Program, _maxCost: number): Reduction {
  const [cond, yes, no] = args3(args, 'i')
  const isNil = cond.atom !== undefined && cond.atom.length === 0
  return { cost: IF_COST, value: isNil ? no : yes }
}

/**
 * `(c first rest)`: a new pair.
 * @example opCons(list([a, NIL]), max).value // (a)
 */
export function opCons(args: Program, _maxCost: number): Reduction {
  const [a, b] = args2(args, 'c')
  return { cost: CONS_COST, value: { pair: [a, b] } }
}

/**
 * `(f pair)`: the first of a pair, or "first of non-cons".
 * @example opFirst(list([cons(a, b)]), max).value === a
 */
export function opFirst(args: Program, _maxCost: number): Reduction {
  const n = args1(args, 'f')
  if (n.pair === undefined) raise('first of non-cons', n)
  return { cost: FIRST_COST, value: n.pair[0] }
}

/**
 * `(r pair)`: the rest of a pair, or "rest of non-cons".
 * @example opRest(list([cons(a, b)]), max).value === b
 */
export function opRest(args: Program, _maxCost: number): Reduction {
  const n = args1(args, 'r')
  if (n.pair === undefined) raise('rest of non-cons', n)
  return { cost: REST_COST, value: n.pair[1] }
}

/**
 * `(l x)`: 1 if `x` is a pair, else nil.
 * @example opListp(list([cons(a, b)]), max).value // 1
 */
export function opListp(args: Program, _maxCost: number): Reduction {
  const n = args1(args, 'l')
  return { cost: LISTP_COST, value: n.pair !== undefined ? ONE : NIL }
}

/**
 * `(x ...)`: always fails with "clvm raise". A single atom argument is raised alone.
 * @example opRaise(list([int(1)]), max) // throws
 */
export function opRaise(args: Program, _maxCost: number): Reduction {
  let thrown = args
  if (args.pair !== undefined) {
    const [only, rest] = args.pair
    if (rest.pair === undefined && only.atom !== undefined) thrown = only
  }
  raise('clvm raise', thrown)
}

/**
 * `(= a b)`: byte equality of two atoms.
 * @example opEq(list([int(1), int(1)]), max).value // 1
 */
export function opEq(args: Program, _maxCost: number): Reduction {
  const [a, b] = args2(args, '=')
  if (a.atom === undefined) raise('= on list', a)
  if (b.atom === undefined) raise('= on list', b)
  const x = a.atom
  const y = b.atom
  let eq = x.length === y.length
  for (let i = 0; eq && i < x.length; i++) eq = x[i] === y[i]
  return { cost: EQ_BASE_COST + (x.length + y.length) * EQ_COST_PER_BYTE, value: eq ? ONE : NIL }
}
