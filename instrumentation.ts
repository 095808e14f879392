/** Runs once when a Next.js server starts. */
export async function register() {
  // `next build` loads this file too; configuration belongs to the machine that runs the app.
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  // The literal comparison lets Next.js drop the Node-only import from the edge bundle.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkEnvAtStartup } = await import('./lib/check-env-at-startup')
    checkEnvAtStartup()
  }
}
