/**
 * The consensus CLVM runner: clvm_rs through `clvm_wasm` (Node only; its npm build targets Node).
 * Flags: NO_UNKNOWN_OPS (0x02, mempool strictness), ENABLE_BLS_OPS_OUTSIDE_GUARD (0x20, CHIP-0011
 * operators incl. `coinid`), ENABLE_FIXED_DIV (0x80). Without 0x20, `coinid` silently returns nil
 * (dig-collateral.md §6.1, libs.md §1).
 */
import { createRequire } from 'node:module'
import type { Program } from '@/lib/chia/clvm/program'
import { type ClvmRunner, ClvmRunError, DEFAULT_MAX_COST, type RunResult } from '@/lib/chia/clvm/runner'
import { programFromBytes, programToBytes } from '@/lib/chia/clvm/serialize'

interface ClvmWasm {
  run_chia_program(program: Uint8Array, args: Uint8Array, maxCost: bigint, flag: number): [bigint, LazyNode]
}
interface LazyNode {
  to_bytes(limit: number): Uint8Array
  free(): void
}

const require = createRequire(import.meta.url)
const wasm = require('clvm_wasm') as ClvmWasm

export const MEMPOOL_FLAGS = 0x02 | 0x20 | 0x80
/** Block-mode flags: unknown operators are allowed (they cost but return nil), as in consensus. */
export const CONSENSUS_FLAGS = 0x20 | 0x80

const OUTPUT_LIMIT = 64 * 1024 * 1024

/** Runs serialized programs and returns serialized output (fast path for the devnet validator). */
export function runSerialized(
  program: Uint8Array,
  env: Uint8Array,
  maxCost: bigint = DEFAULT_MAX_COST,
  flags = MEMPOOL_FLAGS,
): { output: Uint8Array; cost: bigint } {
  let result: [bigint, LazyNode]
  try {
    result = wasm.run_chia_program(program, env, maxCost, flags)
  } catch (e) {
    const text = typeof e === 'string' ? e : e instanceof Error ? e.message : String(e)
    const m = /"([^"]*)"\)?$/.exec(text)
    throw new ClvmRunError(m ? m[1] : text, { details: text })
  }
  const [cost, node] = result
  try {
    return { output: node.to_bytes(OUTPUT_LIMIT), cost }
  } finally {
    node.free()
  }
}

/** A {@link ClvmRunner} backed by clvm_rs. */
export function createClvmRsRunner(flags = MEMPOOL_FLAGS): ClvmRunner {
  return {
    run(program: Program, env: Program, maxCost?: bigint): RunResult {
      const { output, cost } = runSerialized(programToBytes(program), programToBytes(env), maxCost, flags)
      return { value: programFromBytes(output), cost }
    },
  }
}
