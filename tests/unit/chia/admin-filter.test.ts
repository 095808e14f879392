import { describe, expect, it } from 'vitest'
import { curry } from '@/lib/chia/clvm/curry'
import { atom, int, list, NIL, quote, type Program } from '@/lib/chia/clvm/program'
import { programToHex } from '@/lib/chia/clvm/serialize'
import { ADMIN_FILTER_MOD } from '@/lib/chia/puzzles/admin-filter'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'

// The legacy admin filter passes an admin's conditions through, except any CREATE_COIN (an admin
// must not re-create or replace the owner's layer), opcode -113, and a -24 whose updater solution
// carries a second, non-nil element (the driver's -24 solution is ((metadata updater_ph) ())).
const runner = createClvmRsRunner()
const ph = atom(new Uint8Array(32).fill(7))
const filtered = (conditions: Program[]) => runner.run(curry(ADMIN_FILTER_MOD, [quote(list(conditions))]), list([NIL]))

describe('admin filter (legacy puzzle)', () => {
  it('passes -13, the driver-shaped -24 and other conditions through unchanged', () => {
    const metadata = list([atom(new Uint8Array(32).fill(1))])
    const conditions = [
      list([int(-13), atom(new Uint8Array(32))]),
      list([int(-24), int(11), list([list([metadata, ph]), NIL])]),
      list([int(60), atom(new Uint8Array([1, 2]))]),
    ]
    expect(programToHex(filtered(conditions).value)).toBe(programToHex(list(conditions)))
  })

  it('refuses any CREATE_COIN, opcode -113 and a -24 carrying a second solution element', () => {
    expect(() => filtered([list([int(51), ph, int(1)])])).toThrow(/clvm raise/)
    expect(() => filtered([list([int(51), ph, int(2)])])).toThrow(/clvm raise/)
    expect(() => filtered([list([int(-113), ph, int(1)])])).toThrow(/clvm raise/)
    expect(() => filtered([list([int(-24), int(11), list([NIL, ph])])])).toThrow(/clvm raise/)
  })
})
