/**
 * Rebuild the store that a coin spend creates, with chia-wallet-sdk 0.13.0 `DataStore::from_spend`
 * semantics (crates/chia-sdk-driver/src/primitives/datalayer/datastore.rs): launcher spends in the
 * driver's and the Chia reference wallet's KV formats, the old `(launcherId root innerPh)` memo
 * format, unknown metadata keys (kept raw), and delegates carried over from the parent when a
 * spend does not re-hint them. Fixed where the SDK is wrong (datalayer-protocol.md §11):
 * an oracle fee memo of 0 parses as 0; an admin's memos cannot move the owner; and the rebuilt
 * state must hash to the child coin's puzzle hash, or {@link StorePuzzleHashMismatchError} is thrown.
 * Spec: datalayer-protocol.md §7.2, §10.1.
 */
import { atomToBigint } from '../clvm/int'
import { type Program, atom, first, isAtom, list, programEquals, toList } from '../clvm/program'
import type { ClvmRunner } from '../clvm/runner'
import { knownPrograms } from '../clvm/known-programs'
import { programFromBytes } from '../clvm/serialize'
import { treeHash } from '../clvm/tree-hash'
import { delegationLayer, delegationLayerPuzzleHash } from '../layers/delegation-layer'
import { knownPuzzleHash } from '../layers/known-puzzle-hash'
import { launcherLayer } from '../layers/launcher'
import { type Proof, childLineageProof, eveProof } from '../layers/lineage-proof'
import { nftStateLayer, nftStateLayerPuzzleHash } from '../layers/nft-state-layer'
import { singletonLayer, singletonPuzzleHash } from '../layers/singleton-layer'
import { type Bytes32, equalBytes } from '../primitives/bytes'
import { type Coin, coinId } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import { DELEGATION_LAYER_MOD } from '../puzzles/delegation-layer'
import { DL_METADATA_UPDATER, DL_METADATA_UPDATER_HASH } from '../puzzles/dl-metadata-updater'
import { NFT_STATE_LAYER_MOD } from '../puzzles/nft-state-layer'
import { SINGLETON_LAUNCHER_HASH } from '../puzzles/singleton-launcher'
import { SINGLETON_MOD } from '../puzzles/singleton-top-layer'
import { STANDARD_MOD } from '../puzzles/standard'
import { WRITER_FILTER_MOD } from '../puzzles/writer-filter'
import { MELT_AMOUNT, NFT_UPDATE_METADATA_OPCODE } from '../spends/condition-opcodes'
import { type DataStore, dataStoreInnerPuzzleHash, dataStorePuzzleHash } from './data-store'
import {
  DataStoreMeltedError,
  InvalidStoreMemoError,
  MetadataUpdaterMismatchError,
  MissingChildError,
  NotADataStoreSpendError,
  StorePuzzleHashMismatchError,
} from './data-store-errors'
import { type DataStoreMetadata, metadataFromProgram, rootOnlyMetadata } from './data-store-metadata'
import { type DelegatedPuzzle, delegatedPuzzleLeaf, delegatedPuzzlesFromMemos } from './delegated-puzzle'

/** Who authorized a spend: the launcher (mint), the owner, or a delegate of the parent store. */
export type DataStoreAuthority = 'mint' | 'owner' | 'admin' | 'writer' | 'oracle' | 'unknown'

export interface DataStoreSpendInfo {
  launcherId: Bytes32
  authority: DataStoreAuthority
  /** The store coin this spend creates; `undefined` when the spend melts the store. */
  store?: DataStore
  melted: boolean
  /** Metadata after the spend (the final metadata for a melt). */
  metadata: DataStoreMetadata
}

interface CreateCoin {
  puzzleHash: Bytes32
  amount: bigint
  memos: Uint8Array[]
}

function readCreateCoin(args: Program[]): CreateCoin | undefined {
  if (args.length < 2 || !isAtom(args[0]) || !isAtom(args[1])) return undefined
  const memos: Uint8Array[] = []
  if (args.length > 2) {
    for (const m of toList(args[2])) {
      if (!isAtom(m)) throw new InvalidStoreMemoError({ reason: 'a CREATE_COIN memo is not an atom' })
      memos.push(m.atom)
    }
  }
  return { puzzleHash: args[0].atom, amount: atomToBigint(args[1].atom), memos }
}

const opcodeOf = (c: Program): bigint | undefined => (c.pair && isAtom(c.pair[0]) && c.pair[0].atom.length <= 4 ? atomToBigint(c.pair[0].atom) : undefined)

function buildFromMemos(args: {
  coin: Coin
  launcherId: Bytes32
  proof: Proof
  metadata: DataStoreMetadata
  fallbackOwner: Bytes32
  memos: Uint8Array[]
}): DataStore {
  const { coin, launcherId, proof, metadata, fallbackOwner } = args
  const base = { coin, launcherId, proof, metadata }
  const memos = [...args.memos]
  if (memos.length === 0) return { ...base, ownerPuzzleHash: fallbackOwner, delegatedPuzzles: [] }
  const hint = memos.shift()!
  if (!equalBytes(hint, launcherId)) throw new InvalidStoreMemoError({ reason: 'first memo is not the launcher id', memo: hint })
  if (memos.length === 2 && equalBytes(memos[0], metadata.rootHash)) {
    // The Chia reference wallet's `(launcherId root innerPuzzleHash)` hint.
    if (memos[1].length !== 32) throw new InvalidStoreMemoError({ reason: 'owner memo is not 32 bytes', memo: memos[1] })
    return { ...base, ownerPuzzleHash: memos[1], delegatedPuzzles: [] }
  }
  let ownerPuzzleHash = fallbackOwner
  if (memos.length > 0) {
    const owner = memos.shift()!
    if (owner.length !== 32) throw new InvalidStoreMemoError({ reason: 'owner memo is not 32 bytes', memo: owner })
    ownerPuzzleHash = owner
  }
  return { ...base, ownerPuzzleHash, delegatedPuzzles: delegatedPuzzlesFromMemos(memos) }
}

// The metadata a spend creates is the metadata the next spend reveals: comparing the two trees is
// a cheap walk, hashing one is a sha256 per node, so the last few hashes are kept.
const recentMetadata: { program: Program; hash: Bytes32 }[] = []
function metadataHash(program: Program): Bytes32 {
  for (const m of recentMetadata) if (m.program === program || programEquals(m.program, program)) return m.hash
  const hash = treeHash(program)
  recentMetadata.unshift({ program, hash })
  if (recentMetadata.length > 2) recentMetadata.pop()
  return hash
}

const isAcsMu = (p: Program): boolean => p.atom !== undefined && equalBytes(p.atom, DL_METADATA_UPDATER.atom!)

/**
 * The modules a store spend reveals. Reading reveals and solutions against this table returns
 * these very objects for them (no allocation, hashes already memoized, layer parsing by identity).
 */
const STORE_PROGRAMS = knownPrograms([
  SINGLETON_MOD,
  NFT_STATE_LAYER_MOD,
  DELEGATION_LAYER_MOD,
  WRITER_FILTER_MOD,
  STANDARD_MOD,
  DL_METADATA_UPDATER,
])

/**
 * `verify` for a store spend's child, whose coin puzzle hash was derived as
 * `singleton(launcherId, nft_state(metadata, metadataUpdaterPuzzleHash, childInnerPuzzleHash))`
 * from the same launcher id and metadata as the store: the full hashes are equal exactly when the
 * updater is the DataLayer one and the store's inner puzzle hash is the CREATE_COIN puzzle hash
 * (sha256tree is collision resistant), so only those are compared. The full hashes are computed
 * for the error only.
 */
function verifyChild(store: DataStore, metadataUpdaterPuzzleHash: Bytes32, childInnerPuzzleHash: Bytes32, context: string): DataStore {
  if (equalBytes(metadataUpdaterPuzzleHash, DL_METADATA_UPDATER_HASH) && equalBytes(dataStoreInnerPuzzleHash(store), childInnerPuzzleHash)) return store
  return verify(store, context)
}

function verify(store: DataStore, context: string): DataStore {
  const expected = dataStorePuzzleHash(store)
  if (!equalBytes(expected, store.coin.puzzleHash)) throw new StorePuzzleHashMismatchError({ expected, actual: store.coin.puzzleHash, context })
  return store
}

function readLauncherSpend(coinSpend: CoinSpend): DataStoreSpendInfo {
  const launcherId = coinId(coinSpend.coin)
  const solution = launcherLayer.parseSolution(programFromBytes(coinSpend.solution))
  const kv = solution.keyValueList
  if (!kv.pair) throw new NotADataStoreSpendError({ coinId: launcherId, reason: 'launcher key/value list is not a list' })
  const coin: Coin = { parentCoinInfo: launcherId, puzzleHash: solution.singletonPuzzleHash, amount: solution.amount }
  const items = toList(kv)
  if (items.length < 2 || !isAtom(items[1]) || items[1].atom.length !== 32) {
    throw new NotADataStoreSpendError({ coinId: launcherId, reason: 'launcher key/value list has no inner puzzle hash' })
  }
  const memoAtoms = items.slice(2).map((m) => {
    if (!isAtom(m)) throw new InvalidStoreMemoError({ reason: 'a launcher memo is not an atom' })
    return m.atom
  })
  const proof = eveProof(coinSpend.coin)
  let store: DataStore
  if (isAtom(kv.pair[0])) {
    // Chia reference wallet: (root inner_puzzle_hash . memos), memos not prefixed with the launcher id.
    if (kv.pair[0].atom.length !== 32) throw new NotADataStoreSpendError({ coinId: launcherId, reason: 'launcher root is not 32 bytes' })
    store = buildFromMemos({ coin, launcherId, proof, metadata: rootOnlyMetadata(kv.pair[0].atom), fallbackOwner: items[1].atom, memos: memoAtoms })
  } else {
    const metadata = metadataFromProgram(kv.pair[0])
    store = buildFromMemos({ coin, launcherId, proof, metadata, fallbackOwner: items[1].atom, memos: [launcherId, ...memoAtoms] })
  }
  return { launcherId, authority: 'mint', store: verify(store, 'launcher spend'), melted: false, metadata: store.metadata }
}

/**
 * The delegation layer (CHIP-0035; DataLayer-Driver `puzzles/delegation_layer.clsp`, module
 * `c3b24946…`) first evaluates `(a puzzle_reveal puzzle_solution)`, then, when
 * `sha256tree(puzzle_reveal) == INNER_PUZZLE_HASH` (the owner), returns those conditions as they
 * are: its `main` is `(i (= puzzle_hash INNER_PUZZLE_HASH) conditions (… merkle proof, morph …))`.
 * Running the owner's puzzle alone therefore gives the same conditions (and fails when the layer
 * fails, cost limit aside) at about a sixth of the CLVM cost: no tree hash of the reveal in CLVM. Returns the parsed
 * layer when the spend is such an owner spend; `undefined` otherwise, and also whenever the layer
 * or its solution is malformed, so those spends take the full run and fail in the original order.
 */
function ownerSpendOfDelegationLayer(
  innerPuzzle: Program,
  innerSolution: Program,
): { solution: ReturnType<typeof delegationLayer.parseSolution> } | undefined {
  try {
    const deleg = delegationLayer.parse(innerPuzzle)
    if (!deleg) return undefined
    const solution = delegationLayer.parseSolution(innerSolution)
    return equalBytes(knownPuzzleHash(solution.puzzleReveal), deleg.ownerPuzzleHash) ? { solution } : undefined
  } catch {
    return undefined // malformed: the full run below reports it as before
  }
}

/**
 * Reads what a store spend did: who authorized it and the store it leaves (or that it melted).
 * `undefined` when the coin spend is not a store (or launcher) spend.
 * @example readDataStoreSpend(coinSpend, parent.delegatedPuzzles, runner)?.authority
 */
export function readDataStoreSpend(
  coinSpend: CoinSpend,
  parentDelegatedPuzzles: readonly DelegatedPuzzle[],
  runner: ClvmRunner,
): DataStoreSpendInfo | undefined {
  if (equalBytes(coinSpend.coin.puzzleHash, SINGLETON_LAUNCHER_HASH)) return readLauncherSpend(coinSpend)

  const singleton = singletonLayer.parse(programFromBytes(coinSpend.puzzleReveal, STORE_PROGRAMS))
  if (!singleton) return undefined
  const state = nftStateLayer.parse(singleton.innerPuzzle)
  if (!state) return undefined
  const parentId = coinId(coinSpend.coin)
  const launcherId = singleton.launcherId
  const metadata = metadataFromProgram(state.metadata)
  const innerSolution = nftStateLayer.parseSolution(singletonLayer.parseSolution(programFromBytes(coinSpend.solution, STORE_PROGRAMS)).innerSolution)
  const ownerFast = ownerSpendOfDelegationLayer(state.innerPuzzle, innerSolution)
  // The owner's conditions come out of the delegation layer unchanged, so run only the owner's puzzle.
  const ownerOutput = ownerFast && toList(runner.run(ownerFast.solution.puzzleReveal, ownerFast.solution.puzzleSolution).value)
  const conditions = ownerOutput ?? toList(runner.run(state.innerPuzzle, innerSolution).value)

  let child: CreateCoin | undefined
  let melt = false
  let update: Program[] | undefined
  for (const c of conditions) {
    const op = opcodeOf(c)
    if (op === 51n) {
      const cc = readCreateCoin(toList(c).slice(1))
      if (cc && cc.amount === MELT_AMOUNT) melt = true
      else if (cc && cc.amount > 0n && cc.amount % 2n === 1n) child = cc
    } else if (op === BigInt(NFT_UPDATE_METADATA_OPCODE)) {
      update = toList(c).slice(1)
    }
  }

  let newMetadata = metadata
  if (update && update.length >= 2) {
    const updaterHash = treeHash(update[0])
    if (!equalBytes(updaterHash, state.metadataUpdaterPuzzleHash)) {
      throw new MetadataUpdaterMismatchError({ expected: state.metadataUpdaterPuzzleHash, actual: updaterHash })
    }
    // DataLayer's updater is ACS_MU, the program `11` (`0b`): the path to the third argument of
    // `(metadata updater_ph solution)`, i.e. the solution itself. Any other updater is run.
    const out = isAcsMu(update[0]) ? update[1] : runner.run(update[0], list([state.metadata, atom(state.metadataUpdaterPuzzleHash), update[1]])).value
    newMetadata = metadataFromProgram(first(first(out)))
  }

  const deleg = delegationLayer.parse(state.innerPuzzle)
  let authority: DataStoreAuthority = 'owner'
  let delegSolution: ReturnType<typeof delegationLayer.parseSolution> | undefined
  if (deleg) {
    delegSolution = delegationLayer.parseSolution(innerSolution)
    const revealHash = knownPuzzleHash(delegSolution.puzzleReveal)
    if (!equalBytes(revealHash, deleg.ownerPuzzleHash)) {
      authority = parentDelegatedPuzzles.find((dp) => equalBytes(delegatedPuzzleLeaf(dp), revealHash))?.type ?? 'unknown'
    }
  }

  if (!child) {
    if (melt) return { launcherId, authority, melted: true, metadata: newMetadata }
    throw new MissingChildError({ coinId: parentId })
  }

  const coin: Coin = {
    parentCoinInfo: parentId,
    puzzleHash: singletonPuzzleHash(launcherId, nftStateLayerPuzzleHash(metadataHash(newMetadata.program), state.metadataUpdaterPuzzleHash, child.puzzleHash)),
    amount: child.amount,
  }
  // A parsed delegation layer is that module curried with these arguments, so its hash is theirs.
  const innerPuzzleHash = deleg ? delegationLayerPuzzleHash(deleg) : knownPuzzleHash(state.innerPuzzle)
  const proof = childLineageProof(
    coinSpend.coin,
    nftStateLayerPuzzleHash(metadataHash(state.metadata), state.metadataUpdaterPuzzleHash, innerPuzzleHash),
  )
  const base = { coin, launcherId, proof, metadata: newMetadata }
  let store: DataStore
  if (child.memos.length > 1) {
    store = buildFromMemos({ ...base, fallbackOwner: innerPuzzleHash, memos: child.memos })
    // The delegation layer keeps INNER_PUZZLE_HASH: a delegate's memos cannot move the owner (§11.3).
    if (deleg && authority !== 'owner') store = { ...store, ownerPuzzleHash: deleg.ownerPuzzleHash }
  } else if (deleg && delegSolution) {
    const out = ownerOutput ?? toList(runner.run(delegSolution.puzzleReveal, delegSolution.puzzleSolution).value)
    let ownerChild: CreateCoin | undefined
    for (const c of out) {
      if (opcodeOf(c) !== 51n) continue
      const cc = readCreateCoin(toList(c).slice(1))
      if (cc && cc.amount > 0n && cc.amount % 2n === 1n) {
        ownerChild = cc
        break
      }
    }
    if (!ownerChild || equalBytes(ownerChild.puzzleHash, innerPuzzleHash)) {
      store = { ...base, ownerPuzzleHash: deleg.ownerPuzzleHash, delegatedPuzzles: [...parentDelegatedPuzzles] }
    } else {
      store = { ...base, ownerPuzzleHash: ownerChild.puzzleHash, delegatedPuzzles: [] }
    }
  } else {
    store = { ...base, ownerPuzzleHash: innerPuzzleHash, delegatedPuzzles: [] }
  }
  return { launcherId, authority, store: verifyChild(store, state.metadataUpdaterPuzzleHash, child.puzzleHash, 'store spend'), melted: false, metadata: newMetadata }
}

/**
 * The store a coin spend creates (driver `DataStore::from_spend`); `undefined` when the spend is
 * not a store spend; throws {@link DataStoreMeltedError} for a melt.
 * @example const next = dataStoreFromSpend(coinSpend, parent.delegatedPuzzles, runner)
 */
export function dataStoreFromSpend(
  coinSpend: CoinSpend,
  parentDelegatedPuzzles: readonly DelegatedPuzzle[],
  runner: ClvmRunner,
): DataStore | undefined {
  const info = readDataStoreSpend(coinSpend, parentDelegatedPuzzles, runner)
  if (!info) return undefined
  if (!info.store) throw new DataStoreMeltedError({ coinId: coinId(coinSpend.coin) })
  return info.store
}
