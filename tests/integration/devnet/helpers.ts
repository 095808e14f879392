/**
 * Shared helpers of the devnet integration tests: test keys (from the driver vectors), standard and
 * anyone-can-spend coin spends, signing for the devnet genesis challenge with our own
 * AugSchemeMPL code (lib/chia/spends/sign-coin-spends over @noble/curves — independent of the
 * devnet's bls-signatures verifier), and RPC conversions.
 */
import { readFileSync } from 'node:fs'
import { type Program, atom, int, list } from '@/lib/chia/clvm/program'
import { programToBytes } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { standardPuzzle, standardSolution } from '@/lib/chia/keys/standard-puzzle'
import { type Bytes32, bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import type { CoinSpend, SpendBundle } from '@/lib/chia/primitives/coin-spend'
import { type RpcCoinRecord, coinRecordFromRpc, spendBundleToRpc } from '@/lib/chia/primitives/rpc-json'
import { signCoinSpends } from '@/lib/chia/spends/sign-coin-spends'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { DEVNET_GENESIS_CHALLENGE } from '@/lib/devnet/devnet-constants'
import { ANYONE_CAN_SPEND, ANYONE_CAN_SPEND_HASH } from '@/lib/devnet/dig-issuance'
import type { DevnetProcess } from '@/tests/support/devnet-process'

const vectors = JSON.parse(
  readFileSync(new URL('../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8'),
) as { keys: Record<string, { syntheticSecretKey: string; syntheticPublicKey: string; puzzleHash: string; txchAddress: string }> }

export interface TestKey {
  secretKey: Uint8Array
  publicKey: Uint8Array
  puzzleHash: Bytes32
  address: string
}
export const testKey = (label: 'owner' | 'admin' | 'writer' | 'oracle' | 'spender' | 'newOwner' | 'writer2'): TestKey => {
  const k = vectors.keys[label]
  return {
    secretKey: hexToBytes(k.syntheticSecretKey),
    publicKey: hexToBytes(k.syntheticPublicKey),
    puzzleHash: hexToBytes(k.puzzleHash),
    address: k.txchAddress,
  }
}

export const runner = createClvmRsRunner()

export const createCoin = (puzzleHash: Uint8Array, amount: bigint, memos?: Uint8Array[]): Program =>
  list([int(51), atom(puzzleHash), int(amount), ...(memos ? [list(memos.map(atom))] : [])])
export const cond = (opcode: number, ...args: (Uint8Array | bigint | Program)[]): Program =>
  list([int(opcode), ...args.map((a) => (a instanceof Uint8Array ? atom(a) : typeof a === 'bigint' ? int(a) : a))])

/** A standard-puzzle spend of `coin` owned by `key` emitting `conditions`. */
export const standardSpend = (coin: Coin, key: TestKey, conditions: Program[]): CoinSpend => ({
  coin,
  puzzleReveal: programToBytes(standardPuzzle(key.publicKey)),
  solution: programToBytes(standardSolution(list(conditions))),
})

/** An anyone-can-spend (`1`) coin spend whose solution is its condition list. */
export const acsSpend = (coin: Coin, conditions: Program[]): CoinSpend => ({
  coin,
  puzzleReveal: programToBytes(ANYONE_CAN_SPEND),
  solution: programToBytes(list(conditions)),
})
export { ANYONE_CAN_SPEND_HASH }

export const INFINITY_SIGNATURE = (() => {
  const s = new Uint8Array(96)
  s[0] = 0xc0
  return s
})()

/** Signs for the devnet (its own genesis challenge) with the given synthetic secret keys. */
export function signForDevnet(coinSpends: CoinSpend[], secretKeys: Uint8Array[], genesisChallenge: Bytes32 = DEVNET_GENESIS_CHALLENGE): SpendBundle {
  return { coinSpends, aggregatedSignature: signCoinSpends(coinSpends, secretKeys, { genesisChallenge, runner, partial: true }) }
}

export const bundleToRpc = (b: SpendBundle) => spendBundleToRpc(b) as unknown as Record<string, unknown>

export async function pushTx(devnet: DevnetProcess, bundle: SpendBundle) {
  return devnet.rpc<{ status?: string; structuredError?: { code: string; data: { error?: string } } }>('push_tx', {
    spend_bundle: bundleToRpc(bundle),
  })
}

export async function unspentCoins(devnet: DevnetProcess, puzzleHash: Bytes32): Promise<Coin[]> {
  const r = await devnet.rpc<{ coin_records: RpcCoinRecord[] }>('get_coin_records_by_puzzle_hash', { puzzle_hash: `0x${bytesToHex(puzzleHash)}` })
  return r.coin_records.map((c) => coinRecordFromRpc(c).coin)
}

export const hex = (b: Uint8Array) => `0x${bytesToHex(b)}`
export { coinId, treeHash }
