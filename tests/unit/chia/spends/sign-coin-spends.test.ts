import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { atom, int, list, type Program, quote } from '@/lib/chia/clvm/program'
import { programFromHex, programToBytes } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { blsAggregate, blsSign, INFINITY_SIGNATURE } from '@/lib/chia/keys/bls'
import { masterToWalletHardened } from '@/lib/chia/keys/derive-keys'
import { mnemonicToMasterSecretKey } from '@/lib/chia/keys/mnemonic'
import { syntheticPublicKey } from '@/lib/chia/keys/synthetic-key'
import { INFINITY_PUBLIC_KEY } from '@/lib/chia/keys/public-key'
import { scalarToSecretKey, secretKeyToPublicKey } from '@/lib/chia/keys/secret-key'
import { bytesToHex, hexToBytes, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import type { Coin } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { MAINNET_GENESIS_CHALLENGE, TESTNET11_GENESIS_CHALLENGE } from '@/lib/chia/primitives/network'
import { sha256 } from '@/lib/chia/primitives/sha256'
import { aggSigMessage } from '@/lib/chia/spends/agg-sig'
import {
  CoinSpendRunError,
  InfinityPublicKeyError,
  InvalidAggSigConditionError,
  MissingSecretKeyError,
  requiredSignatures,
  signCoinSpends,
  verifySpendBundle,
} from '@/lib/chia/spends/sign-coin-spends'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'

const vectors = JSON.parse(
  readFileSync(new URL('../../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8'),
)
const runner = createClvmRsRunner()
const NETWORKS = { mainnet: MAINNET_GENESIS_CHALLENGE, testnet11: TESTNET11_GENESIS_CHALLENGE } as const

interface JsonCoinSpend {
  coin: { parentCoinInfo: string; puzzleHash: string; amount: string }
  puzzleReveal: string
  solution: string
}
interface VectorCase {
  name: string
  inputs: { coinSpends?: string }
  output: null | { coinSpends?: JsonCoinSpend[] } | JsonCoinSpend[]
  signatures: { privateKeys: string[]; mainnet: string; testnet11: string }
  derived?: { coinSpends: { aggSigMe: Record<string, string>[] }[] }
}
const cases = vectors.cases as VectorCase[]

function jsonSpendsOf(c: VectorCase): JsonCoinSpend[] {
  const o = c.output
  if (Array.isArray(o)) return o
  if (o?.coinSpends) return o.coinSpends
  // e.g. "update_metadata_admin.output.coinSpends ++ add_fee_two_coins.output"
  return c.inputs.coinSpends!.split(' ++ ').flatMap((ref) => {
    const [name, , field] = ref.split('.')
    const src = cases.find((x) => x.name === name)!
    return field ? (src.output as { coinSpends: JsonCoinSpend[] }).coinSpends : (src.output as JsonCoinSpend[])
  })
}
const toCoinSpend = (s: JsonCoinSpend): CoinSpend => ({
  coin: { parentCoinInfo: hexToBytes(s.coin.parentCoinInfo), puzzleHash: hexToBytes(s.coin.puzzleHash), amount: BigInt(s.coin.amount) },
  puzzleReveal: hexToBytes(s.puzzleReveal),
  solution: hexToBytes(s.solution),
})
const spendsOf = (c: VectorCase) => jsonSpendsOf(c).map(toCoinSpend)

interface DriverCoinSpend {
  coin: { parentCoinInfo: Buffer; puzzleHash: Buffer; amount: bigint }
  puzzleReveal: Buffer
  solution: Buffer
}
const driver = createRequire(import.meta.url)('@dignetwork/datalayer-driver') as {
  signCoinSpends(coinSpends: DriverCoinSpend[], privateKeys: Buffer[], forTestnet: boolean): Buffer
}
const toDriver = (s: CoinSpend): DriverCoinSpend => ({
  coin: { parentCoinInfo: Buffer.from(s.coin.parentCoinInfo), puzzleHash: Buffer.from(s.coin.puzzleHash), amount: s.coin.amount },
  puzzleReveal: Buffer.from(s.puzzleReveal),
  solution: Buffer.from(s.solution),
})

describe('signCoinSpends against every driver vector case', () => {
  it('has the expected number of cases', () => {
    expect(cases.length).toBe(36)
  })

  for (const c of cases) {
    it(`${c.name}: mainnet and testnet11 aggregated signatures`, () => {
      const spends = spendsOf(c)
      const keys = c.signatures.privateKeys.map((k) => hexToBytes(k))
      for (const [network, genesisChallenge] of Object.entries(NETWORKS) as [keyof typeof NETWORKS, Uint8Array][]) {
        const sig = signCoinSpends(spends, keys, { genesisChallenge, runner, partial: true })
        expect(bytesToHex(sig)).toBe(c.signatures[network])
        const isInfinity = c.signatures[network] === bytesToHex(INFINITY_SIGNATURE)
        // A fully signed bundle verifies on its own network only.
        if (!isInfinity) {
          expect(verifySpendBundle({ coinSpends: spends, aggregatedSignature: sig }, { genesisChallenge, runner })).toBe(true)
          const other = network === 'mainnet' ? TESTNET11_GENESIS_CHALLENGE : MAINNET_GENESIS_CHALLENGE
          expect(verifySpendBundle({ coinSpends: spends, aggregatedSignature: sig }, { genesisChallenge: other, runner })).toBe(false)
        }
      }
    })
  }

  it('requiredSignatures lists exactly the driver-derived AGG_SIG_ME pubkeys and final messages', () => {
    let checked = 0
    for (const c of cases) {
      if (!c.derived) continue
      const expected = c.derived.coinSpends.flatMap((s) => s.aggSigMe)
      for (const [network, genesisChallenge] of Object.entries(NETWORKS)) {
        const got = requiredSignatures(spendsOf(c), { genesisChallenge, runner })
        expect(
          got.map((r) => ({ opcode: r.opcode, publicKey: bytesToHex(r.publicKey), message: bytesToHex(r.rawMessage), coinId: bytesToHex(r.coinId), final: bytesToHex(r.message) })),
        ).toEqual(
          expected.map((e) => ({
            opcode: 50,
            publicKey: e.publicKey,
            message: e.message,
            coinId: e.coinId,
            final: network === 'mainnet' ? e.finalMessageMainnet : e.finalMessageTestnet11,
          })),
        )
        checked += got.length
      }
    }
    expect(checked).toBeGreaterThan(40)
  })
})

// Chia-Network/chips CHIP-0002 example.js (wallets.md §2d, Appendix B): one standard coin of 2000
// mojos spending 1000 to itself, signed by the example mnemonic's hardened index-0 key.
const CHIP0002_MNEMONIC =
  'method private fence fish entry zero motion garden hurt cotton token earth carry today notable sight peanut remain finger stereo raccoon trade tube capital'
const CHIP0002_SPEND = {
  coin: {
    parentCoinInfo: 'ab7c7ec8f5b676dcc32020b9b5142f00db6d49e9a55c9df5b76f541c7eb7c60c',
    puzzleHash: '302a133f2ae945154a1d657af6fa8c976794aa4c6c95e6e5a5aba72c68b06252',
    amount: '2000',
  },
  puzzleReveal:
    'ff02ffff01ff02ffff01ff02ffff03ff0bffff01ff02ffff03ffff09ff05ffff1dff0bffff1effff0bff0bffff02ff06ffff04ff02ffff04ff17ff8080808080808080ffff01ff02ff17ff2f80ffff01ff088080ff0180ffff01ff04ffff04ff04ffff04ff05ffff04ffff02ff06ffff04ff02ffff04ff17ff80808080ff80808080ffff02ff17ff2f808080ff0180ffff04ffff01ff32ff02ffff03ffff07ff0580ffff01ff0bffff0102ffff02ff06ffff04ff02ffff04ff09ff80808080ffff02ff06ffff04ff02ffff04ff0dff8080808080ffff01ff0bffff0101ff058080ff0180ff018080ffff04ffff01b0931da5c511ac835cc96e76e1e03e4b3fc30808e4dafe0015c9bbe7afd5bfb138db8d18905edaaa77d69e5d581459932aff018080',
  solution: 'ff80ffff01ffff33ffa0302a133f2ae945154a1d657af6fa8c976794aa4c6c95e6e5a5aba72c68b06252ff8203e88080ff8080',
}
const CHIP0002_SIGNATURE =
  '8fbfaed731345ad21a47165930a191df40c36aeae4d3fcd7ca79e4a5e54b0c588ea6bc683453bbd2a770d2bf46c0563a14d509e233c825198680e3b25afceb7a64be50782102ace7dd872855eb0061bc60626eae0094d9cdbd8a99ad3d2b5dde'

describe('CHIP-0002 signCoinSpends example vector', () => {
  it('mnemonic → m/12381/8444/2/0 hardened → (synthetic via the key map) → 8fbfaed7…5dde', () => {
    const sk = masterToWalletHardened(mnemonicToMasterSecretKey(CHIP0002_MNEMONIC), 0)
    const spends = [toCoinSpend(CHIP0002_SPEND)]
    expect(bytesToHex(treeHash(programFromHex(CHIP0002_SPEND.puzzleReveal)))).toBe(CHIP0002_SPEND.coin.puzzleHash)
    const sig = signCoinSpends(spends, [sk], { genesisChallenge: MAINNET_GENESIS_CHALLENGE, runner })
    expect(bytesToHex(sig)).toBe(CHIP0002_SIGNATURE)
    expect(verifySpendBundle({ coinSpends: spends, aggregatedSignature: sig }, { genesisChallenge: MAINNET_GENESIS_CHALLENGE, runner })).toBe(true)
  })
})

describe('all eight AGG_SIG kinds', () => {
  // A hand-built spend `(q . conditions)` that emits every AGG_SIG variant (amount 128 exercises
  // the CLVM-int amount encoding 0x0080), signed by two keys: a raw one and a synthetic one.
  const skA = scalarToSecretKey(BigInt(`0x${bytesToHex(sha256(utf8ToBytes('agg-sig/a')))}`))
  const skB = scalarToSecretKey(BigInt(`0x${bytesToHex(sha256(utf8ToBytes('agg-sig/b')))}`))
  const pkA = secretKeyToPublicKey(skA)
  const conditions = (pk: Uint8Array): Program =>
    list([43, 44, 45, 46, 47, 48, 49, 50].map((op) => list([int(op), atom(pk), atom(utf8ToBytes(`msg-${op}`))])))
  const puzzle = quote(conditions(pkA))
  const coin: Coin = { parentCoinInfo: new Uint8Array(32).fill(3), puzzleHash: treeHash(puzzle), amount: 128n }
  const spend: CoinSpend = { coin, puzzleReveal: programToBytes(puzzle), solution: programToBytes(list([])) }

  it('builds the final message of each kind with agg-sig.ts and signs them all', () => {
    const required = requiredSignatures([spend], { genesisChallenge: MAINNET_GENESIS_CHALLENGE, runner })
    expect(required.map((r) => r.opcode)).toEqual([43, 44, 45, 46, 47, 48, 49, 50])
    for (const r of required) {
      expect(bytesToHex(r.message)).toBe(
        bytesToHex(aggSigMessage({ opcode: r.opcode, message: r.rawMessage, coin, genesisChallenge: MAINNET_GENESIS_CHALLENGE })),
      )
    }
    expect(bytesToHex(required[6].message)).toBe(bytesToHex(utf8ToBytes('msg-49'))) // UNSAFE: nothing appended
    const sig = signCoinSpends([spend], [skA], { genesisChallenge: MAINNET_GENESIS_CHALLENGE, runner })
    expect(bytesToHex(sig)).toBe(bytesToHex(blsAggregate(required.map((r) => blsSign(skA, r.message)))))
  })

  it('equals the driver signCoinSpends for every kind, for a raw and a synthetic key, on both networks', () => {
    // spendB requires skB's synthetic key; only skB itself is handed to the signers.
    const puzzleB = quote(conditions(syntheticPublicKey(secretKeyToPublicKey(skB))))
    const spendB: CoinSpend = {
      coin: { parentCoinInfo: new Uint8Array(32).fill(4), puzzleHash: treeHash(puzzleB), amount: 3n },
      puzzleReveal: programToBytes(puzzleB),
      solution: programToBytes(list([])),
    }
    const spends = [spend, spendB]
    for (const [forTestnet, genesisChallenge] of [
      [false, MAINNET_GENESIS_CHALLENGE],
      [true, TESTNET11_GENESIS_CHALLENGE],
    ] as const) {
      const ours = signCoinSpends(spends, [skA, skB], { genesisChallenge, runner })
      const theirs = driver.signCoinSpends(spends.map(toDriver), [Buffer.from(skA), Buffer.from(skB)], forTestnet)
      expect(bytesToHex(ours)).toBe(bytesToHex(theirs))
      expect(verifySpendBundle({ coinSpends: spends, aggregatedSignature: ours }, { genesisChallenge, runner })).toBe(true)
    }
  })
})

describe('failure modes', () => {
  const update = cases.find((c) => c.name === 'update_metadata_admin')!
  const spends = spendsOf(update)
  const ctx = { genesisChallenge: MAINNET_GENESIS_CHALLENGE, runner }

  it('throws MissingSecretKeyError unless partial signing is allowed', () => {
    const unrelated = [hexToBytes(vectors.keys.oracle.syntheticSecretKey)]
    expect(() => signCoinSpends(spends, unrelated, ctx)).toThrow(MissingSecretKeyError)
    expect(bytesToHex(signCoinSpends(spends, unrelated, { ...ctx, partial: true }))).toBe(bytesToHex(INFINITY_SIGNATURE))
    const error = (() => {
      try {
        signCoinSpends(spends, [], ctx)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(MissingSecretKeyError)
    expect((error as MissingSecretKeyError).publicKeys.map(bytesToHex)).toEqual([vectors.keys.admin.syntheticPublicKey])
  })

  it('verifySpendBundle rejects a tampered signature, a dropped spend and the identity', () => {
    const sig = hexToBytes(update.signatures.mainnet)
    expect(verifySpendBundle({ coinSpends: spends, aggregatedSignature: sig }, ctx)).toBe(true)
    expect(verifySpendBundle({ coinSpends: spends, aggregatedSignature: INFINITY_SIGNATURE }, ctx)).toBe(false)
    const bad = new Uint8Array(sig)
    bad[95] ^= 1
    expect(verifySpendBundle({ coinSpends: spends, aggregatedSignature: bad }, ctx)).toBe(false)
    const fee = cases.find((c) => c.name === 'bundle_update_metadata_admin_plus_add_fee')!
    const both = spendsOf(fee)
    expect(verifySpendBundle({ coinSpends: both, aggregatedSignature: hexToBytes(fee.signatures.mainnet) }, ctx)).toBe(true)
    expect(verifySpendBundle({ coinSpends: both.slice(0, 1), aggregatedSignature: hexToBytes(fee.signatures.mainnet) }, ctx)).toBe(false)
  })

  it('rejects an infinity public key, a malformed AGG_SIG and a failing puzzle', () => {
    const mk = (conds: Program): CoinSpend => {
      const puzzle = quote(conds)
      return {
        coin: { parentCoinInfo: new Uint8Array(32), puzzleHash: treeHash(puzzle), amount: 1n },
        puzzleReveal: programToBytes(puzzle),
        solution: programToBytes(list([])),
      }
    }
    expect(() => requiredSignatures([mk(list([list([int(50), atom(INFINITY_PUBLIC_KEY), atom(new Uint8Array([1]))])]))], ctx)).toThrow(
      InfinityPublicKeyError,
    )
    expect(() => requiredSignatures([mk(list([list([int(49), atom(new Uint8Array(47)), atom(new Uint8Array([1]))])]))], ctx)).toThrow(
      InvalidAggSigConditionError,
    )
    expect(() =>
      requiredSignatures([mk(list([list([int(49), atom(secretKeyToPublicKey(scalarToSecretKey(5n))), atom(new Uint8Array(1025))])]))], ctx),
    ).toThrow(InvalidAggSigConditionError)
    const failing: CoinSpend = { ...mk(list([])), puzzleReveal: programToBytes(list([int(8)])) } // (x)
    expect(() => requiredSignatures([failing], ctx)).toThrow(CoinSpendRunError)
    // Non-AGG_SIG conditions and 2-byte opcodes are ignored.
    expect(requiredSignatures([mk(list([list([int(51), atom(new Uint8Array(32)), int(1)]), list([atom(new Uint8Array([0, 50])), atom(new Uint8Array(48))])]))], ctx)).toEqual([])
  })
})
