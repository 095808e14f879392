import { describe, expect, it } from 'vitest'
import * as driver from '@/tests/support/driver-compat'
import { caseByName, driverVectors, fromJson, type Json, toJson } from './vectors'

const V = driverVectors
const VALID = V.cases.filter((c: Json) => !c.name.endsWith('_BUG') && c.output !== null)

function run(c: Json): Json {
  const i = fromJson(c.inputs)
  switch (c.fn) {
    case 'mintStore':
      return driver.mintStore(i.minterSyntheticKey, i.selectedCoins, i.rootHash, i.label, i.description, i.bytes, i.ownerPuzzleHash, i.delegatedPuzzles, i.fee)
    case 'updateStoreMetadata':
      return driver.updateStoreMetadata(i.store, i.newRootHash, i.newLabel, i.newDescription, i.newBytes, i.ownerPublicKey, i.adminPublicKey, i.writerPublicKey)
    case 'updateStoreOwnership':
      return driver.updateStoreOwnership(i.store, i.newOwnerPuzzleHash, i.newDelegatedPuzzles, i.ownerPublicKey, i.adminPublicKey)
    case 'oracleSpend':
      return driver.oracleSpend(i.spenderSyntheticKey, i.selectedCoins, i.store, i.fee)
    case 'meltStore':
      return driver.meltStore(i.store, i.ownerPublicKey)
    case 'addFee':
      return driver.addFee(i.spenderSyntheticKey, i.selectedCoins, i.assertCoinIds, i.fee)
    case 'sendXch':
      return driver.sendXch(i.syntheticKey, i.selectedCoins, i.outputs, i.fee)
    default:
      throw new Error(`unhandled fn ${c.fn}`)
  }
}

/** The coin spends a signature case covers (some cases reference other cases' outputs). */
function spendsOf(c: Json): Json[] {
  if (c.output && Array.isArray(c.output)) return fromJson(c.output)
  if (c.output?.coinSpends) return fromJson(c.output.coinSpends)
  const ref = String(c.inputs.coinSpends)
  return ref.split(' ++ ').flatMap((part) => {
    const [name, ...path] = part.split('.')
    let v = caseByName(name)
    for (const p of path) v = v[p]
    return fromJson(v)
  })
}

describe('reference driver cases, byte for byte through the facade', () => {
  it('covers every valid case in the vectors', () => {
    expect(VALID.length).toBeGreaterThanOrEqual(30)
  })

  for (const c of VALID.filter((x: Json) => x.fn !== 'getCost+signCoinSpends' && x.fn !== 'signCoinSpends')) {
    it(`${c.name} (${c.fn})`, () => {
      expect(toJson(run(c))).toEqual(c.output)
    })
  }
})

describe('signatures (mainnet and testnet11) over each case’s spends', () => {
  for (const c of V.cases.filter((x: Json) => x.signatures)) {
    it(c.name, () => {
      const spends = spendsOf(c)
      const keys = c.signatures.privateKeys.map((k: string) => fromJson(k))
      expect(toJson(driver.signCoinSpends(spends, keys, false))).toBe(c.signatures.mainnet)
      expect(toJson(driver.signCoinSpends(spends, keys, true))).toBe(c.signatures.testnet11)
    })
  }
})

describe('driver bugs are fixed, not copied (datalayer-protocol.md §11)', () => {
  it('admin setting an empty delegate list is refused', () => {
    const c = caseByName('update_ownership_admin_sets_empty_delegates_BUG')
    expect(() => run(c)).toThrow(expect.objectContaining({ name: 'AdminCannotRemoveAllDelegatesError' }))
  })
  it('admin setting a new owner is refused', () => {
    const c = caseByName('update_ownership_admin_sets_new_owner_BUG')
    expect(() => run(c)).toThrow(expect.objectContaining({ name: 'AdminCannotChangeOwnerError' }))
  })
  it('the same admin spend without the owner change is the valid one (bytes of the driver case differ only in memos)', () => {
    const c = caseByName('update_ownership_admin_sets_new_owner_BUG')
    const i = fromJson(c.inputs)
    const ok = driver.updateStoreOwnership(i.store, null, i.newDelegatedPuzzles, null, i.adminPublicKey)
    expect(toJson(ok.newStore.ownerPuzzleHash)).toBe(c.inputs.store.ownerPuzzleHash)
  })
})
