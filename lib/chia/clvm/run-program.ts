/**
 * A pure-TypeScript CLVM interpreter for the browser, consensus-exact with clvm_rs 0.7.0 run with
 * flags ENABLE_BLS_OPS_OUTSIDE_GUARD | ENABLE_FIXED_DIV, plus NO_UNKNOWN_OPS in strict (mempool)
 * mode: same values, same costs, same error messages.
 *
 * The evaluator is a port of clvm_rs's iterative machine (three stacks: values, environments and
 * pending operations), so deep programs never recurse in JS, and arguments are evaluated in the
 * same order (last to first) so that the first error and the point where the cost runs out match.
 * Source: https://github.com/Chia-Network/clvm_rs/blob/0.7.0/src/run_program.rs and
 * `src/traverse_path.rs`. Spec: https://chialisp.com/clvm
 *
 * Known limits: costs are JS numbers (exact below 2^53, far above any block's budget), and the
 * allocator ceilings of clvm_rs (62.5M atoms or pairs, 4 GB of atom bytes, 20M stack entries) are
 * not modelled; a program that large would exhaust a browser's memory first.
 */
import { APPLY_COST, GUARD_COST, OP_COST, QUOTE_COST, TRAVERSE_BASE_COST, TRAVERSE_COST_PER_BIT, TRAVERSE_COST_PER_ZERO_BYTE } from './costs'
import { OPERATOR_TABLE, wideOperator } from './operators/operator-table'
import { getArgs, raise, uintArg } from './operators/op-utils'
import { opUnknown } from './operators/unknown-operator'
import { type Program, NIL } from './program'
import { type ClvmRunner, type RunResult, DEFAULT_MAX_COST } from './runner'

export interface RunProgramOptions {
  /** Cost budget; `0n` means unlimited (as in clvm_rs). Default {@link DEFAULT_MAX_COST}. */
  maxCost?: bigint
  /**
   * Mempool mode (default true): unknown operators and malformed softfork calls are errors.
   * With false (block/consensus mode) unknown operators cost as their opcode says and return nil.
   */
  strict?: boolean
}

const OP_APPLY = 0
const OP_CONS = 1
const OP_EXIT_GUARD = 2
const OP_SWAP_EVAL = 3

const QUOTE = 1
const APPLY = 2
const SOFTFORK = 36

interface Machine {
  vals: Program[]
  envs: Program[]
  ops: number[]
  /** Expected total cost at the exit of each open softfork guard. */
  guards: number[]
  strict: boolean
}

/**
 * Runs `program` with `env` as its argument and returns the value and the cost clvm_rs would charge.
 * Throws {@link ClvmRunError} with clvm_rs's message ("clvm raise", "cost exceeded", "path into
 * atom", "unimplemented operator", …).
 * @example
 * const { value, cost } = runProgram(programFromHex('ff10ff02ff0580'), programFromHex('ff03ff0480'))
 * // value 7, cost 856n
 */
export function runProgram(program: Program, env: Program, options: RunProgramOptions = {}): RunResult {
  const maxCostOption = options.maxCost ?? DEFAULT_MAX_COST
  // clvm_rs treats 0 as "no limit" (u64::MAX).
  const maxCost = maxCostOption === 0n ? 2 ** 64 : Number(maxCostOption)
  const m: Machine = { vals: [], envs: [], ops: [], guards: [], strict: options.strict ?? true }
  const { vals, ops, guards } = m

  let cost = evalPair(m, program, env)
  for (;;) {
    const effectiveMaxCost = guards.length > 0 ? guards[guards.length - 1] : maxCost
    if (cost > effectiveMaxCost) raise('cost exceeded')
    const op = ops.pop()
    if (op === undefined) break
    if (op === OP_SWAP_EVAL) {
      const list = vals.pop()!
      const argument = vals.pop()!
      const pair = argument.pair
      if (pair === undefined || (pair[0].atom !== undefined && pair[0].atom.length === 1 && pair[0].atom[0] === QUOTE)) {
        // An environment lookup or a quote finishes at once, so clvm_rs's following Cons step
        // (which costs nothing and cannot fail) is done right here.
        cost += evalPair(m, argument, m.envs[m.envs.length - 1])
        vals.push({ pair: [vals.pop()!, list] })
      } else {
        vals.push(list)
        ops.push(OP_CONS)
        cost += evalPair(m, argument, m.envs[m.envs.length - 1])
      }
    } else if (op === OP_CONS) {
      const value = vals.pop()!
      const list = vals.pop()!
      vals.push({ pair: [value, list] })
    } else if (op === OP_APPLY) {
      cost += applyOp(m, cost, effectiveMaxCost - cost)
    } else {
      // OP_EXIT_GUARD: the softfork's declared cost must be exactly what its program used.
      const expected = guards.pop()!
      if (cost !== expected) raise('softfork specified cost mismatch', NIL)
      vals.pop()
      vals.push(NIL)
    }
  }
  return { value: vals.pop()!, cost: BigInt(cost) }
}

/**
 * A {@link ClvmRunner} over {@link runProgram}: mempool rules by default, like the clvm_rs runner.
 * @example const { value, cost } = createTsRunner().run(puzzle, solution)
 */
export function createTsRunner(options: { strict?: boolean } = {}): ClvmRunner {
  const strict = options.strict ?? true
  return {
    run: (program: Program, env: Program, maxCost?: bigint): RunResult => runProgram(program, env, { maxCost, strict }),
  }
}

/** Evaluates `program` in `env`: pushes work (or, for atoms and quotes, the value) and returns its cost. */
function evalPair(m: Machine, program: Program, env: Program): number {
  const pair = program.pair
  if (pair === undefined) return traversePath(m, program.atom, env)
  const operator = pair[0]
  const operands = pair[1]
  if (operator.pair !== undefined) {
    // ((X) . args): apply the lone atom X as an operator to the *unevaluated* args.
    const [inner] = getArgs(operator, 1, 'in the ((X)...) syntax, the inner list')
    if (inner.pair !== undefined) raise('in ((X)...) syntax X must be lone atom', program)
    m.envs.push(env)
    m.vals.push(inner, operands)
    m.ops.push(OP_APPLY)
    return APPLY_COST
  }
  const op = operator.atom
  if (op.length === 1 && op[0] === QUOTE) {
    m.vals.push(operands)
    return QUOTE_COST
  }
  m.envs.push(env)
  m.ops.push(OP_APPLY)
  m.vals.push(operator)
  let rest = operands
  while (rest.pair !== undefined) {
    m.ops.push(OP_SWAP_EVAL)
    m.vals.push(rest.pair[0])
    rest = rest.pair[1]
  }
  if (rest.atom.length !== 0) raise('bad operand list', operands)
  m.vals.push(NIL)
  return OP_COST
}

/**
 * Environment lookup by path: read the atom's bits from least significant, 0 = first, 1 = rest,
 * stopping at the most significant set bit. Leading zero bytes cost extra.
 */
function traversePath(m: Machine, path: Uint8Array, env: Program): number {
  const len = path.length
  let firstNonZero = 0
  while (firstNonZero < len && path[firstNonZero] === 0) firstNonZero++
  let cost = TRAVERSE_BASE_COST + firstNonZero * TRAVERSE_COST_PER_ZERO_BYTE + TRAVERSE_COST_PER_BIT
  if (firstNonZero >= len) {
    m.vals.push(NIL)
    return cost
  }
  const top = path[firstNonZero]
  let lastMask = 0x80
  while (!(top & lastMask)) lastMask >>= 1
  let node = env
  let byteIdx = len - 1
  let mask = 1
  while (byteIdx > firstNonZero || mask < lastMask) {
    if (node.pair === undefined) raise('path into atom', node)
    node = path[byteIdx] & mask ? node.pair[1] : node.pair[0]
    if (mask === 0x80) {
      mask = 1
      byteIdx--
    } else {
      mask <<= 1
    }
    cost += TRAVERSE_COST_PER_BIT
  }
  m.vals.push(node)
  return cost
}

/** Applies the operator below the evaluated argument list on the value stack. */
function applyOp(m: Machine, currentCost: number, maxCost: number): number {
  const args = m.vals.pop()!
  const operator = m.vals.pop()!
  m.envs.pop()
  const op = operator.atom!
  let f
  if (op.length === 1) {
    const code = op[0]
    if (code === APPLY) {
      const [program, env] = getArgs(args, 2, 'apply')
      return evalPair(m, program, env) + APPLY_COST
    }
    if (code === SOFTFORK) return softfork(m, args, currentCost, maxCost)
    f = code < 128 ? OPERATOR_TABLE[code] : undefined
  } else if (op.length === 4) {
    f = wideOperator(op)
  }
  if (f === undefined) {
    if (m.strict) raise('unimplemented operator', operator)
    const r = opUnknown(op, args, maxCost)
    m.vals.push(r.value)
    return r.cost
  }
  const r = f(args, maxCost)
  m.vals.push(r.value)
  return r.cost
}

/**
 * `(softfork cost extension program env)`: runs `program` under the extension's operator set,
 * requires it to cost exactly `cost` (counted from the softfork call) and returns nil.
 * Extension 0 is the CHIP-0011 BLS set, already enabled everywhere by the hard fork flag.
 */
function softfork(m: Machine, args: Program, currentCost: number, maxCost: number): number {
  if (args.pair === undefined) raise('first of non-cons', args)
  const expectedCost = uintArg(args.pair[0], 8, 'softfork')
  if (Number(expectedCost) > maxCost) raise('cost exceeded', args)
  if (expectedCost === 0n) raise('cost must be > 0', args)
  let program: Program
  let env: Program
  try {
    const [, extension, p, e] = getArgs(args, 4, 'softfork')
    if (uintArg(extension, 4, 'softfork') !== 0n) raise('unknown softfork extension', args)
    program = p
    env = e
  } catch (error) {
    // In consensus mode a softfork we cannot interpret is accepted as a costed no-op.
    if (m.strict) throw error
    m.vals.push(NIL)
    return Number(expectedCost)
  }
  m.guards.push(currentCost + Number(expectedCost))
  m.ops.push(OP_EXIT_GUARD)
  return evalPair(m, program, env) + GUARD_COST
}
