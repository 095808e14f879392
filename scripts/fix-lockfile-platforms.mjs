#!/usr/bin/env node
// Restores package-lock.json entries for other platforms' optional native packages
// (@next/swc-darwin-arm64, @rollup/rollup-win32-x64-msvc, …).
//
// Why: when the registry (or a caching proxy in front of it) cannot serve a platform package's
// manifest, `npm install` prunes it from the lock, but `npm ci` still expects it there and
// stops with "Missing: <name>@ from lock file". An entry with version, os/cpu/libc and
// `optional: true` is all npm needs: on other platforms the package is skipped without a
// download, and on its own platform npm fetches it by name and version.
//
// Usage: node scripts/fix-lockfile-platforms.mjs   (then commit package-lock.json)
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const LOCK = join(dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json')
const OSES = new Set(['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'])

/** Platform constraints from a package name such as `swc-linux-arm64-musl` or `oxide-wasm32-wasi`. */
function platformOf(name) {
  const tail = name.split('/').pop()
  if (/(^|-)wasm32-wasi$/.test(tail)) return { cpu: ['wasm32'] }
  const parts = tail.split('-')
  const at = parts.findIndex((p) => OSES.has(p))
  if (at < 0 || at + 1 >= parts.length) return undefined
  const [os, cpu, abi = ''] = parts.slice(at, at + 3)
  const platform = { cpu: [cpu], os: [os] }
  if (os === 'linux' && abi.startsWith('gnu')) platform.libc = ['glibc']
  if (os === 'linux' && abi.startsWith('musl')) platform.libc = ['musl']
  return platform
}

const lock = JSON.parse(readFileSync(LOCK, 'utf8'))
const packages = lock.packages
const added = []
const skipped = []

for (const [key, pkg] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    // npm places the dependency next to its parent or in a node_modules folder above it.
    const candidates = []
    for (let dir = key; ; dir = dir.slice(0, dir.lastIndexOf('/node_modules/'))) {
      candidates.push(dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`)
      if (!dir.includes('/node_modules/')) {
        if (dir !== '') candidates.push(`node_modules/${name}`)
        break
      }
    }
    if (candidates.some((c) => c in packages)) continue
    const platform = platformOf(name)
    if (!platform || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
      skipped.push(`${name}@${spec} (needed by ${key || 'the root'})`)
      continue
    }
    const target = candidates.at(-1)
    packages[target] = {
      version: spec,
      cpu: platform.cpu,
      ...(pkg.dev ? { dev: true } : {}),
      ...(platform.libc ? { libc: platform.libc } : {}),
      optional: true,
      ...(platform.os ? { os: platform.os } : {}),
    }
    added.push(`${name}@${spec}`)
  }
}

if (added.length > 0) {
  const [root, ...rest] = Object.keys(packages)
  lock.packages = Object.fromEntries([root, ...rest.sort()].map((k) => [k, packages[k]]))
  writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`)
}
console.log(added.length ? `Added ${added.length} lock entries:\n  ${added.join('\n  ')}` : 'package-lock.json already lists every platform package.')
if (skipped.length) console.warn(`Could not add (not an exact version or not a platform package):\n  ${skipped.join('\n  ')}`)
