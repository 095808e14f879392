import { describe, expect, it } from 'vitest'
import { NIL, atom, cons, int, list, str } from '@/lib/chia/clvm/program'
import { programFromBytes, programToHex } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { curry } from '@/lib/chia/clvm/curry'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { delegationLayer, delegationLayerPuzzleHash } from '@/lib/chia/layers/delegation-layer'
import { InvalidSingletonStructError, MalformedLayerError } from '@/lib/chia/layers/layer-errors'
import { launcherCoin, launcherLayer } from '@/lib/chia/layers/launcher'
import { childLineageProof, eveProof, proofFromProgram, proofToProgram } from '@/lib/chia/layers/lineage-proof'
import { nftStateLayer, nftStateLayerPuzzleHash } from '@/lib/chia/layers/nft-state-layer'
import { oracleLayer } from '@/lib/chia/layers/oracle-layer'
import { singletonLayer, singletonPuzzleHash, singletonStruct, singletonStructHash } from '@/lib/chia/layers/singleton-layer'
import { standardCoinSpend, standardLayer } from '@/lib/chia/layers/standard-layer'
import { writerLayer, writerLayerPuzzleHash } from '@/lib/chia/layers/writer-layer'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import { DL_METADATA_UPDATER_HASH } from '@/lib/chia/puzzles/dl-metadata-updater'
import { SINGLETON_LAUNCHER_HASH } from '@/lib/chia/puzzles/singleton-launcher'
import { SINGLETON_MOD, SINGLETON_MOD_HASH } from '@/lib/chia/puzzles/singleton-top-layer'
import { caseByName, driverVectors, type Json } from '../datastore/vectors'

const V = driverVectors
const ownerKey = hexToBytes(V.keys.owner.syntheticPublicKey)
const b = (n: number) => new Uint8Array(32).fill(n)

describe('singleton layer', () => {
  it('construct/parse round trip and hash from hashes', () => {
    const inner = standardLayer.construct(ownerKey)
    const p = singletonLayer.construct({ launcherId: b(1), innerPuzzle: inner })
    const parsed = singletonLayer.parse(p)!
    expect(bytesToHex(parsed.launcherId)).toBe(bytesToHex(b(1)))
    expect(programToHex(parsed.innerPuzzle)).toBe(programToHex(inner))
    expect(bytesToHex(singletonPuzzleHash(b(1), treeHash(inner)))).toBe(bytesToHex(treeHash(p)))
    expect(bytesToHex(singletonStructHash(b(1)))).toBe(bytesToHex(treeHash(singletonStruct(b(1)))))
  })
  it('parse: undefined for other puzzles, throws for a wrong struct', () => {
    expect(singletonLayer.parse(standardLayer.construct(ownerKey))).toBeUndefined()
    expect(singletonLayer.parse(NIL)).toBeUndefined()
    const badStruct = cons(atom(SINGLETON_MOD_HASH), cons(atom(b(1)), atom(b(9))))
    expect(() => singletonLayer.parse(curry(SINGLETON_MOD, [badStruct, NIL]))).toThrow(InvalidSingletonStructError)
    expect(() => singletonLayer.parse(curry(SINGLETON_MOD, [NIL, NIL]))).toThrow(MalformedLayerError)
  })
  it('solution round trip (lineage and eve proofs)', () => {
    for (const proof of [eveProof(launcherCoin(b(3), 1n)), childLineageProof({ parentCoinInfo: b(4), puzzleHash: b(5), amount: 1n }, b(6))]) {
      const sol = singletonLayer.constructSolution({ proof, amount: 1n, innerSolution: list([int(7)]) })
      const back = singletonLayer.parseSolution(sol)
      expect(back.amount).toBe(1n)
      expect(programToHex(proofToProgram(back.proof))).toBe(programToHex(proofToProgram(proof)))
      expect(proofFromProgram(proofToProgram(proof))).toEqual(proof)
    }
    expect(() => proofFromProgram(list([atom(b(1))]))).toThrow(MalformedLayerError)
  })
})

describe('NFT state, delegation, writer, oracle, standard, launcher layers', () => {
  it('nft state layer round trip and hash', () => {
    const metadata = list([atom(b(2))])
    const inner = standardLayer.construct(ownerKey)
    const p = nftStateLayer.construct({ metadata, metadataUpdaterPuzzleHash: DL_METADATA_UPDATER_HASH, innerPuzzle: inner })
    const back = nftStateLayer.parse(p)!
    expect(programToHex(back.metadata)).toBe(programToHex(metadata))
    expect(bytesToHex(back.metadataUpdaterPuzzleHash)).toBe(bytesToHex(DL_METADATA_UPDATER_HASH))
    expect(bytesToHex(nftStateLayerPuzzleHash(treeHash(metadata), DL_METADATA_UPDATER_HASH, treeHash(inner)))).toBe(bytesToHex(treeHash(p)))
    expect(nftStateLayer.parse(inner)).toBeUndefined()
    expect(programToHex(nftStateLayer.parseSolution(nftStateLayer.constructSolution(int(5))))).toBe(programToHex(int(5)))
  })
  it('delegation layer round trip, hash and solution with a merkle proof', () => {
    const args = { launcherId: b(1), ownerPuzzleHash: b(2), merkleRoot: b(3) }
    const p = delegationLayer.construct(args)
    expect(delegationLayer.parse(p)).toEqual(args)
    expect(bytesToHex(delegationLayerPuzzleHash(args))).toBe(bytesToHex(treeHash(p)))
    const sol = { merkleProof: { path: 5, proof: [b(7), b(8), b(9)] }, puzzleReveal: int(1), puzzleSolution: NIL }
    expect(delegationLayer.parseSolution(delegationLayer.constructSolution(sol))).toEqual(sol)
    const owner = { merkleProof: undefined, puzzleReveal: int(1), puzzleSolution: NIL }
    expect(programToHex(delegationLayer.constructSolution(owner))).toBe('ff80ff01ff8080')
    expect(delegationLayer.parse(standardLayer.construct(ownerKey))).toBeUndefined()
  })
  it('writer layer: leaf of the vector writer is curry(writer_filter, [inner ph])', () => {
    const w = V.delegatedPuzzles.writer
    const writerKey = hexToBytes(w.input.syntheticKey)
    const p = writerLayer.construct(standardLayer.construct(writerKey))
    expect(bytesToHex(treeHash(p))).toBe(w.merkleLeaf)
    expect(bytesToHex(writerLayerPuzzleHash(standardPuzzleHash(writerKey)))).toBe(w.merkleLeaf)
    expect(programToHex(writerLayer.parse(p)!)).toBe(programToHex(standardLayer.construct(writerKey)))
    expect(writerLayer.parse(int(1))).toBeUndefined()
  })
  it('oracle layer: vector bytes, leaf, round trip; look-alikes are not oracles', () => {
    const o = V.delegatedPuzzles.oracle
    const p = oracleLayer.construct({ oraclePuzzleHash: hexToBytes(o.input.oraclePuzzleHash), oracleFee: BigInt(o.input.oracleFee) })
    expect(programToHex(p)).toBe(o.oraclePuzzle)
    expect(bytesToHex(treeHash(p))).toBe(o.merkleLeaf)
    expect(oracleLayer.parse(p)).toEqual({ oraclePuzzleHash: hexToBytes(o.input.oraclePuzzleHash), oracleFee: 1000n })
    const zero = oracleLayer.construct({ oraclePuzzleHash: b(1), oracleFee: 0n })
    expect(oracleLayer.parse(zero)?.oracleFee).toBe(0n)
    const other = cons(int(1), list([list([int(51), atom(b(1)), int(2)]), list([int(62), str('%')])]))
    expect(oracleLayer.parse(other)).toBeUndefined()
    expect(oracleLayer.parse(NIL)).toBeUndefined()
  })
  it('standard layer: parse, puzzle hash of the owner key, coin spend bytes of a vector', () => {
    const p = standardLayer.construct(ownerKey)
    expect(bytesToHex(standardLayer.parse(p)!)).toBe(bytesToHex(ownerKey))
    expect(bytesToHex(treeHash(p))).toBe(V.keys.owner.puzzleHash)
    expect(standardLayer.parse(int(1))).toBeUndefined()
    // add_fee_exact_no_change: one standard spend, conditions (52 500) (64 id)
    const c = caseByName('add_fee_exact_no_change')
    const spenderKey = hexToBytes(c.inputs.spenderSyntheticKey)
    const coin = { parentCoinInfo: hexToBytes(c.inputs.selectedCoins[0].parentCoinInfo), puzzleHash: hexToBytes(c.inputs.selectedCoins[0].puzzleHash), amount: 500n }
    const cs = standardCoinSpend(coin, spenderKey, [list([int(52), int(500)]), list([int(64), atom(hexToBytes(c.inputs.assertCoinIds[0]))])])
    expect(bytesToHex(cs.puzzleReveal)).toBe(c.output[0].puzzleReveal)
    expect(bytesToHex(cs.solution)).toBe(c.output[0].solution)
  })
  it('launcher: solution round trip and the launcher id of a vector mint', () => {
    const c = caseByName('mint_vanilla_minimal')
    const launcherSpend = c.output.coinSpends.find((s: Json) => s.coin.puzzleHash === bytesToHex(SINGLETON_LAUNCHER_HASH))
    const sol = launcherLayer.parseSolution(programFromBytes(hexToBytes(launcherSpend.solution)))
    expect(bytesToHex(sol.singletonPuzzleHash)).toBe(c.output.newStore.coin.puzzleHash)
    expect(programToHex(launcherLayer.constructSolution(sol))).toBe(launcherSpend.solution)
    const lead = c.inputs.selectedCoins[0]
    const leadId = coinId({ parentCoinInfo: hexToBytes(lead.parentCoinInfo), puzzleHash: hexToBytes(lead.puzzleHash), amount: BigInt(lead.amount) })
    expect(bytesToHex(coinId(launcherCoin(leadId, 1n)))).toBe(c.launcherId)
    expect(() => launcherLayer.parseSolution(list([atom(b(1))]))).toThrow(MalformedLayerError)
  })
  it('parses the layers of a vector store spend (writer update) like derived.layers', () => {
    const c = caseByName('update_metadata_writer')
    const cs = c.output.coinSpends[0]
    const s = singletonLayer.parse(programFromBytes(hexToBytes(cs.puzzleReveal)))!
    expect(bytesToHex(s.launcherId)).toBe(c.inputs.store.launcherId)
    const state = nftStateLayer.parse(s.innerPuzzle)!
    const d = delegationLayer.parse(state.innerPuzzle)!
    expect(bytesToHex(d.ownerPuzzleHash)).toBe(c.inputs.store.ownerPuzzleHash)
    const sol = delegationLayer.parseSolution(nftStateLayer.parseSolution(singletonLayer.parseSolution(programFromBytes(hexToBytes(cs.solution))).innerSolution))
    expect(sol.merkleProof).toBeDefined()
    expect(writerLayer.parse(sol.puzzleReveal)).toBeDefined()
    expect(bytesToHex(treeHash(sol.puzzleReveal))).toBe(V.delegatedPuzzles.writer.merkleLeaf)
  })
})

describe('knownPuzzleHash / uncurryKnown', () => {
  it('equals treeHash for every vector store reveal, and for unknown puzzles', async () => {
    const { knownPuzzleHash } = await import('@/lib/chia/layers/known-puzzle-hash')
    for (const c of V.cases.filter((x: Json) => x.output?.coinSpends)) {
      for (const cs of c.output.coinSpends) {
        const p = programFromBytes(hexToBytes(cs.puzzleReveal))
        expect(bytesToHex(knownPuzzleHash(p))).toBe(cs.coin.puzzleHash)
      }
    }
    const odd = list([int(2), cons(int(1), int(5)), int(1)])
    expect(bytesToHex(knownPuzzleHash(odd))).toBe(bytesToHex(treeHash(odd)))
  })
})
