import { defineConfig } from '@playwright/test'

/**
 * Browser tests drive Debian's Chromium (never a downloaded browser; `npm test` installs it
 * with apt-get when it is missing) against a production build of the app on a fixed port.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100)
const BASE_URL = `http://127.0.0.1:${PORT}`
const NEXT = 'node_modules/.bin/next'

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
  // TODO(devnet): when lib/devnet/main.ts lands, add it here as a second web server
  // (`node_modules/.bin/tsx lib/devnet/main.ts`, DEVNET_DIR in a temp folder) so browser tests
  // run against the embedded devnet.
  webServer: {
    // A production build is slower to start than `next dev` but then serves every page at once,
    // with no on-demand compilation to time out on a 2-core CI machine.
    // No --hostname: with a specific IP, Next.js 16 proxies the rewrite in proxy.ts over HTTP.
    command: `${NEXT} build && ${NEXT} start --port ${PORT}`,
    url: `${BASE_URL}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      // scripts/test.mjs has already run `tsc --noEmit`.
      DLS_SKIP_BUILD_TYPECHECK: '1',
      // Browser tests never touch a live network, whatever the developer's shell says.
      CHIA_NETWORK: 'devnet',
      FULL_NODE_URLS: '',
    },
  },
})
