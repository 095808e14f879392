import { describe, expect, it } from 'vitest'

import { describeStoreIdProblem, normalizeStoreId } from '@/lib/store-id'

const HEX = '0123456789abcdef'.repeat(4)

describe('normalizeStoreId', () => {
  it('accepts 64 hex characters, with or without 0x, in any case', () => {
    expect(normalizeStoreId(HEX)).toBe(HEX)
    expect(normalizeStoreId(`0x${HEX}`)).toBe(HEX)
    expect(normalizeStoreId(HEX.toUpperCase())).toBe(HEX)
    expect(normalizeStoreId(`  0x${HEX}\n`)).toBe(HEX)
    expect(normalizeStoreId(`0X${HEX}`)).toBe(HEX)
  })

  it.each([
    ['empty', ''],
    ['not hex', 'not-hex'],
    ['63 characters', HEX.slice(1)],
    ['65 characters', `${HEX}0`],
    ['a non-hex character', `${HEX.slice(1)}g`],
    ['double prefix', `0x0x${HEX}`],
    ['inner whitespace', `${HEX.slice(0, 32)} ${HEX.slice(32)}`],
  ])('rejects %s', (_, text) => {
    expect(normalizeStoreId(text)).toBeUndefined()
  })
})

describe('describeStoreIdProblem', () => {
  it('explains what is wrong', () => {
    expect(describeStoreIdProblem('')).toMatch(/Paste a store id/)
    expect(describeStoreIdProblem('not-hex')).toMatch(/only the characters 0–9 and a–f/)
    expect(describeStoreIdProblem(`0x${HEX.slice(2)}`)).toMatch(/this one has 62/)
  })
})
