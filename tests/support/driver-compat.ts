/**
 * Our lib/chia builders under the reference driver's JS API (`@dignetwork/datalayer-driver`
 * 0.1.29 index.d.ts): same names, argument order and return shapes, with `Uint8Array` where the
 * driver takes or returns `Buffer`. Tests run the vectors and the differential test through it.
 *
 * Semantics follow the driver for every valid call (e.g. `updateStoreMetadata` clears label,
 * description and bytes that are not passed again). Where the driver has a bug (datalayer-protocol.md
 * §11) this facade throws our typed error instead: a key that does not control the store, an admin
 * changing the owner or emptying the delegate list, a writer or admin key on a vanilla store.
 * An oracle fee of 0 works end to end (the driver aborts the process).
 */
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { AppError } from '@/lib/chia/errors/app-error'
import { type Bytes32, assertBytes32, bytesToHex } from '@/lib/chia/primitives/bytes'
import { type Coin as LibCoin, coinId } from '@/lib/chia/primitives/coin'
import type { CoinSpend as LibCoinSpend } from '@/lib/chia/primitives/coin-spend'
import { MAINNET_GENESIS_CHALLENGE, TESTNET11_GENESIS_CHALLENGE } from '@/lib/chia/primitives/network'
import type { Proof as LibProof } from '@/lib/chia/layers/lineage-proof'
import { addressToPuzzleHash as libAddressToPuzzleHash, puzzleHashToAddress as libPuzzleHashToAddress } from '@/lib/chia/keys/address'
import { publicKeyFromBytes } from '@/lib/chia/keys/public-key'
import { secretKeyFromBytes, secretKeyToPublicKey as libSecretKeyToPublicKey } from '@/lib/chia/keys/secret-key'
import { signMessage as libSignMessage, verifySignedMessage as libVerifySignedMessage } from '@/lib/chia/keys/sign-message'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import {
  masterPublicKeyToWalletSyntheticKey as libMasterPublicKeyToWalletSyntheticKey,
  masterSecretKeyToWalletSyntheticSecretKey as libMasterSecretKeyToWalletSyntheticSecretKey,
} from '@/lib/chia/keys/synthetic-key'
import { signCoinSpends as libSignCoinSpends } from '@/lib/chia/spends/sign-coin-spends'
import { addFee as libAddFee } from '@/lib/chia/datastore/add-fee'
import type { DataStore as LibDataStore } from '@/lib/chia/datastore/data-store'
import { dataStoreMetadata } from '@/lib/chia/datastore/data-store-metadata'
import type { DelegatedPuzzle as LibDelegatedPuzzle } from '@/lib/chia/datastore/delegated-puzzle'
import { meltDataStore } from '@/lib/chia/datastore/melt-data-store'
import { mintDataStore } from '@/lib/chia/datastore/mint-data-store'
import { oracleSpend as libOracleSpend } from '@/lib/chia/datastore/oracle-spend'
import { selectCoins as libSelectCoins } from '@/lib/chia/datastore/select-coins'
import { sendXch as libSendXch } from '@/lib/chia/datastore/send-xch'
import type { DataStoreSpender } from '@/lib/chia/datastore/spend-data-store'
import { updateDataStore } from '@/lib/chia/datastore/update-data-store'
import { updateDataStoreOwnership } from '@/lib/chia/datastore/update-data-store-ownership'

// ---- The driver's JS shapes (index.d.ts), Buffer → Uint8Array ----

export interface Coin {
  parentCoinInfo: Uint8Array
  puzzleHash: Uint8Array
  amount: bigint
}
export interface CoinSpend {
  coin: Coin
  puzzleReveal: Uint8Array
  solution: Uint8Array
}
export interface LineageProof {
  parentParentCoinInfo: Uint8Array
  parentInnerPuzzleHash: Uint8Array
  parentAmount: bigint
}
export interface EveProof {
  parentParentCoinInfo: Uint8Array
  parentAmount: bigint
}
export interface Proof {
  lineageProof?: LineageProof
  eveProof?: EveProof
}
export interface DataStoreMetadata {
  rootHash: Uint8Array
  label?: string
  description?: string
  bytes?: bigint
}
export interface DelegatedPuzzle {
  adminInnerPuzzleHash?: Uint8Array
  writerInnerPuzzleHash?: Uint8Array
  oraclePaymentPuzzleHash?: Uint8Array
  oracleFee?: bigint
}
export interface DataStore {
  coin: Coin
  launcherId: Uint8Array
  proof: Proof
  metadata: DataStoreMetadata
  ownerPuzzleHash: Uint8Array
  delegatedPuzzles: DelegatedPuzzle[]
}
export interface SuccessResponse {
  coinSpends: CoinSpend[]
  newStore: DataStore
}
export interface Output {
  puzzleHash: Uint8Array
  amount: bigint
  memos: Uint8Array[]
}

/** A driver-level argument error (the driver's own message, e.g. "Exactly one of …"). */
export class DriverArgumentError extends AppError {
  override name = 'DriverArgumentError' as const
  constructor(message: string) {
    super(message)
  }
}

// ---- conversions ----

const b32 = (b: Uint8Array, field: string): Bytes32 => assertBytes32(Uint8Array.from(b), field)
// The driver rejects keys that are not G1 points; checking costs a few ms, so valid keys are remembered.
const validKeys = new Set<string>()
function pk(b: Uint8Array): Uint8Array {
  const hex = bytesToHex(b)
  if (validKeys.has(hex)) return Uint8Array.from(b)
  const key = publicKeyFromBytes(b)
  validKeys.add(hex)
  return key
}
const u64 = (v: bigint): bigint => BigInt.asUintN(64, v)

const coinIn = (c: Coin): LibCoin => ({ parentCoinInfo: b32(c.parentCoinInfo, 'parentCoinInfo'), puzzleHash: b32(c.puzzleHash, 'puzzleHash'), amount: u64(c.amount) })
const coinOut = (c: LibCoin): Coin => ({ parentCoinInfo: c.parentCoinInfo, puzzleHash: c.puzzleHash, amount: c.amount })
const coinSpendOut = (cs: LibCoinSpend): CoinSpend => ({ coin: coinOut(cs.coin), puzzleReveal: cs.puzzleReveal, solution: cs.solution })
const coinSpendIn = (cs: CoinSpend): LibCoinSpend => ({ coin: coinIn(cs.coin), puzzleReveal: Uint8Array.from(cs.puzzleReveal), solution: Uint8Array.from(cs.solution) })

function proofIn(p: Proof): LibProof {
  if (p.lineageProof) {
    const l = p.lineageProof
    return {
      lineageProof: {
        parentParentCoinInfo: b32(l.parentParentCoinInfo, 'parentParentCoinInfo'),
        parentInnerPuzzleHash: b32(l.parentInnerPuzzleHash, 'parentInnerPuzzleHash'),
        parentAmount: u64(l.parentAmount),
      },
    }
  }
  if (p.eveProof) return { eveProof: { parentParentCoinInfo: b32(p.eveProof.parentParentCoinInfo, 'parentParentCoinInfo'), parentAmount: u64(p.eveProof.parentAmount) } }
  throw new DriverArgumentError('Missing proof')
}
const proofOut = (p: LibProof): Proof => (p.lineageProof ? { lineageProof: { ...p.lineageProof } } : { eveProof: { ...p.eveProof! } })

/** Driver JS DelegatedPuzzle → ours: admin, writer, then oracle (ph + fee); the first present wins. */
export function delegatedPuzzleIn(dp: DelegatedPuzzle): LibDelegatedPuzzle {
  if (dp.adminInnerPuzzleHash) return { type: 'admin', innerPuzzleHash: b32(dp.adminInnerPuzzleHash, 'adminInnerPuzzleHash') }
  if (dp.writerInnerPuzzleHash) return { type: 'writer', innerPuzzleHash: b32(dp.writerInnerPuzzleHash, 'writerInnerPuzzleHash') }
  if (dp.oraclePaymentPuzzleHash && dp.oracleFee !== undefined && dp.oracleFee !== null) {
    return { type: 'oracle', oraclePuzzleHash: b32(dp.oraclePaymentPuzzleHash, 'oraclePaymentPuzzleHash'), oracleFee: u64(dp.oracleFee) }
  }
  throw new DriverArgumentError('Missing delegated puzzle info')
}

export function delegatedPuzzleOut(dp: LibDelegatedPuzzle): DelegatedPuzzle {
  if (dp.type === 'admin') return { adminInnerPuzzleHash: dp.innerPuzzleHash }
  if (dp.type === 'writer') return { writerInnerPuzzleHash: dp.innerPuzzleHash }
  return { oraclePaymentPuzzleHash: dp.oraclePuzzleHash, oracleFee: dp.oracleFee }
}

/** Driver JS DataStore → our model (metadata encoded canonically, as the driver does). */
export function dataStoreIn(s: DataStore): LibDataStore {
  const m = s.metadata
  return {
    coin: coinIn(s.coin),
    launcherId: b32(s.launcherId, 'launcherId'),
    proof: proofIn(s.proof),
    metadata: dataStoreMetadata({
      rootHash: b32(m.rootHash, 'rootHash'),
      label: m.label ?? undefined,
      description: m.description ?? undefined,
      bytes: m.bytes === undefined || m.bytes === null ? undefined : u64(m.bytes),
    }),
    ownerPuzzleHash: b32(s.ownerPuzzleHash, 'ownerPuzzleHash'),
    delegatedPuzzles: s.delegatedPuzzles.map(delegatedPuzzleIn),
  }
}

/** Our model → driver JS DataStore (absent optional fields are left out, like napi). */
export function dataStoreOut(s: LibDataStore): DataStore {
  const metadata: DataStoreMetadata = { rootHash: s.metadata.rootHash }
  if (s.metadata.label !== undefined) metadata.label = s.metadata.label
  if (s.metadata.description !== undefined) metadata.description = s.metadata.description
  if (s.metadata.bytes !== undefined) metadata.bytes = s.metadata.bytes
  return {
    coin: coinOut(s.coin),
    launcherId: s.launcherId,
    proof: proofOut(s.proof),
    metadata,
    ownerPuzzleHash: s.ownerPuzzleHash,
    delegatedPuzzles: s.delegatedPuzzles.map(delegatedPuzzleOut),
  }
}

const response = (r: { coinSpends: LibCoinSpend[]; next: LibDataStore }): SuccessResponse => ({
  coinSpends: r.coinSpends.map(coinSpendOut),
  newStore: dataStoreOut(r.next),
})

const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null

// ---- the driver API ----

export function mintStore(
  minterSyntheticKey: Uint8Array,
  selectedCoins: Coin[],
  rootHash: Uint8Array,
  label: string | undefined | null,
  description: string | undefined | null,
  bytes: bigint | undefined | null,
  ownerPuzzleHash: Uint8Array,
  delegatedPuzzles: DelegatedPuzzle[],
  fee: bigint,
): SuccessResponse {
  return response(
    mintDataStore({
      minterSyntheticKey: pk(minterSyntheticKey),
      coins: selectedCoins.map(coinIn),
      rootHash: b32(rootHash, 'rootHash'),
      label: label ?? undefined,
      description: description ?? undefined,
      bytes: given(bytes) ? u64(bytes) : undefined,
      ownerPuzzleHash: b32(ownerPuzzleHash, 'ownerPuzzleHash'),
      delegatedPuzzles: delegatedPuzzles.map(delegatedPuzzleIn),
      fee: u64(fee),
    }),
  )
}

export function updateStoreMetadata(
  store: DataStore,
  newRootHash: Uint8Array,
  newLabel?: string | null,
  newDescription?: string | null,
  newBytes?: bigint | null,
  ownerPublicKey?: Uint8Array | null,
  adminPublicKey?: Uint8Array | null,
  writerPublicKey?: Uint8Array | null,
): SuccessResponse {
  const keys = [ownerPublicKey, adminPublicKey, writerPublicKey].filter(given)
  if (keys.length !== 1) throw new DriverArgumentError('Exactly one of owner_public_key, admin_public_key, writer_public_key must be provided')
  const spender: DataStoreSpender = given(ownerPublicKey)
    ? { role: 'owner', syntheticKey: pk(ownerPublicKey) }
    : given(adminPublicKey)
      ? { role: 'admin', syntheticKey: pk(adminPublicKey) }
      : { role: 'writer', syntheticKey: pk(writerPublicKey!) }
  // Driver semantics: every field not passed is cleared (null), not kept.
  return response(
    updateDataStore({
      store: dataStoreIn(store),
      spender,
      rootHash: b32(newRootHash, 'newRootHash'),
      label: newLabel ?? null,
      description: newDescription ?? null,
      bytes: given(newBytes) ? u64(newBytes) : null,
    }),
  )
}

export function updateStoreOwnership(
  store: DataStore,
  newOwnerPuzzleHash: Uint8Array | undefined | null,
  newDelegatedPuzzles: DelegatedPuzzle[],
  ownerPublicKey?: Uint8Array | null,
  adminPublicKey?: Uint8Array | null,
): SuccessResponse {
  const keys = [ownerPublicKey, adminPublicKey].filter(given)
  if (keys.length !== 1) throw new DriverArgumentError('Exactly one of owner_public_key, admin_public_key must be provided')
  const spender: DataStoreSpender = given(ownerPublicKey)
    ? { role: 'owner', syntheticKey: pk(ownerPublicKey) }
    : { role: 'admin', syntheticKey: pk(adminPublicKey!) }
  return response(
    updateDataStoreOwnership({
      store: dataStoreIn(store),
      spender,
      newOwnerPuzzleHash: given(newOwnerPuzzleHash) ? b32(newOwnerPuzzleHash, 'newOwnerPuzzleHash') : undefined,
      newDelegatedPuzzles: newDelegatedPuzzles.map(delegatedPuzzleIn),
    }),
  )
}

export function meltStore(store: DataStore, ownerPublicKey: Uint8Array): CoinSpend[] {
  return meltDataStore({ store: dataStoreIn(store), ownerSyntheticKey: pk(ownerPublicKey) }).coinSpends.map(coinSpendOut)
}

export function oracleSpend(spenderSyntheticKey: Uint8Array, selectedCoins: Coin[], store: DataStore, fee: bigint): SuccessResponse {
  return response(libOracleSpend({ spenderSyntheticKey: pk(spenderSyntheticKey), coins: selectedCoins.map(coinIn), store: dataStoreIn(store), fee: u64(fee) }))
}

export function addFee(spenderSyntheticKey: Uint8Array, selectedCoins: Coin[], assertCoinIds: Uint8Array[], fee: bigint): CoinSpend[] {
  return libAddFee({
    syntheticKey: pk(spenderSyntheticKey),
    coins: selectedCoins.map(coinIn),
    assertCoinIds: assertCoinIds.map((id) => b32(id, 'assertCoinIds')),
    fee: u64(fee),
  }).map(coinSpendOut)
}

export function sendXch(syntheticKey: Uint8Array, selectedCoins: Coin[], outputs: Output[], fee: bigint): CoinSpend[] {
  return libSendXch({
    syntheticKey: pk(syntheticKey),
    coins: selectedCoins.map(coinIn),
    outputs: outputs.map((o) => ({ puzzleHash: b32(o.puzzleHash, 'puzzleHash'), amount: u64(o.amount), memos: o.memos.map((m) => Uint8Array.from(m)) })),
    fee: u64(fee),
  }).map(coinSpendOut)
}

export function selectCoins(allCoins: Coin[], totalAmount: bigint): Coin[] {
  return libSelectCoins(allCoins.map(coinIn), u64(totalAmount)).map(coinOut)
}

const runner = createClvmRsRunner()

export function signCoinSpends(coinSpends: CoinSpend[], privateKeys: Uint8Array[], forTestnet: boolean): Uint8Array {
  return libSignCoinSpends(coinSpends.map(coinSpendIn), privateKeys.map(secretKeyFromBytes), {
    genesisChallenge: forTestnet ? TESTNET11_GENESIS_CHALLENGE : MAINNET_GENESIS_CHALLENGE,
    runner,
    partial: true,
  })
}

export const getCoinId = (coin: Coin): Uint8Array => coinId(coinIn(coin))

export const adminDelegatedPuzzleFromKey = (syntheticKey: Uint8Array): DelegatedPuzzle => ({ adminInnerPuzzleHash: standardPuzzleHash(pk(syntheticKey)) })

export const writerDelegatedPuzzleFromKey = (syntheticKey: Uint8Array): DelegatedPuzzle => ({ writerInnerPuzzleHash: standardPuzzleHash(pk(syntheticKey)) })

/** Like the driver, no parity check here: an odd fee fails when a store is minted with it (OddOracleFeeError). */
export const oracleDelegatedPuzzle = (oraclePuzzleHash: Uint8Array, oracleFee: bigint): DelegatedPuzzle => ({
  oraclePaymentPuzzleHash: b32(oraclePuzzleHash, 'oraclePuzzleHash'),
  oracleFee: u64(oracleFee),
})

export const masterSecretKeyToWalletSyntheticSecretKey = (secretKey: Uint8Array): Uint8Array =>
  libMasterSecretKeyToWalletSyntheticSecretKey(secretKeyFromBytes(secretKey))

export const masterPublicKeyToWalletSyntheticKey = (publicKey: Uint8Array): Uint8Array => libMasterPublicKeyToWalletSyntheticKey(pk(publicKey))

export const masterPublicKeyToFirstPuzzleHash = (publicKey: Uint8Array): Uint8Array => standardPuzzleHash(masterPublicKeyToWalletSyntheticKey(publicKey))

export const secretKeyToPublicKey = (secretKey: Uint8Array): Uint8Array => libSecretKeyToPublicKey(secretKeyFromBytes(secretKey))

export const syntheticKeyToPuzzleHash = (syntheticKey: Uint8Array): Uint8Array => standardPuzzleHash(pk(syntheticKey))

export const puzzleHashToAddress = (puzzleHash: Uint8Array, prefix: string): string => libPuzzleHashToAddress(b32(puzzleHash, 'puzzleHash'), prefix)

export const addressToPuzzleHash = (address: string): Uint8Array => libAddressToPuzzleHash(address)

export const signMessage = (message: Uint8Array, privateKey: Uint8Array): Uint8Array => libSignMessage(secretKeyFromBytes(privateKey), message)

export const verifySignedMessage = (signature: Uint8Array, publicKey: Uint8Array, message: Uint8Array): boolean =>
  libVerifySignedMessage(pk(publicKey), message, signature)

export const getMainnetGenesisChallenge = (): Uint8Array => MAINNET_GENESIS_CHALLENGE
export const getTestnet11GenesisChallenge = (): Uint8Array => TESTNET11_GENESIS_CHALLENGE
