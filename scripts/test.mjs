#!/usr/bin/env node
// `npm test`: every check the project has, in order, stopping at the first failure:
//   ESLint → TypeScript (tsc --noEmit) → Vitest (unit + integration) → Playwright (Chromium).
//
// The browser tests use Debian's Chromium at /usr/bin/chromium. When it is missing this script
// installs it with apt-get if running as root, and otherwise stops with instructions: it never
// skips the browser tests.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const BIN = join(ROOT, 'node_modules', '.bin')
const CHROMIUM = '/usr/bin/chromium'

const say = (text) => console.log(`\n\x1b[1m▶ ${text}\x1b[0m`)
const fail = (text, code = 1) => {
  console.error(`\n\x1b[31mnpm test: ${text}\x1b[0m`)
  process.exit(code)
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) {
    fail(
      `Chromium is required for the browser tests and was not found at ${CHROMIUM}.\n` +
        'Install it, then run npm test again:\n' +
        '  sudo apt-get update && sudo apt-get install -y chromium\n' +
        '(As root, npm test installs it by itself.)',
    )
  }
  say(`Chromium not found at ${CHROMIUM}: installing it with apt-get`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env })
    if (result.error) fail(`could not run apt-get (${result.error.message}); install chromium and retry.`)
    if (result.status !== 0) fail(`apt-get ${args.join(' ')} failed with exit code ${result.status}.`)
  }
  if (!existsSync(CHROMIUM)) fail(`apt-get finished but ${CHROMIUM} is still missing.`)
}

/** Resolves whether nothing listens on `port`, on loopback or on all interfaces. */
async function portIsFree(port) {
  for (const host of ['127.0.0.1', '0.0.0.0']) {
    const free = await new Promise((resolve) => {
      const server = createServer()
      server.once('error', () => resolve(false))
      server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)))
    })
    if (!free) return false
  }
  return true
}

/** A port the operating system reports free right now. */
const anyFreePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

/**
 * Ports for the browser tests (read by playwright.config.ts and the specs). Explicit E2E_*
 * values win; otherwise the defaults, unless another test run on this machine holds them.
 */
async function e2ePorts() {
  const env = {}
  for (const [name, preferred, what] of [
    ['E2E_PORT', 3100, 'the app'],
    ['E2E_DEVNET_PORT', 18755, 'the test devnet'],
    ['E2E_WC_RELAY_PORT', 3199, 'the WalletConnect test relay'],
  ]) {
    if (process.env[name]) continue
    if (await portIsFree(preferred)) continue
    env[name] = String(await anyFreePort())
    console.log(`Port ${preferred} is busy; ${what} uses ${env[name]} (${name}).`)
  }
  return env
}

let current
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    current?.kill(signal)
    process.exit(130)
  })
}

/** Runs one step with inherited output; resolves to its exit code. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    current = spawn(join(BIN, command), args, {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    })
    current.on('error', (error) => {
      console.error(error.message)
      resolve(1)
    })
    current.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

const steps = [
  {
    name: 'ESLint',
    command: 'eslint',
    args: ['.', '--cache', '--cache-location', 'node_modules/.cache/eslint/'],
    ok: 'ESLint: no errors',
  },
  { name: 'TypeScript', command: 'tsc', args: ['--noEmit'], ok: 'TypeScript: no type errors' },
  { name: 'Vitest', command: 'vitest', args: ['run'] },
  { name: 'Playwright', command: 'playwright', args: ['test'], env: { NEXT_TELEMETRY_DISABLED: '1' } },
]

ensureChromium()
for (const step of steps) {
  say(`${step.name}: ${step.command} ${step.args.join(' ')}`)
  const started = Date.now()
  const env = step.name === 'Playwright' ? { ...step.env, ...(await e2ePorts()) } : step.env
  const code = await run(step.command, step.args, env)
  if (code !== 0) fail(`${step.name} failed (exit code ${code}).`, code)
  // ESLint and tsc are silent on success; give them a summary line like the test runners.
  if (step.ok) console.log(`✓ ${step.ok} (${((Date.now() - started) / 1000).toFixed(1)}s)`)
}
