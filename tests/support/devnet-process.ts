/**
 * Starts the devnet as its own Node process (`tsx lib/devnet/main.ts`) on a free port with a temp
 * state directory, waits until it listens, and offers a lossless JSON-RPC client. Every test that
 * needs a chain reuses this.
 *
 * @example
 * const devnet = await startDevnetProcess()
 * await devnet.rpc('farm_block', { address, blocks: 1 })
 * await devnet.stop()
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isInteger, parse, stringify } from 'lossless-json'
import type { SpendBundle } from '@/lib/chia/primitives/coin-spend'
import { spendBundleToRpc } from '@/lib/chia/primitives/rpc-json'

const REPO = fileURLToPath(new URL('../../', import.meta.url))
const TSX = join(REPO, 'node_modules', '.bin', 'tsx')

export interface DevnetProcess {
  url: string
  port: number
  dir: string
  /** POST /<method>; resolves with the parsed response (integers ≥ 2^53 as bigint). */
  rpc<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T & { success: boolean; error?: string }>
  /** farm_block: `blocks` blocks whose rewards go to `address` (txch… or a puzzle hash); returns the new peak height. */
  farmBlocks(address: string, blocks?: number): Promise<number>
  /** push_tx with a spend bundle from lib/chia; resolves with the raw response (status or error). */
  pushTx(spendBundle: SpendBundle): Promise<{ success: boolean; status?: 'SUCCESS' | 'PENDING'; error?: string; structuredError?: { code: string; data: Record<string, unknown> } }>
  /** Stops the process (SIGTERM); the state directory is kept unless `removeDir`. */
  stop(options?: { removeDir?: boolean }): Promise<void>
  /** Output lines seen so far (for debugging failures). */
  output(): string
}

export interface StartDevnetOptions {
  /** Reuse a state directory (e.g. to test restarts); a fresh temp dir by default. */
  dir?: string
  blockSeconds?: number
  env?: Record<string, string>
  /** Give up after this many ms (default 60 s; tsx compiles on first start). */
  timeoutMs?: number
}

/** Parses RPC JSON keeping integers exact (bigint only above Number.MAX_SAFE_INTEGER). */
export function parseRpcJson(text: string): unknown {
  return parse(text, null, (v: string) => {
    if (!isInteger(v)) return Number.parseFloat(v)
    const n = Number(v)
    return Number.isSafeInteger(n) ? n : BigInt(v)
  })
}

export async function startDevnetProcess(options: StartDevnetOptions = {}): Promise<DevnetProcess> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'devnet-'))
  const child: ChildProcess = spawn(TSX, [join(REPO, 'lib/devnet/main.ts')], {
    cwd: REPO,
    env: {
      ...process.env,
      DEVNET_PORT: '0',
      DEVNET_DIR: dir,
      DEVNET_BLOCK_SECONDS: String(options.blockSeconds ?? 3),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`devnet did not start in time:\n${out}`)), options.timeoutMs ?? 60_000)
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const m = /DEVNET_READY (\{.*\})/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve((JSON.parse(m[1]) as { port: number }).port)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (c: Buffer) => {
      out += c.toString()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`devnet exited with code ${code}:\n${out}`))
    })
  })
  const url = `http://127.0.0.1:${port}`
  const rpc = async (method: string, params: Record<string, unknown> = {}) => {
    const res = await fetch(`${url}/${method}`, { method: 'POST', body: stringify(params) ?? '{}', headers: { 'content-type': 'application/json' } })
    return parseRpcJson(await res.text()) as never
  }
  return {
    url,
    port,
    dir,
    output: () => out,
    rpc,
    async farmBlocks(address, blocks = 1) {
      const r = (await rpc('farm_block', { address, blocks })) as { success: boolean; new_peak_height: number; error?: string }
      if (!r.success) throw new Error(`farm_block failed: ${r.error}`)
      return r.new_peak_height
    },
    pushTx: (spendBundle) => rpc('push_tx', { spend_bundle: spendBundleToRpc(spendBundle) as unknown as Record<string, unknown> }),
    async stop({ removeDir = false } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()))
        child.kill('SIGTERM')
        await exited
      }
      if (removeDir) rmSync(dir, { recursive: true, force: true })
    },
  }
}
