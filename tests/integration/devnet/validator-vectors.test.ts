/**
 * The validator against the reference driver's vectors: every driver-built bundle (mint, updates,
 * ownership changes, oracle spends, melts, fees) validates on a chain view with the mainnet
 * genesis challenge, with the driver's own mainnet aggregate signature; the cost model is current
 * Chia's (libs.md §2b: the vanilla update is 34,380,546, not the GENERATOR_ROM 37,596,666); and
 * the byte-level helpers agree with the Program-based ones.
 */
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { NIL, atom, cons, int, list } from '@/lib/chia/clvm/program'
import { programFromBytes, programToBytes } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import type { CoinRecord, SpendBundle } from '@/lib/chia/primitives/coin-spend'
import { MAINNET_GENESIS_CHALLENGE, TESTNET11_GENESIS_CHALLENGE } from '@/lib/chia/primitives/network'
import { type BlsVerifier, createBlsVerifier } from '@/lib/devnet/bls-verifier'
import { ConsensusError } from '@/lib/devnet/chia-err'
import { serializedTreeHash } from '@/lib/devnet/serialized-tree-hash'
import { type ChainView, generatorLength, validateSpendBundle } from '@/lib/devnet/validate-spend-bundle'

interface VectorSpend {
  coin: { parentCoinInfo: string; puzzleHash: string; amount: string }
  puzzleReveal: string
  solution: string
}
interface VectorCase {
  name: string
  output?: { coinSpends?: VectorSpend[] }
  signatures?: { mainnet?: string; testnet11?: string }
  cost?: string
}
const vectors = JSON.parse(readFileSync(new URL('../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8')) as {
  cases: VectorCase[]
}
const signedCases = vectors.cases.filter((c) => c.output?.coinSpends?.length && c.signatures?.mainnet && !c.name.endsWith('_BUG'))

const toBundle = (c: VectorCase, sig: string): SpendBundle => ({
  coinSpends: c.output!.coinSpends!.map((s) => ({
    coin: { parentCoinInfo: hexToBytes(s.coin.parentCoinInfo), puzzleHash: hexToBytes(s.coin.puzzleHash), amount: BigInt(s.coin.amount) },
    puzzleReveal: hexToBytes(s.puzzleReveal),
    solution: hexToBytes(s.solution),
  })),
  aggregatedSignature: hexToBytes(sig),
})

// Every coin not created by the bundle exists, unspent, confirmed at height 1.
const chainFor = (bundle: SpendBundle, genesisChallenge: Uint8Array): ChainView => {
  const records = new Map<string, CoinRecord>()
  for (const s of bundle.coinSpends) records.set(bytesToHex(coinId(s.coin)), { coin: s.coin, confirmedBlockIndex: 1, spentBlockIndex: 0, coinbase: false, timestamp: 1000n })
  return { peak: { height: 10, timestamp: 2000n }, getCoinRecord: (id) => records.get(id), genesisChallenge }
}

let bls: BlsVerifier
beforeAll(async () => {
  bls = await createBlsVerifier()
})

describe('validator on reference driver bundles', () => {
  it('has driver cases to check', () => {
    expect(signedCases.length).toBeGreaterThan(20)
  })

  it.each(signedCases.map((c) => [c.name, c] as const))('%s validates with the driver signature (mainnet)', (_name, c) => {
    const bundle = toBundle(c, c.signatures!.mainnet!)
    const v = validateSpendBundle(bundle, chainFor(bundle, MAINNET_GENESIS_CHALLENGE), bls)
    expect(v.removals).toHaveLength(bundle.coinSpends.length)
    expect(v.cost).toBeGreaterThan(0n)
    // Current Chia's cost is below the driver's GENERATOR_ROM cost (which also re-hashes puzzles in CLVM).
    expect(v.cost).toBeLessThan(BigInt(c.cost!))
  })

  it('refuses the mainnet signature on testnet11 (AGG_SIG_ME binds the genesis challenge)', () => {
    const c = signedCases.find((x) => x.name === 'update_metadata_admin')!
    const bundle = toBundle(c, c.signatures!.mainnet!)
    expect(() => validateSpendBundle(bundle, chainFor(bundle, TESTNET11_GENESIS_CHALLENGE), bls)).toThrow(ConsensusError)
    const ok = toBundle(c, c.signatures!.testnet11!)
    expect(validateSpendBundle(ok, chainFor(ok, TESTNET11_GENESIS_CHALLENGE), bls).fee).toBe(0n)
  })

  it('charges run_block_generator2 cost: 34,380,546 for the vanilla update (libs.md §2b)', () => {
    const c = vectors.cases.find((x) => x.name === 'update_metadata_owner_minimal_store')!
    const bundle = toBundle(c, c.signatures!.mainnet!)
    expect(validateSpendBundle(bundle, chainFor(bundle, MAINNET_GENESIS_CHALLENGE), bls).cost).toBe(34_380_546n)
  })
})

describe('byte-level helpers', () => {
  it('serializedTreeHash equals treeHash for every vector puzzle and solution', () => {
    let n = 0
    for (const c of signedCases) {
      for (const s of c.output!.coinSpends!) {
        for (const hex of [s.puzzleReveal, s.solution]) {
          const bytes = hexToBytes(hex)
          expect(bytesToHex(serializedTreeHash(bytes))).toBe(bytesToHex(treeHash(programFromBytes(bytes))))
          n++
        }
      }
    }
    expect(n).toBeGreaterThan(50)
  })

  it('serializedTreeHash falls back for back-referenced serializations and big atoms', () => {
    // (x . x) where the second x is a back-reference (0xfe + path 0x02 → left of the parsed stack).
    const big = new Uint8Array(200).fill(7)
    const p = cons(atom(big), atom(big))
    const plain = programToBytes(p)
    expect(bytesToHex(serializedTreeHash(plain))).toBe(bytesToHex(treeHash(p)))
    const backref = new Uint8Array([0xff, ...programToBytes(atom(big)), 0xfe, 0x02])
    expect(bytesToHex(serializedTreeHash(backref))).toBe(bytesToHex(treeHash(programFromBytes(backref))))
  })

  it('generatorLength is the size of (q . ((parent puzzle amount solution) …))', () => {
    for (const c of signedCases.slice(0, 10)) {
      const bundle = toBundle(c, c.signatures!.mainnet!)
      const spends = bundle.coinSpends.map((s) =>
        list([atom(s.coin.parentCoinInfo), programFromBytes(s.puzzleReveal), int(s.coin.amount), programFromBytes(s.solution)]),
      )
      const generator = cons(int(1), list([list(spends)]))
      expect(generatorLength(bundle)).toBe(programToBytes(generator).length)
    }
    expect(programToBytes(NIL).length).toBe(1)
  })
})
