/**
 * Re-verifies a DataLayer store's history from raw chain data (coin records and coin spends as a
 * full node returns them), check by check, so a verification page can list each one with a
 * pass/fail mark. Nothing here trusts the app's server: the caller fetches the records and spends
 * from a node the visitor picks; the page's claims (coin id and root hash per generation) are only
 * what gets checked.
 *
 * Checks (full-node-rpc.md §D.2, CHIP-0035 "Datastore Structure"):
 * - launcher: `coinId(record.coin) == launcherId`, puzzle hash is the singleton launcher, and the
 *   launcher spend reveals the launcher puzzle and commits to the re-derived eve puzzle hash;
 * - per generation: the record is the claimed coin and its parent is the previous generation;
 *   its puzzle hash equals `singleton(launcherId, nft_state(treeHash(metadata), updater, innerPuzzleHash))`
 *   re-derived from the parent's spend (launcher key/value list for the eve coin, the parent's
 *   CREATE_COIN and metadata update otherwise); the page's root hash equals the re-derived one; a
 *   spent coin's revealed puzzle hashes to its puzzle hash, names this launcher and the DataLayer
 *   metadata updater;
 * - tip: the last coin is unspent, or its spend is a real melt (CREATE_COIN -113, no store child).
 * Sources: chia-wallet-sdk `DataStore::from_spend`
 * (crates/chia-sdk-driver/src/primitives/datalayer/datastore.rs); CHIP-0035
 * (https://github.com/Chia-Network/chips/blob/main/CHIPs/chip-0035.md).
 */
import { programFromBytes } from '../clvm/serialize'
import type { ClvmRunner } from '../clvm/runner'
import { type Program, toList, isAtom } from '../clvm/program'
import { treeHash } from '../clvm/tree-hash'
import { type DataStoreMetadata } from '../datastore/data-store-metadata'
import { readDataStoreSpend, type DataStoreAuthority } from '../datastore/data-store-from-spend'
import type { DelegatedPuzzle } from '../datastore/delegated-puzzle'
import { knownPuzzleHash } from '../layers/known-puzzle-hash'
import { launcherLayer } from '../layers/launcher'
import { nftStateLayer } from '../layers/nft-state-layer'
import { singletonLayer } from '../layers/singleton-layer'
import { dataLayerStorePuzzleHash } from '../merkle/data-layer-store-claim'
import { type Bytes32, bytesToHex, bytesToPrefixedHex, equalBytes } from '../primitives/bytes'
import { type Coin, coinId } from '../primitives/coin'
import type { CoinRecord, CoinSpend } from '../primitives/coin-spend'
import { DL_METADATA_UPDATER_HASH } from '../puzzles/dl-metadata-updater'
import { SINGLETON_LAUNCHER_HASH } from '../puzzles/singleton-launcher'

/** One generation as the page claims it, with what the chosen node returned for it. */
export interface StoreGenerationEvidence {
  /** The coin id the page claims for this generation. */
  coinId: Bytes32
  /** The page's root hash for this generation, checked against the re-derived one when given. */
  rootHash?: Bytes32
  /** The node's coin record for `coinId`; `undefined` when the node does not know it. */
  record?: CoinRecord
  /** The node's spend of the coin, for a spent coin. */
  coinSpend?: CoinSpend
}

/** Everything a verification needs: the launcher's record and spend and every generation. */
export interface StoreEvidence {
  launcherId: Bytes32
  launcherRecord?: CoinRecord
  launcherSpend?: CoinSpend
  /** Oldest first; generation 0 is the eve coin. */
  generations: StoreGenerationEvidence[]
}

/** One listed check. `id` is stable (`launcher-coin-id`, `generation-3-puzzle-hash`, `tip`, …). */
export interface VerificationCheck {
  id: string
  label: string
  pass: boolean
  details: string
  /** The generation a per-generation check is about. */
  generation?: number
}

/** What the chain data says a generation is, when its parent's spend could be read. */
export interface VerifiedGeneration {
  generation: number
  coinId: Bytes32
  record?: CoinRecord
  /** Metadata re-derived from the parent's spend (or the launcher's key/value list). */
  metadata?: DataStoreMetadata
  ownerPuzzleHash?: Bytes32
  delegatedPuzzles?: DelegatedPuzzle[]
  /** Who signed the spend that created this coin. */
  authority?: DataStoreAuthority
}

export interface StoreVerification {
  checks: VerificationCheck[]
  generations: VerifiedGeneration[]
  /** The tip's spend is a melt. */
  melted: boolean
  /** Every check passed. */
  passed: boolean
}

const hex = bytesToPrefixedHex
const short = (b: Uint8Array) => `0x${bytesToHex(b).slice(0, 12)}…`
const errorText = (e: unknown) =>
  e instanceof Error ? ('shortMessage' in e && typeof e.shortMessage === 'string' ? `${e.shortMessage}${'details' in e && e.details ? ` (${String(e.details)})` : ''}` : e.message) : String(e)
const sameCoin = (a: Coin, b: Coin) => equalBytes(coinId(a), coinId(b))

type Derived = { coin?: Coin; metadata?: DataStoreMetadata; ownerPuzzleHash?: Bytes32; delegatedPuzzles?: DelegatedPuzzle[]; authority?: DataStoreAuthority; melted?: boolean; error?: string }

/** Reads what the launcher spend commits to: the eve puzzle hash, re-derived from its key/value list. */
function deriveEve(launcherId: Bytes32, spend: CoinSpend, runner: ClvmRunner): Derived & { committed?: Bytes32; rederived?: Bytes32 } {
  try {
    const solution = launcherLayer.parseSolution(programFromBytes(spend.solution))
    const items = toList(solution.keyValueList)
    const first = items[0]
    const inner = items[1]
    if (!first || !inner || !isAtom(inner) || inner.atom.length !== 32) return { error: 'the launcher key/value list has no inner puzzle hash' }
    const info = readDataStoreSpend(spend, [], runner)
    if (!info?.store) return { error: 'the launcher spend does not create a DataLayer store' }
    // The Chia reference wallet writes `(root inner_ph)`: root-only metadata `(root . ())`.
    const metadataHash = treeHash(info.metadata.program)
    const rederived = dataLayerStorePuzzleHash({ launcherId, metadataHash, innerPuzzleHash: inner.atom })
    return {
      committed: solution.singletonPuzzleHash,
      rederived,
      coin: { parentCoinInfo: launcherId, puzzleHash: rederived, amount: solution.amount },
      metadata: info.metadata,
      ownerPuzzleHash: info.store.ownerPuzzleHash,
      delegatedPuzzles: info.store.delegatedPuzzles,
      authority: 'mint',
    }
  } catch (e) {
    return { error: errorText(e) }
  }
}

/** Reads the child a store coin's spend creates (or its melt), via its conditions. */
function deriveChild(spend: CoinSpend, parentDelegated: readonly DelegatedPuzzle[], runner: ClvmRunner): Derived {
  try {
    const info = readDataStoreSpend(spend, parentDelegated, runner)
    if (!info) return { error: 'the spend is not a DataLayer store spend' }
    if (info.melted || !info.store) return { melted: true, metadata: info.metadata, authority: info.authority }
    return {
      coin: info.store.coin,
      metadata: info.metadata,
      ownerPuzzleHash: info.store.ownerPuzzleHash,
      delegatedPuzzles: info.store.delegatedPuzzles,
      authority: info.authority,
    }
  } catch (e) {
    return { error: errorText(e) }
  }
}

/** Checks that a revealed spend is this coin's: puzzle hash, this launcher's singleton, DataLayer updater. */
function spendProblem(launcherId: Bytes32, record: CoinRecord, spend: CoinSpend | undefined, reveal: Program | undefined, revealHash: Bytes32 | undefined): string | undefined {
  if (!spend || !reveal || !revealHash) return 'the node returned no spend for this spent coin'
  if (!sameCoin(spend.coin, record.coin)) return `the spend is of coin ${short(coinId(spend.coin))}, not of this record's coin ${short(coinId(record.coin))}`
  if (!equalBytes(revealHash, record.coin.puzzleHash)) return `the revealed puzzle hashes to ${hex(revealHash)}, the coin's puzzle hash is ${hex(record.coin.puzzleHash)}`
  try {
    const singleton = singletonLayer.parse(reveal)
    if (!singleton) return 'the revealed puzzle is not a singleton'
    if (!equalBytes(singleton.launcherId, launcherId)) return `the singleton names launcher ${hex(singleton.launcherId)}`
    const state = nftStateLayer.parse(singleton.innerPuzzle)
    if (!state) return 'the singleton does not wrap the NFT state layer'
    if (!equalBytes(state.metadataUpdaterPuzzleHash, DL_METADATA_UPDATER_HASH)) {
      return `the metadata updater is ${hex(state.metadataUpdaterPuzzleHash)}, not the DataLayer updater (11)`
    }
  } catch (e) {
    return errorText(e)
  }
  return undefined
}

/**
 * Runs every check on the evidence and returns them in display order (launcher, then each
 * generation, then the tip), with the re-derived metadata of each generation.
 *
 * @example
 * const { checks, passed } = verifyStoreHistory({ launcherId, launcherRecord, launcherSpend, generations }, createTsRunner())
 * checks.filter((c) => !c.pass).map((c) => c.label)
 */
export function verifyStoreHistory(evidence: StoreEvidence, runner: ClvmRunner): StoreVerification {
  const { launcherId, launcherRecord, launcherSpend, generations } = evidence
  const checks: VerificationCheck[] = []
  const add = (id: string, label: string, pass: boolean, details: string, generation?: number) =>
    checks.push({ id, label, pass, details, ...(generation === undefined ? {} : { generation }) })

  // Launcher.
  if (!launcherRecord) {
    add('launcher-coin-id', 'Launcher coin id', false, 'the node does not know the launcher coin')
    add('launcher-puzzle-hash', 'Launcher puzzle hash', false, 'the node does not know the launcher coin')
  } else {
    const id = coinId(launcherRecord.coin)
    add('launcher-coin-id', 'Launcher coin id', equalBytes(id, launcherId),
      equalBytes(id, launcherId) ? `sha256(parent ‖ puzzle hash ‖ amount) = ${hex(id)}` : `the record's coin hashes to ${hex(id)}, not the store id ${hex(launcherId)}`)
    const ph = launcherRecord.coin.puzzleHash
    add('launcher-puzzle-hash', 'Launcher puzzle hash', equalBytes(ph, SINGLETON_LAUNCHER_HASH),
      equalBytes(ph, SINGLETON_LAUNCHER_HASH) ? `${hex(ph)} is the singleton launcher` : `${hex(ph)} is not the singleton launcher ${hex(SINGLETON_LAUNCHER_HASH)}`)
  }

  let derived: Derived
  if (!launcherSpend) {
    derived = { error: 'the node returned no launcher spend' }
    add('launcher-spend', 'Launcher spend commits to the eve coin', false, derived.error!)
  } else {
    const eve = deriveEve(launcherId, launcherSpend, runner)
    const revealHash = treeHash(programFromBytes(launcherSpend.puzzleReveal))
    let problem: string | undefined
    if (!equalBytes(coinId(launcherSpend.coin), launcherId)) problem = `the spend is of coin ${hex(coinId(launcherSpend.coin))}`
    else if (!equalBytes(revealHash, SINGLETON_LAUNCHER_HASH)) problem = `the revealed puzzle hashes to ${hex(revealHash)}, not the launcher puzzle`
    else if (eve.error) problem = eve.error
    else if (!equalBytes(eve.committed!, eve.rederived!)) problem = `the launcher commits to ${hex(eve.committed!)}, the key/value list re-derives ${hex(eve.rederived!)}`
    add('launcher-spend', 'Launcher spend commits to the eve coin', problem === undefined,
      problem ?? `launcher puzzle revealed; eve puzzle hash ${hex(eve.rederived!)} re-derived from launcher id + metadata + inner puzzle hash`)
    derived = problem === undefined || eve.coin ? eve : { error: problem }
  }

  const verified: VerifiedGeneration[] = []
  let melted = false
  let previousId: Bytes32 = launcherId
  for (let g = 0; g < generations.length; g++) {
    const { coinId: claimedId, rootHash, record, coinSpend } = generations[g]
    verified.push({
      generation: g,
      coinId: claimedId,
      record,
      metadata: derived.metadata,
      ownerPuzzleHash: derived.ownerPuzzleHash,
      delegatedPuzzles: derived.delegatedPuzzles,
      authority: derived.authority,
    })

    // Parent link: the record is the claimed coin, and its parent is the previous generation.
    if (!record) add(`generation-${g}-parent`, `Generation ${g}: coin record and parent link`, false, `the node does not know coin ${hex(claimedId)}`, g)
    else {
      const id = coinId(record.coin)
      const problem = !equalBytes(id, claimedId)
        ? `the record's coin hashes to ${hex(id)}, not ${hex(claimedId)}`
        : !equalBytes(record.coin.parentCoinInfo, previousId)
          ? `parent is ${hex(record.coin.parentCoinInfo)}, expected ${g === 0 ? 'the launcher' : `generation ${g - 1}`} ${hex(previousId)}`
          : undefined
      add(`generation-${g}-parent`, `Generation ${g}: coin record and parent link`, problem === undefined,
        problem ?? `coin ${short(id)} is a child of ${g === 0 ? 'the launcher' : `generation ${g - 1}`} ${short(previousId)}`, g)
    }

    // Puzzle hash re-derived from launcher id + metadata + inner puzzle hash.
    const phLabel = `Generation ${g}: puzzle hash re-derived from launcher id, metadata and inner puzzle hash`
    if (derived.error) add(`generation-${g}-puzzle-hash`, phLabel, false, `cannot re-derive: ${derived.error}`, g)
    else if (derived.melted || !derived.coin) add(`generation-${g}-puzzle-hash`, phLabel, false, 'the parent spend melted the store; it has no child', g)
    else if (!record) add(`generation-${g}-puzzle-hash`, phLabel, false, 'no coin record to compare with', g)
    else {
      const ok = equalBytes(derived.coin.puzzleHash, record.coin.puzzleHash) && derived.coin.amount === record.coin.amount
      add(`generation-${g}-puzzle-hash`, phLabel, ok,
        ok
          ? `re-derived ${hex(derived.coin.puzzleHash)} equals the coin record`
          : `re-derived ${hex(derived.coin.puzzleHash)} (amount ${derived.coin.amount}), the record has ${hex(record.coin.puzzleHash)} (amount ${record.coin.amount})`,
        g)
    }

    // The page's root hash for this generation is the one the chain commits to.
    if (rootHash) {
      const chainRoot = derived.metadata?.rootHash
      const ok = chainRoot !== undefined && equalBytes(chainRoot, rootHash)
      add(`generation-${g}-root`, `Generation ${g}: root hash shown matches the chain`, ok,
        chainRoot === undefined ? 'the metadata could not be re-derived' : ok ? `root ${hex(rootHash)}` : `the page shows ${hex(rootHash)}, the chain commits to ${hex(chainRoot)}`, g)
    }

    const isLast = g === generations.length - 1
    if (record && record.spentBlockIndex > 0) {
      // Parsed and hashed once, from the known layer module hashes (a node-by-node hash of a
      // 3 KB reveal costs thousands of sha256 calls).
      const reveal = coinSpend ? programFromBytes(coinSpend.puzzleReveal) : undefined
      const revealHash = reveal ? knownPuzzleHash(reveal) : undefined
      const problem = spendProblem(launcherId, record, coinSpend, reveal, revealHash)
      add(`generation-${g}-spend`, `Generation ${g}: spend reveals this store's puzzle`, problem === undefined,
        problem ?? `spent at height ${record.spentBlockIndex}; the revealed puzzle hashes to the coin's puzzle hash`, g)
      // The child is read from the spend of the claimed coin even when this record is wrong, so one
      // bad record fails only its own checks: the spend is bound to the claimed id by its coin.
      const usable = coinSpend && revealHash && equalBytes(coinId(coinSpend.coin), claimedId) && equalBytes(revealHash, coinSpend.coin.puzzleHash)
      derived = usable ? deriveChild(coinSpend, derived.delegatedPuzzles ?? [], runner) : { error: problem ?? 'no spend' }
      if (isLast) melted = derived.melted === true
    } else {
      derived = { error: record ? 'the coin is unspent' : 'no coin record' }
    }
    previousId = claimedId

    if (isLast) {
      if (!record) add('tip', 'Current tip', false, 'the node does not know the last coin')
      else if (record.spentBlockIndex === 0) add('tip', 'Current tip is unspent', true, `coin ${short(claimedId)} is unspent: its metadata is the store's current state`)
      else if (melted) add('tip', 'The melt is real', true, `coin ${short(claimedId)} was spent at height ${record.spentBlockIndex} with MELT (-113) and left no store coin`)
      else if (derived.coin) add('tip', 'Current tip is unspent', false, `coin ${short(claimedId)} was spent at height ${record.spentBlockIndex} and has a newer generation; reload the page`)
      else add('tip', 'Current tip is unspent', false, `coin ${short(claimedId)} was spent at height ${record.spentBlockIndex}: ${derived.error ?? 'not a melt'}`)
    }
  }
  if (generations.length === 0) add('tip', 'Current tip', false, 'the page lists no generations')

  return { checks, generations: verified, melted, passed: checks.every((c) => c.pass) }
}
