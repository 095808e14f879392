#!/usr/bin/env node
// `npm run dev`: the Next.js dev server, plus the embedded devnet when the app runs against it.
//
//   npm run dev                       → devnet (lib/devnet/main.ts on DEVNET_PORT) + next dev
//   CHIA_NETWORK=testnet11 npm run dev → next dev only (the app talks to FULL_NODE_URLS)
//   npm run dev -- --port 4000        → extra arguments go to `next dev`
//
// Ctrl-C (or SIGTERM) stops both. If either process exits on its own, the other is stopped too,
// so a devnet that failed to start never leaves a half-working app behind.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const BIN = join(ROOT, 'node_modules', '.bin')
const DEVNET_ENTRY = join(ROOT, 'lib', 'devnet', 'main.ts')
const FORCE_KILL_AFTER_MS = 5_000

const network = (process.env.CHIA_NETWORK ?? '').trim() || 'devnet'
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1' }

/** @type {Map<string, import('node:child_process').ChildProcess>} */
const children = new Map()
let stopping = false
let exitCode = 0

function stopAll(signal = 'SIGTERM') {
  if (!stopping) {
    stopping = true
    setTimeout(() => {
      for (const child of children.values()) child.kill('SIGKILL')
    }, FORCE_KILL_AFTER_MS).unref()
  }
  for (const child of children.values()) child.kill(signal)
}

function start(name, command, args) {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['inherit', 'inherit', 'inherit'] })
  children.set(name, child)
  child.on('error', (error) => {
    console.error(`[dev] could not start ${name}: ${error.message}`)
    exitCode = 1
    children.delete(name)
    stopAll()
  })
  child.on('exit', (code, signal) => {
    children.delete(name)
    if (!stopping) {
      console.error(`[dev] ${name} exited (${signal ?? `code ${code}`}); stopping the rest.`)
      exitCode = code || 1
      stopAll()
    }
    if (children.size === 0) process.exit(exitCode)
  })
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => stopAll(signal === 'SIGHUP' ? 'SIGTERM' : signal))
}

// ─── Embedded devnet ────────────────────────────────────────────────────────────────────────
// Started only when the app is configured for it (CHIA_NETWORK unset or "devnet"). The devnet
// reads DEVNET_PORT (default 18555) and DEVNET_DIR (default .devnet) itself; `npm run
// devnet:reset` wipes its state.
if (network === 'devnet') {
  if (existsSync(DEVNET_ENTRY)) {
    console.log(`[dev] starting the embedded devnet (port ${process.env.DEVNET_PORT || 18555})`)
    start('devnet', join(BIN, 'tsx'), [DEVNET_ENTRY])
  } else {
    console.warn('[dev] lib/devnet/main.ts not found: starting Next.js without the embedded devnet.')
  }
} else {
  console.log(`[dev] CHIA_NETWORK=${network}: not starting the embedded devnet.`)
}

start('next', join(BIN, 'next'), ['dev', ...process.argv.slice(2)])
