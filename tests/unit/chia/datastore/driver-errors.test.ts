import { describe, expect, it } from 'vitest'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { dataStoreFromSpend } from '@/lib/chia/datastore/data-store-from-spend'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'
import * as driver from '@/tests/support/driver-compat'
import { caseByName, driverVectors, fromJson, type Json, toJson } from './vectors'

const V = driverVectors
const errorCase = (name: string): Json => V.errors.find((e: Json) => e.name === name)
const storeOf = (ref: Json) => (typeof ref === 'string' ? fromJson(caseByName(ref.split('.')[0]).output.newStore) : fromJson(ref))
const keys = V.keys
const pk = (label: string) => hexToBytes(keys[label].syntheticPublicKey)
const ph = (label: string) => hexToBytes(keys[label].puzzleHash)
const mintMinimal = fromJson(caseByName('mint_vanilla_minimal').inputs)
const delegatedStore = fromJson(caseByName('mint_delegated_admin_writer_oracle_full_metadata').output.newStore)

describe('errors[] of the driver vectors, with our fixed behaviour', () => {
  it('covers all 12 recorded error cases', () => {
    expect(V.errors).toHaveLength(12)
  })

  it('admin_key_on_vanilla_store: typed NotADelegateError instead of MissingChild', () => {
    const e = errorCase('admin_key_on_vanilla_store')
    expect(() => driver.updateStoreMetadata(storeOf(e.inputs.store), new Uint8Array(32), null, null, null, null, hexToBytes(e.inputs.adminPublicKey), null)).toThrow(
      expect.objectContaining({ name: 'NotADelegateError' }),
    )
  })

  it('writer_key_on_vanilla_store: typed NotADelegateError instead of MissingChild', () => {
    const e = errorCase('writer_key_on_vanilla_store')
    expect(() => driver.updateStoreMetadata(storeOf(e.inputs.store), new Uint8Array(32), null, null, null, null, null, hexToBytes(e.inputs.writerPublicKey))).toThrow(
      expect.objectContaining({ name: 'NotADelegateError' }),
    )
  })

  it('wrong_owner_key_on_vanilla_store_not_rejected: rejected up front (WrongOwnerKeyError), also for melt', () => {
    const e = errorCase('wrong_owner_key_on_vanilla_store_not_rejected')
    const store = fromJson(e.inputs.store)
    const wrong = hexToBytes(e.inputs.ownerPublicKey)
    expect(e.unexpectedSuccess).toBe(true)
    expect(() => driver.updateStoreMetadata(store, fromJson(e.inputs.newRootHash), null, null, null, wrong)).toThrow(
      expect.objectContaining({ name: 'WrongOwnerKeyError' }),
    )
    expect(() => driver.meltStore(store, wrong)).toThrow(expect.objectContaining({ name: 'WrongOwnerKeyError' }))
  })

  it('oracle_spend_without_oracle_delegate: NoOracleDelegateError', () => {
    const e = errorCase('oracle_spend_without_oracle_delegate')
    const store = storeOf(e.inputs.store)
    const coins = [{ parentCoinInfo: new Uint8Array(32).fill(9), puzzleHash: ph('spender'), amount: 10_000n }]
    expect(() => driver.oracleSpend(pk('spender'), coins, store, 0n)).toThrow(expect.objectContaining({ name: 'NoOracleDelegateError' }))
  })

  it('update_ownership_requires_exactly_one_key: the driver message', () => {
    const e = errorCase('update_ownership_requires_exactly_one_key')
    expect(() => driver.updateStoreOwnership(delegatedStore, null, [], pk('owner'), pk('admin'))).toThrow(e.error)
    expect(() => driver.updateStoreOwnership(delegatedStore, null, [], null, null)).toThrow(e.error)
  })

  it('update_metadata_requires_exactly_one_key / update_metadata_no_key: the driver message', () => {
    const msg = errorCase('update_metadata_requires_exactly_one_key').error
    expect(errorCase('update_metadata_no_key').error).toBe(msg)
    expect(() => driver.updateStoreMetadata(delegatedStore, new Uint8Array(32), null, null, null, pk('owner'), pk('admin'))).toThrow(msg)
    expect(() => driver.updateStoreMetadata(delegatedStore, new Uint8Array(32))).toThrow(msg)
  })

  it('mint_with_odd_oracle_fee: OddOracleFeeError at mint (the helper itself accepts it, like the driver)', () => {
    const odd = driver.oracleDelegatedPuzzle(ph('oracle'), 3n)
    const m = mintMinimal
    expect(() => driver.mintStore(m.minterSyntheticKey, m.selectedCoins, m.rootHash, null, null, null, m.ownerPuzzleHash, [odd], 0n)).toThrow(
      expect.objectContaining({ name: 'OddOracleFeeError' }),
    )
  })

  it('delegated_puzzle_missing_info: the driver message', () => {
    const e = errorCase('delegated_puzzle_missing_info')
    const m = mintMinimal
    expect(() => driver.mintStore(m.minterSyntheticKey, m.selectedCoins, m.rootHash, null, null, null, m.ownerPuzzleHash, [{}], 0n)).toThrow(e.error)
  })

  it('root_hash_wrong_length: InvalidLengthError', () => {
    const m = mintMinimal
    expect(() => driver.mintStore(m.minterSyntheticKey, m.selectedCoins, new Uint8Array(31), null, null, null, m.ownerPuzzleHash, [], 0n)).toThrow(
      expect.objectContaining({ name: 'InvalidLengthError' }),
    )
  })

  it('invalid_public_key: InvalidPublicKeyError for 48 zero bytes', () => {
    const m = mintMinimal
    expect(() => driver.mintStore(new Uint8Array(48), m.selectedCoins, m.rootHash, null, null, null, m.ownerPuzzleHash, [], 0n)).toThrow(
      expect.objectContaining({ name: 'InvalidPublicKeyError' }),
    )
  })

  it('oracle_fee_zero_parse_panics: fee 0 is an empty memo, and mint → ownership update → oracle spend → parse all work', () => {
    const e = errorCase('oracle_fee_zero_parse_panics')
    expect(e.error).toMatch(/SIGABRT/)
    const runner = createClvmRsRunner()
    const zero = fromJson(e.inputs.newDelegatedPuzzles[0])
    const m = mintMinimal
    const minted = driver.mintStore(m.minterSyntheticKey, m.selectedCoins, m.rootHash, null, null, null, m.ownerPuzzleHash, [zero], 0n)
    const launcherSpend = minted.coinSpends.find((cs) => bytesToHex(cs.coin.puzzleHash).startsWith('eff07522'))!
    // KV list memos end in `03 <ph> ()`: the fee memo is the empty atom.
    expect(bytesToHex(launcherSpend.solution)).toContain(`ff03ffa0${bytesToHex(ph('owner'))}ff8080`)
    const eve = dataStoreFromSpend(launcherSpend, [], runner)!
    expect(toJson(driver.dataStoreOut(eve))).toEqual(toJson(minted.newStore))

    const admin = driver.adminDelegatedPuzzleFromKey(pk('admin'))
    const updated = driver.updateStoreOwnership(minted.newStore, null, [zero, admin], m.minterSyntheticKey, null)
    const parsed = dataStoreFromSpend(updated.coinSpends[0], driver.dataStoreIn(minted.newStore).delegatedPuzzles, runner)!
    expect(toJson(driver.dataStoreOut(parsed))).toEqual(toJson(updated.newStore))
    expect(parsed.delegatedPuzzles[0]).toEqual({ type: 'oracle', oraclePuzzleHash: ph('owner'), oracleFee: 0n })

    const spenderCoins = [{ parentCoinInfo: new Uint8Array(32).fill(7), puzzleHash: ph('spender'), amount: 5n }]
    const oracle = driver.oracleSpend(pk('spender'), spenderCoins, updated.newStore, 0n)
    const afterOracle = dataStoreFromSpend(oracle.coinSpends.at(-1)!, parsed.delegatedPuzzles, runner)!
    expect(toJson(driver.dataStoreOut(afterOracle))).toEqual(toJson(oracle.newStore))
  })
})

describe('selectCoins vectors (ChaCha8 knapsack of chia-wallet-sdk 0.13.0)', () => {
  for (const [i, v] of V.selectCoins.vectors.entries()) {
    it(`vector ${i}`, () => {
      const input = fromJson(v.input)
      expect(toJson(driver.selectCoins(input.allCoins, input.totalAmount))).toEqual(v.output)
    })
  }
})

describe('keys, addresses, coin ids, messages, delegated puzzles through the facade', () => {
  for (const [label, k] of Object.entries(keys) as [string, Json][]) {
    it(`key ${label}`, () => {
      expect(bytesToHex(driver.masterSecretKeyToWalletSyntheticSecretKey(hexToBytes(k.masterSecretKey)))).toBe(k.syntheticSecretKey)
      expect(bytesToHex(driver.masterPublicKeyToWalletSyntheticKey(hexToBytes(k.masterPublicKey)))).toBe(k.syntheticPublicKey)
      expect(bytesToHex(driver.secretKeyToPublicKey(hexToBytes(k.syntheticSecretKey)))).toBe(k.syntheticPublicKey)
      expect(bytesToHex(driver.syntheticKeyToPuzzleHash(hexToBytes(k.syntheticPublicKey)))).toBe(k.puzzleHash)
      expect(bytesToHex(driver.masterPublicKeyToFirstPuzzleHash(hexToBytes(k.masterPublicKey)))).toBe(k.firstPuzzleHash)
      expect(driver.puzzleHashToAddress(hexToBytes(k.puzzleHash), 'xch')).toBe(k.xchAddress)
      expect(driver.puzzleHashToAddress(hexToBytes(k.puzzleHash), 'txch')).toBe(k.txchAddress)
      expect(bytesToHex(driver.addressToPuzzleHash(k.txchAddress))).toBe(k.puzzleHash)
    })
  }
  it('addresses', () => {
    for (const a of V.addresses) {
      expect(driver.puzzleHashToAddress(hexToBytes(a.puzzleHash), a.prefix)).toBe(a.address)
      expect(bytesToHex(driver.addressToPuzzleHash(a.address))).toBe(a.decoded)
    }
  })
  it('coin ids', () => {
    for (const c of V.coinIds) expect(bytesToHex(driver.getCoinId(fromJson(c.coin)))).toBe(c.coinId)
  })
  it('signed messages', () => {
    for (const m of V.signedMessages) {
      const sig = driver.signMessage(hexToBytes(m.message), hexToBytes(m.privateKey))
      expect(bytesToHex(sig)).toBe(m.signature)
      expect(driver.verifySignedMessage(sig, hexToBytes(m.publicKey), hexToBytes(m.message))).toBe(m.verifies)
    }
  })
  it('delegated puzzle helpers', () => {
    const d = V.delegatedPuzzles
    expect(toJson(driver.adminDelegatedPuzzleFromKey(hexToBytes(d.admin.input.syntheticKey)))).toEqual(d.admin.output)
    expect(toJson(driver.writerDelegatedPuzzleFromKey(hexToBytes(d.writer.input.syntheticKey)))).toEqual(d.writer.output)
    expect(toJson(driver.oracleDelegatedPuzzle(hexToBytes(d.oracle.input.oraclePuzzleHash), BigInt(d.oracle.input.oracleFee)))).toEqual(d.oracle.output)
  })
})
