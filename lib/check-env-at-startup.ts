import 'server-only'

import { env, InvalidEnvError } from '@/lib/env'

/**
 * Validates the configuration when the server starts (called from instrumentation.ts). A bad
 * value stops the process with a message naming each variable, instead of surfacing later as
 * a broken page.
 */
export function checkEnvAtStartup(): void {
  try {
    const { network, fullNodeUrls } = env()
    console.info(`DataLayer Studio: network ${network}; full nodes ${fullNodeUrls.join(', ')}`)
  } catch (error) {
    if (!(error instanceof InvalidEnvError)) throw error
    console.error(`\n${error.message}\n\nSee "Configuration" in README.md.\n`)
    process.exit(1)
  }
}
