import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { programToHex } from '@/lib/chia/clvm/serialize'
import { bytesToHex } from '@/lib/chia/primitives/bytes'
import type { Program } from '@/lib/chia/clvm/program'

// Every puzzle module exports NAME, NAME_HEX and NAME_HASH; recompute each hash from the bytes.
const dir = new URL('../../../lib/chia/puzzles/', import.meta.url)
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))

describe('puzzle constants', () => {
  it('has puzzle modules', () => expect(files.length).toBeGreaterThanOrEqual(14))
  it.each(files)('%s: tree hash and bytes agree', async (file) => {
    const mod = (await import(`@/lib/chia/puzzles/${file.replace(/\.ts$/, '')}`)) as Record<string, unknown>
    const hexKeys = Object.keys(mod).filter((k) => k.endsWith('_HEX'))
    expect(hexKeys.length).toBeGreaterThan(0)
    for (const hk of hexKeys) {
      const base = hk.slice(0, -4)
      const program = mod[base] as Program
      expect(programToHex(program)).toBe(mod[hk])
      expect(bytesToHex(treeHash(program)), base).toBe(bytesToHex(mod[`${base}_HASH`] as Uint8Array))
    }
  })
})
