/**
 * Currying: `curry(MOD, [A1..An])` = `(a (q . MOD) (c (q . A1) … (c (q . An) 1)))`.
 * Spec: datalayer-protocol.md §1.4; chia_rs `clvm-utils/src/curried_program.rs`.
 */
import { equalBytes } from '../primitives/bytes'
import { type Program, int, list, quote } from './program'
import { treeHash } from './tree-hash'

const OP_A = int(2)
const OP_C = int(4)
const ONE = int(1)

/**
 * Curries arguments into a module.
 * @example curry(STANDARD_MOD, [atom(syntheticPublicKey)])
 */
export function curry(mod: Program, args: readonly Program[]): Program {
  let env: Program = ONE
  for (let i = args.length - 1; i >= 0; i--) env = list([OP_C, quote(args[i]), env])
  return list([OP_A, quote(mod), env])
}

const isAtomValue = (p: Program, v: number) => p.atom !== undefined && p.atom.length === 1 && p.atom[0] === v

/**
 * Splits a curried program into its module and arguments, or `undefined` if it is not curried.
 * @example const u = uncurry(puzzle); u?.mod, u?.args
 */
export function uncurry(program: Program): { mod: Program; args: Program[] } | undefined {
  // (a (q . MOD) ENV)
  const p = program.pair
  if (!p || !isAtomValue(p[0], 2)) return undefined
  const r1 = p[1].pair
  if (!r1) return undefined
  const qmod = r1[0].pair
  if (!qmod || !isAtomValue(qmod[0], 1)) return undefined
  const r2 = r1[1].pair
  if (!r2 || r2[1].atom === undefined || r2[1].atom.length !== 0) return undefined
  const args: Program[] = []
  let env = r2[0]
  // ENV = (c (q . ARG) REST) … 1
  for (;;) {
    if (isAtomValue(env, 1)) break
    const e = env.pair
    if (!e || !isAtomValue(e[0], 4)) return undefined
    const e1 = e[1].pair
    if (!e1) return undefined
    const qa = e1[0].pair
    if (!qa || !isAtomValue(qa[0], 1)) return undefined
    const e2 = e1[1].pair
    if (!e2 || e2[1].atom === undefined || e2[1].atom.length !== 0) return undefined
    args.push(qa[1])
    env = e2[0]
  }
  return { mod: qmod[1], args }
}

/**
 * Uncurries only when the module's tree hash is `modHash` and there are `arity` arguments.
 * @example uncurryIf(puzzle, SINGLETON_MOD_HASH, 2)
 */
export function uncurryIf(program: Program, modHash: Uint8Array, arity?: number): Program[] | undefined {
  const u = uncurry(program)
  if (!u || !equalBytes(treeHash(u.mod), modHash)) return undefined
  if (arity !== undefined && u.args.length !== arity) return undefined
  return u.args
}

