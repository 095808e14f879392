/**
 * Web Worker: hashes dropped files into the Chia DataLayer Merkle tree (key = relative path as
 * UTF-8, value = file bytes) without blocking the page. Files are read in 4 MiB chunks into the
 * streaming value hasher, so a large folder never sits in memory; progress is reported in bytes.
 * The last tree is kept so per-file inclusion proofs can be asked for afterwards.
 */
import { createValueClvmHasher } from '@/lib/chia/merkle/data-layer-hash'
import { dataLayerMerkleTree, type DataLayerMerkleTree } from '@/lib/chia/merkle/data-layer-merkle-tree'
import { proofOfInclusionToJson } from '@/lib/chia/merkle/data-layer-proof'
import { bytesToHex, utf8ToBytes } from '@/lib/chia/primitives/bytes'

export type MerkleWorkerRequest = { type: 'hash'; files: { path: string; file: Blob }[] } | { type: 'proof'; path: string }

export type MerkleWorkerReply =
  | { type: 'progress'; doneBytes: number; totalBytes: number; files: number }
  | { type: 'done'; rootHash: string; totalBytes: number; files: number; ms: number }
  | { type: 'proof'; path: string; proof: Record<string, unknown> }
  | { type: 'error'; message: string }

const CHUNK = 4 * 1024 * 1024
let tree: DataLayerMerkleTree | undefined

const post = (m: MerkleWorkerReply) => (self as unknown as { postMessage(m: MerkleWorkerReply): void }).postMessage(m)

async function hash(files: { path: string; file: Blob }[]) {
  const started = performance.now()
  const totalBytes = files.reduce((t, f) => t + f.file.size, 0)
  let doneBytes = 0
  let lastReport = 0
  const entries = []
  for (const [i, { path, file }] of files.entries()) {
    const h = createValueClvmHasher()
    for (let off = 0; off < file.size; off += CHUNK) {
      const chunk = new Uint8Array(await file.slice(off, off + CHUNK).arrayBuffer())
      h.update(chunk)
      doneBytes += chunk.length
      const now = performance.now()
      if (now - lastReport > 50) {
        lastReport = now
        post({ type: 'progress', doneBytes, totalBytes, files: i })
      }
    }
    entries.push({ key: utf8ToBytes(path), valueClvmHash: h.digest() })
  }
  tree = dataLayerMerkleTree(entries)
  post({ type: 'progress', doneBytes: totalBytes, totalBytes, files: files.length })
  post({ type: 'done', rootHash: bytesToHex(tree.root), totalBytes, files: files.length, ms: Math.round(performance.now() - started) })
}

self.onmessage = (ev: MessageEvent<MerkleWorkerRequest>) => {
  const req = ev.data
  const run = async () => {
    if (req.type === 'hash') await hash(req.files)
    else {
      if (!tree) throw new Error('No files hashed yet.')
      post({ type: 'proof', path: req.path, proof: proofOfInclusionToJson(tree.proofOfInclusion(utf8ToBytes(req.path))) })
    }
  }
  run().catch((e) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }))
}
