import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { defineConfig } from '@playwright/test'

/**
 * Browser tests drive Debian's Chromium (never a downloaded browser; `npm test` installs it
 * with apt-get when it is missing) against a production build of the app on a fixed port,
 * backed by the embedded devnet.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100)
const BASE_URL = `http://127.0.0.1:${PORT}`
const NEXT = 'node_modules/.bin/next'

// The devnet the app talks to during the tests: its own port and a fresh state folder per run,
// so a developer's `npm run dev` (port 18555, .devnet/) is never touched.
const DEVNET_PORT = Number(process.env.E2E_DEVNET_PORT ?? 18755)
const DEVNET_DIR = join(tmpdir(), `datalayer-studio-e2e-devnet-${DEVNET_PORT}`)
const HAS_DEVNET = existsSync('lib/devnet/main.ts')
// WalletConnect specs start a loopback relay (tests/support/wc-relay.ts) on this port; the app
// is pointed at it so pairing never leaves the machine.
const WC_RELAY_PORT = Number(process.env.E2E_WC_RELAY_PORT ?? 3199)

const CHROMIUM_PATH = '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  // Chromium refuses to run as root without it (CI containers run as root).
  '--no-sandbox',
  '--disable-gpu',
  // Stop background traffic that would otherwise stall against a closed network.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

const devnetServer = {
  command: `rm -rf '${DEVNET_DIR}' && node_modules/.bin/tsx lib/devnet/main.ts`,
  port: DEVNET_PORT,
  timeout: 60_000,
  reuseExistingServer: false,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  env: { DEVNET_PORT: String(DEVNET_PORT), DEVNET_DIR },
}

const appServer = {
  // A production build is slower to start than `next dev` but then serves every page at once,
  // with no on-demand compilation to time out on a 2-core CI machine.
  // No --hostname: with a specific IP, Next.js 16 proxies the rewrite in proxy.ts over HTTP.
  command: `${NEXT} build && ${NEXT} start --port ${PORT}`,
  url: `${BASE_URL}/`,
  timeout: 240_000,
  reuseExistingServer: false,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  env: {
    NEXT_TELEMETRY_DISABLED: '1',
    // scripts/test.mjs has already run `tsc --noEmit`.
    DLS_SKIP_BUILD_TYPECHECK: '1',
    // Browser tests never touch a live network, whatever the developer's shell says.
    CHIA_NETWORK: 'devnet',
    FULL_NODE_URLS: '',
    DEVNET_PORT: String(DEVNET_PORT),
    DEVNET_DIR,
    WALLETCONNECT_PROJECT_ID: '0123456789abcdef0123456789abcdef',
    WALLETCONNECT_RELAY_URL: `ws://127.0.0.1:${WC_RELAY_PORT}`,
  },
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: HAS_DEVNET ? [devnetServer, appServer] : [appServer],
})
