/**
 * The JSON wire form of a {@link DataStore} (for route responses, local storage, worker messages):
 * bytes as hex, amounts as decimal strings, and the metadata as its serialized CLVM (the source
 * of truth, so unknown keys survive a round trip); the parsed fields are rebuilt on read.
 */
import { programFromHex, programToHex } from '../clvm/serialize'
import type { Proof } from '../layers/lineage-proof'
import { bytesToHex, hexToBytes32 } from '../primitives/bytes'
import type { DataStore } from './data-store'
import { metadataFromProgram } from './data-store-metadata'
import type { DelegatedPuzzle } from './delegated-puzzle'

export interface DataStoreJson {
  coin: { parentCoinInfo: string; puzzleHash: string; amount: string }
  launcherId: string
  proof:
    | { lineageProof: { parentParentCoinInfo: string; parentInnerPuzzleHash: string; parentAmount: string } }
    | { eveProof: { parentParentCoinInfo: string; parentAmount: string } }
  /** Serialized metadata CLVM, hex. */
  metadata: string
  ownerPuzzleHash: string
  delegatedPuzzles: (
    | { type: 'admin' | 'writer'; innerPuzzleHash: string }
    | { type: 'oracle'; oraclePuzzleHash: string; oracleFee: string }
  )[]
}

/**
 * Encodes a store for the wire.
 * @example Response.json(dataStoreToJson(store))
 */
export function dataStoreToJson(store: DataStore): DataStoreJson {
  const p = store.proof
  return {
    coin: { parentCoinInfo: bytesToHex(store.coin.parentCoinInfo), puzzleHash: bytesToHex(store.coin.puzzleHash), amount: store.coin.amount.toString() },
    launcherId: bytesToHex(store.launcherId),
    proof: p.lineageProof
      ? {
          lineageProof: {
            parentParentCoinInfo: bytesToHex(p.lineageProof.parentParentCoinInfo),
            parentInnerPuzzleHash: bytesToHex(p.lineageProof.parentInnerPuzzleHash),
            parentAmount: p.lineageProof.parentAmount.toString(),
          },
        }
      : { eveProof: { parentParentCoinInfo: bytesToHex(p.eveProof.parentParentCoinInfo), parentAmount: p.eveProof.parentAmount.toString() } },
    metadata: programToHex(store.metadata.program),
    ownerPuzzleHash: bytesToHex(store.ownerPuzzleHash),
    delegatedPuzzles: store.delegatedPuzzles.map((dp) =>
      dp.type === 'oracle'
        ? { type: 'oracle', oraclePuzzleHash: bytesToHex(dp.oraclePuzzleHash), oracleFee: dp.oracleFee.toString() }
        : { type: dp.type, innerPuzzleHash: bytesToHex(dp.innerPuzzleHash) },
    ),
  }
}

/**
 * Decodes (and validates) a store from its wire form.
 * @example const store = dataStoreFromJson(await res.json())
 */
export function dataStoreFromJson(json: DataStoreJson): DataStore {
  const proof: Proof =
    'lineageProof' in json.proof
      ? {
          lineageProof: {
            parentParentCoinInfo: hexToBytes32(json.proof.lineageProof.parentParentCoinInfo, 'parentParentCoinInfo'),
            parentInnerPuzzleHash: hexToBytes32(json.proof.lineageProof.parentInnerPuzzleHash, 'parentInnerPuzzleHash'),
            parentAmount: BigInt(json.proof.lineageProof.parentAmount),
          },
        }
      : { eveProof: { parentParentCoinInfo: hexToBytes32(json.proof.eveProof.parentParentCoinInfo, 'parentParentCoinInfo'), parentAmount: BigInt(json.proof.eveProof.parentAmount) } }
  const delegatedPuzzles: DelegatedPuzzle[] = json.delegatedPuzzles.map((dp) =>
    dp.type === 'oracle'
      ? { type: 'oracle', oraclePuzzleHash: hexToBytes32(dp.oraclePuzzleHash, 'oraclePuzzleHash'), oracleFee: BigInt(dp.oracleFee) }
      : { type: dp.type, innerPuzzleHash: hexToBytes32(dp.innerPuzzleHash, 'innerPuzzleHash') },
  )
  return {
    coin: { parentCoinInfo: hexToBytes32(json.coin.parentCoinInfo, 'parentCoinInfo'), puzzleHash: hexToBytes32(json.coin.puzzleHash, 'puzzleHash'), amount: BigInt(json.coin.amount) },
    launcherId: hexToBytes32(json.launcherId, 'launcherId'),
    proof,
    metadata: metadataFromProgram(programFromHex(json.metadata)),
    ownerPuzzleHash: hexToBytes32(json.ownerPuzzleHash, 'ownerPuzzleHash'),
    delegatedPuzzles,
  }
}
