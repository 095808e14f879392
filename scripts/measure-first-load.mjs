#!/usr/bin/env node
// First-load JavaScript per app route, gzipped, from a production build (`next build`).
//
//   node scripts/measure-first-load.mjs [--dir .next] [--json] [--route /s/[storeId]]
//
// For each app route, first-load JS = the root main files of the build manifest (the runtime and
// framework every page loads) ∪ the entry chunks its client reference manifest lists for the
// route's tree (root layout, error and not-found boundaries, the page). Each file is gzipped at
// level 9, like a CDN would, and the sizes summed. It also reports whether wallet code
// (WalletConnect, the burner wallet, BLS signing) is among those chunks: it must load only when
// the user connects (PRODUCT.md "Targets").
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { createRequire } from 'node:module'
import { gzipSync } from 'node:zlib'

const args = process.argv.slice(2)
const opt = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : fallback
}
const DIR = opt('--dir', '.next')
const ONLY = opt('--route', undefined)
const JSON_OUT = args.includes('--json')
const BUDGET_KB = 150

// Strings that only wallet code contains (connector libraries and our signer).
const WALLET_MARKERS = ['@walletconnect', 'WalletConnectModal', 'wc@2:', 'burner-wallet', 'signCoinSpends', 'AugSchemeMPL']

if (!existsSync(join(DIR, 'build-manifest.json'))) {
  console.error(`No production build in ${DIR}: run \`next build\` first.`)
  process.exit(1)
}
const buildManifest = JSON.parse(readFileSync(join(DIR, 'build-manifest.json'), 'utf8'))
const rootMain = buildManifest.rootMainFiles ?? []

function manifests(dir) {
  const out = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...manifests(path))
    else if (name === 'page_client-reference-manifest.js') out.push(path)
  }
  return out
}

const require = createRequire(import.meta.url)
const gzCache = new Map()
function sizes(file) {
  if (!gzCache.has(file)) {
    const bytes = readFileSync(join(DIR, file))
    gzCache.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, text: bytes.toString('utf8') })
  }
  return gzCache.get(file)
}

const rows = []
for (const path of manifests(join(DIR, 'server', 'app'))) {
  globalThis.__RSC_MANIFEST = {}
  require(join(process.cwd(), path))
  const [page, manifest] = Object.entries(globalThis.__RSC_MANIFEST)[0]
  const route = page.replace(/\/page$/, '') || '/'
  if (route.startsWith('/_')) continue
  if (ONLY && route !== ONLY) continue
  const files = new Set(rootMain)
  for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) files.add(f)
  let raw = 0
  let gzip = 0
  const wallet = new Set()
  const chunks = []
  for (const f of files) {
    const s = sizes(f)
    raw += s.raw
    gzip += s.gzip
    chunks.push({ file: f, gzipKB: +(s.gzip / 1024).toFixed(1) })
    for (const m of WALLET_MARKERS) if (s.text.includes(m)) wallet.add(m)
  }
  chunks.sort((a, b) => b.gzipKB - a.gzipKB)
  rows.push({ route, files: files.size, rawKB: +(raw / 1024).toFixed(1), gzipKB: +(gzip / 1024).toFixed(1), walletCode: [...wallet], largest: chunks.slice(0, 3) })
}
rows.sort((a, b) => a.route.localeCompare(b.route))

if (JSON_OUT) {
  console.log(JSON.stringify({ dir: relative(process.cwd(), DIR) || '.', budgetKB: BUDGET_KB, routes: rows }, null, 2))
} else {
  console.log(`First-load JS per route (gzip -9) from ${DIR}; budget for /s/[storeId]: ${BUDGET_KB} KB`)
  console.log('route'.padEnd(34) + 'files'.padStart(6) + 'raw KB'.padStart(10) + 'gzip KB'.padStart(10) + '  wallet code')
  for (const r of rows) {
    console.log(r.route.padEnd(34) + String(r.files).padStart(6) + r.rawKB.toFixed(1).padStart(10) + r.gzipKB.toFixed(1).padStart(10) + '  ' + (r.walletCode.length ? r.walletCode.join(', ') : 'none'))
  }
}
const store = rows.find((r) => r.route === '/s/[storeId]')
if (store && (store.gzipKB > BUDGET_KB || store.walletCode.length > 0)) process.exitCode = 2
