/**
 * `npm run bench`: runs every bench/*.ts script in its own process (so one cannot skew another's
 * heap or JIT), collects the JSON object each prints as its last stdout line, and writes the merged
 * report to bench/results/latest.json as well as stdout.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = new URL('.', import.meta.url).pathname
const only = process.argv.slice(2)
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort()

const report: Record<string, unknown> = {
  node: process.version,
  cpus: (await import('node:os')).cpus().length,
  startedAt: new Date().toISOString(),
}
let failed = 0
for (const script of scripts) {
  const name = script.replace(/\.ts$/, '')
  process.stderr.write(`bench: ${name}…\n`)
  const started = Date.now()
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, script)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: 10 * 60_000,
  })
  const lines = (r.stdout ?? '').trim().split('\n')
  const last = lines[lines.length - 1] ?? ''
  try {
    if (r.status !== 0) throw new Error(`exit ${r.status}`)
    report[name] = { ...JSON.parse(last), wallSeconds: (Date.now() - started) / 1000 }
  } catch (e) {
    failed++
    report[name] = { error: String(e), tail: lines.slice(-5).join('\n') }
  }
}
mkdirSync(join(dir, 'results'), { recursive: true })
const json = JSON.stringify(report, null, 2)
writeFileSync(join(dir, 'results', 'latest.json'), `${json}\n`)
process.stdout.write(`${json}\n`)
process.exit(failed > 0 ? 1 : 0)
