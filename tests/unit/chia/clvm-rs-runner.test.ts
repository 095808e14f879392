import { describe, expect, it } from 'vitest'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { programFromHex, programToHex } from '@/lib/chia/clvm/serialize'

describe('clvm_rs runner', () => {
  const runner = createClvmRsRunner()
  it('runs a program', () => {
    const r = runner.run(programFromHex('ff10ff02ff0580'), programFromHex('ff03ff0480'))
    expect(programToHex(r.value)).toBe('07')
    expect(r.cost).toBeGreaterThan(0n)
  })
  it('reports raise and cost exceeded', () => {
    expect(() => runner.run(programFromHex('ff08ff0280'), programFromHex('ff03ff0480'))).toThrow(/clvm raise/)
    expect(() => runner.run(programFromHex('ff10ff02ff0580'), programFromHex('ff03ff0480'), 10n)).toThrow(/cost exceeded/)
  })
})
