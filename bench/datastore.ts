/**
 * Time per call of the lib/chia DataStore builders and parser (microseconds, median of batches),
 * on inputs from the driver vectors, next to the reference driver's native call where one exists.
 * Builders are pure (no key validation, no CLVM run); `dataStoreFromSpend` runs the store's inner
 * puzzle with the given runner. Run: `npx tsx bench/datastore.ts`; prints one JSON line.
 */
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { createTsRunner } from '@/lib/chia/clvm/run-program'
import { addFee } from '@/lib/chia/datastore/add-fee'
import { dataStoreFromSpend } from '@/lib/chia/datastore/data-store-from-spend'
import { meltDataStore } from '@/lib/chia/datastore/melt-data-store'
import { mintDataStore } from '@/lib/chia/datastore/mint-data-store'
import { oracleSpend } from '@/lib/chia/datastore/oracle-spend'
import { selectCoins } from '@/lib/chia/datastore/select-coins'
import { sendXch } from '@/lib/chia/datastore/send-xch'
import { updateDataStore } from '@/lib/chia/datastore/update-data-store'
import { updateDataStoreOwnership } from '@/lib/chia/datastore/update-data-store-ownership'
import { hexToBytes } from '@/lib/chia/primitives/bytes'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { dataStoreIn, delegatedPuzzleIn } from '@/tests/support/driver-compat'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- vector JSON / driver values are untyped
type Any = any
const V = JSON.parse(readFileSync(new URL('../tests/vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8'))
const ref: Any = createRequire(import.meta.url)('@dignetwork/datalayer-driver')
const c = (name: string): Any => V.cases.find((x: Any) => x.name === name)
const conv = (v: Any, key = ''): Any => {
  if (v === null || v === undefined) return v
  if (Array.isArray(v)) return v.map((x) => conv(x, key))
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, conv(x, k)]))
  if (typeof v === 'string') {
    if (['amount', 'parentAmount', 'bytes', 'fee', 'oracleFee', 'newBytes'].includes(key)) return BigInt(v)
    if (['label', 'description', 'newLabel', 'newDescription'].includes(key)) return v
    return Buffer.from(hexToBytes(v))
  }
  return v
}

function microsPerCall(fn: () => void): number {
  for (let i = 0; i < 30; i++) fn()
  const batches: number[] = []
  for (let b = 0; b < 15; b++) {
    const n = 20
    const t = performance.now()
    for (let i = 0; i < n; i++) fn()
    batches.push(((performance.now() - t) * 1000) / n)
  }
  batches.sort((a, b) => a - b)
  return Math.round(batches[batches.length >> 1])
}

const mint = conv(c('mint_delegated_admin_writer_oracle_full_metadata').inputs)
const mintV = conv(c('mint_vanilla_full_metadata_two_coins').inputs)
const wr = conv(c('update_metadata_writer').inputs)
const ad = conv(c('update_metadata_admin').inputs)
const ow = conv(c('update_metadata_owner_vanilla_eve').inputs)
const own = conv(c('update_ownership_owner_transfers_and_sets_delegates').inputs)
const orc = conv(c('oracle_spend_two_coins_fee_50').inputs)
const melt = conv(c('melt_delegated_store').inputs)
const fee = conv(c('add_fee_two_coins').inputs)
const send = conv(c('send_xch').inputs)
const sel = conv(V.selectCoins.vectors[2].input)
const chainD = V.history.chains.D.steps
const writerStep = conv(chainD[3].coinSpend)
const parentOfWriter = dataStoreIn(conv(chainD[2].expectedNewStore)).delegatedPuzzles
// An owner update of a delegated store (the common history spend): only the owner puzzle runs.
const ownerStep = conv(chainD[7].coinSpend)
const parentOfOwner = dataStoreIn(conv(chainD[6].expectedNewStore)).delegatedPuzzles

const store = (s: Any) => dataStoreIn(s)
const rs = createClvmRsRunner()
const ts = createTsRunner()

const result: Record<string, number> = {
  mintDelegatedUs: microsPerCall(() =>
    mintDataStore({ minterSyntheticKey: mint.minterSyntheticKey, coins: mint.selectedCoins, rootHash: mint.rootHash, label: mint.label, description: mint.description, bytes: mint.bytes, ownerPuzzleHash: mint.ownerPuzzleHash, delegatedPuzzles: mint.delegatedPuzzles.map(delegatedPuzzleIn), fee: mint.fee }),
  ),
  mintVanillaUs: microsPerCall(() =>
    mintDataStore({ minterSyntheticKey: mintV.minterSyntheticKey, coins: mintV.selectedCoins, rootHash: mintV.rootHash, label: mintV.label, ownerPuzzleHash: mintV.ownerPuzzleHash, fee: mintV.fee }),
  ),
  updateWriterUs: microsPerCall(() => updateDataStore({ store: store(wr.store), spender: { role: 'writer', syntheticKey: wr.writerPublicKey }, rootHash: wr.newRootHash })),
  updateAdminUs: microsPerCall(() => updateDataStore({ store: store(ad.store), spender: { role: 'admin', syntheticKey: ad.adminPublicKey }, rootHash: ad.newRootHash })),
  updateOwnerVanillaUs: microsPerCall(() => updateDataStore({ store: store(ow.store), spender: { role: 'owner', syntheticKey: ow.ownerPublicKey }, rootHash: ow.newRootHash })),
  updateOwnershipUs: microsPerCall(() =>
    updateDataStoreOwnership({ store: store(own.store), spender: { role: 'owner', syntheticKey: own.ownerPublicKey }, newOwnerPuzzleHash: own.newOwnerPuzzleHash, newDelegatedPuzzles: own.newDelegatedPuzzles.map(delegatedPuzzleIn) }),
  ),
  oracleSpendUs: microsPerCall(() => oracleSpend({ spenderSyntheticKey: orc.spenderSyntheticKey, coins: orc.selectedCoins, store: store(orc.store), fee: orc.fee })),
  meltUs: microsPerCall(() => meltDataStore({ store: store(melt.store), ownerSyntheticKey: melt.ownerPublicKey })),
  addFeeUs: microsPerCall(() => addFee({ syntheticKey: fee.spenderSyntheticKey, coins: fee.selectedCoins, assertCoinIds: fee.assertCoinIds, fee: fee.fee })),
  sendXchUs: microsPerCall(() => sendXch({ syntheticKey: send.syntheticKey, coins: send.selectedCoins, outputs: send.outputs, fee: send.fee })),
  selectCoinsKnapsackUs: microsPerCall(() => selectCoins(sel.allCoins, BigInt(V.selectCoins.vectors[2].input.totalAmount))),
  fromSpendWriterClvmRsUs: microsPerCall(() => dataStoreFromSpend(writerStep, parentOfWriter, rs)),
  fromSpendWriterTsRunnerUs: microsPerCall(() => dataStoreFromSpend(writerStep, parentOfWriter, ts)),
  fromSpendOwnerDelegatedClvmRsUs: microsPerCall(() => dataStoreFromSpend(ownerStep, parentOfOwner, rs)),
  driverMintDelegatedUs: microsPerCall(() =>
    ref.mintStore(mint.minterSyntheticKey, mint.selectedCoins, mint.rootHash, mint.label, mint.description, mint.bytes, mint.ownerPuzzleHash, mint.delegatedPuzzles, mint.fee),
  ),
  driverUpdateWriterUs: microsPerCall(() => ref.updateStoreMetadata(wr.store, wr.newRootHash, null, null, null, null, null, wr.writerPublicKey)),
}
console.log(JSON.stringify(result))
