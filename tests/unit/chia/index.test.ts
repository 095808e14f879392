import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import * as chia from '@/lib/chia'

describe('lib/chia public API', () => {
  it('exports exactly the reviewed surface', () => {
    const surface = Object.keys(chia)
      .sort()
      .map((k) => `${k}: ${typeof (chia as Record<string, unknown>)[k]}`)
    expect(surface).toMatchSnapshot()
  })

  it('bundles for the browser with no Node built-ins', async () => {
    const result = await build({
      entryPoints: ['lib/chia/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
      alias: { '@': '.' },
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.filter((i) => i.startsWith('node:') || /(^|\/)node_modules\/(buffer|crypto-browserify|process)\//.test(i))).toEqual([])
    expect(inputs.every((i) => i.startsWith('lib/chia/') || i.includes('node_modules/@noble/') || i.includes('node_modules/@scure/'))).toBe(true)
    const code = result.outputFiles[0].contents
    const text = new TextDecoder().decode(code)
    expect(text).not.toMatch(/require\(["']node:/)
    expect(text).not.toMatch(/process\.env/)
    const gz = gzipSync(code).length
    // Printed for the closing note / benchmarks; the bound only catches an accidental huge dependency.
    console.log(`lib/chia browser bundle: ${code.length} bytes minified, ${gz} bytes gzipped`)
    expect(gz).toBeLessThan(250_000)
  })
})
