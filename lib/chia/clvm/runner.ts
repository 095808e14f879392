/**
 * A CLVM runner is passed into lib/chia code that must execute puzzles (parsing spends, collecting
 * signatures, previewing effects). The devnet uses clvm_rs (`clvm_wasm`); the browser uses a runner
 * that is tested to agree with clvm_rs on every vector.
 */
import { AppError } from '../errors/app-error'
import type { Program } from './program'

export interface RunResult {
  value: Program
  cost: bigint
}

export interface ClvmRunner {
  /** Runs `program` with `env` as its argument; throws {@link ClvmRunError} on failure. */
  run(program: Program, env: Program, maxCost?: bigint): RunResult
}

export class ClvmRunError extends AppError {
  override name = 'ClvmRunError' as const
  constructor(message: string, options: { details?: string; cause?: unknown } = {}) {
    super(`CLVM program failed: ${message}`, options)
  }
}

/** Mempool per-spend-bundle cost ceiling used as the default budget (chia `MAX_BLOCK_COST_CLVM` / 2). */
export const DEFAULT_MAX_COST = 5_500_000_000n
