/**
 * Devnet persistence: one JSON document at `<dir>/state.json`, written to a temporary file and
 * renamed over the old one so a crash never leaves a half-written state.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '@/lib/chia/errors/app-error'
import type { SpendBundleJson } from './devnet'

export interface PersistedState {
  version: 1
  genesisChallenge: string
  autoFarm: boolean
  timeOffsetSeconds: string
  salt: number
  blocks: {
    height: number
    headerHash: string
    prevHash: string
    timestamp: string
    farmerPuzzleHash: string
    fees: string
    cost: string
    transactions: { name: string; fee: string; cost: string; spendBundle: SpendBundleJson }[]
    additionIds: string[]
    removalIds: string[]
  }[]
  coins: {
    parentCoinInfo: string
    puzzleHash: string
    amount: string
    confirmed: number
    spent: number
    coinbase: boolean
    timestamp: string
    hint?: string
  }[]
  mempool: SpendBundleJson[]
}

export class StateFileError extends AppError {
  override name = 'StateFileError' as const
}

export const stateFilePath = (dir: string): string => join(dir, 'state.json')

/** Reads the saved state, or undefined when the directory has none yet. */
export function loadState(dir: string): PersistedState | undefined {
  const path = stateFilePath(dir)
  if (!existsSync(path)) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PersistedState
  } catch (e) {
    throw new StateFileError('The devnet state file is unreadable; run npm run devnet:reset.', { details: path, cause: e })
  }
}

/** Writes the state atomically (temp file + rename). */
export function saveState(dir: string, state: PersistedState): void {
  mkdirSync(dir, { recursive: true })
  const path = stateFilePath(dir)
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(state))
  renameSync(tmp, path)
}
