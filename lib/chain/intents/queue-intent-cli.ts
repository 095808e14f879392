/**
 * Commit-hook CLI (Node only): hashes the files of a git work tree (`git ls-files`) into the
 * DataLayer Merkle root (key = path, value = bytes), signs the desired state with a key from
 * DLS_MNEMONIC (wallet index --key-index, the same synthetic key Chia wallets use) and queues it
 * with `POST /api/stores/<launcherId>/intents`. The store's owner then reviews and signs the
 * update in the dashboard. Usage: see README "Queue updates from a commit hook".
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { openSync, readSync, closeSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import { mnemonicToMasterSecretKey } from '@/lib/chia/keys/mnemonic'
import { masterSecretKeyToWalletSyntheticSecretKey } from '@/lib/chia/keys/synthetic-key'
import { createValueClvmHasher } from '@/lib/chia/merkle/data-layer-hash'
import { dataLayerMerkleTree } from '@/lib/chia/merkle/data-layer-merkle-tree'
import { bytesToHex, utf8ToBytes } from '@/lib/chia/primitives/bytes'

import { signedToolIntentBody } from './sign-tool-intent'

const { values } = parseArgs({
  options: {
    studio: { type: 'string' },
    store: { type: 'string' },
    network: { type: 'string', default: 'mainnet' },
    git: { type: 'string', default: '.' },
    label: { type: 'string' },
    description: { type: 'string' },
    'key-index': { type: 'string', default: '0' },
    'ttl-hours': { type: 'string', default: '24' },
  },
})

function fail(message: string): never {
  console.error(`queue-intent: ${message}`)
  process.exit(1)
}

const mnemonic = process.env.DLS_MNEMONIC
if (!values.studio || !values.store) fail('--studio and --store are required')
if (!mnemonic) fail('set DLS_MNEMONIC to the recovery phrase of the owner, admin or writer key')

const root = values.git!
const paths = execFileSync('git', ['-C', root, 'ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean)
let total = 0n
const buf = Buffer.alloc(4 * 1024 * 1024)
const entries = paths.map((path) => {
  const file = join(root, path)
  const h = createValueClvmHasher()
  const fd = openSync(file, 'r')
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n))
  closeSync(fd)
  total += BigInt(statSync(file).size)
  return { key: utf8ToBytes(path), valueClvmHash: h.digest() }
})
const tree = dataLayerMerkleTree(entries)
const secretKey = masterSecretKeyToWalletSyntheticSecretKey(mnemonicToMasterSecretKey(mnemonic), Number(values['key-index']))
const body = signedToolIntentBody(
  {
    network: values.network!,
    launcherId: values.store!.replace(/^0x/i, '').toLowerCase(),
    rootHash: bytesToHex(tree.root),
    bytes: total,
    ...(values.label !== undefined ? { label: values.label } : {}),
    ...(values.description !== undefined ? { description: values.description } : {}),
    nonce: randomBytes(16).toString('hex'),
    expiry: Math.floor(Date.now() / 1000) + Number(values['ttl-hours']) * 3600,
  },
  secretKey,
)
const res = await fetch(`${values.studio!.replace(/\/+$/, '')}/api/stores/${values.store}/intents`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})
const reply = (await res.json().catch(() => ({}))) as { error?: { message?: string } }
if (!res.ok) fail(`${res.status} ${reply.error?.message ?? ''}`)
console.log(`queued root 0x${body.rootHash} (${paths.length} files, ${total} bytes) for store ${values.store}`)
