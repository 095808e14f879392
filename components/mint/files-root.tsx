'use client'

import { useEffect, useRef, useState } from 'react'

import { formatBytes } from '@/components/store/store-format'
import { Button } from '@/components/ui/button'
import { ProgressBar } from '@/components/ui/field'
import { dataLayerProofToJson } from '@/lib/chia/merkle/data-layer-proof'
import { proofOfInclusionFromJson } from '@/lib/chia/merkle/data-layer-proof'
import { hexToBytes32 } from '@/lib/chia/primitives/bytes'

import type { MerkleWorkerReply, MerkleWorkerRequest } from './merkle-worker'

export interface FilesResult {
  rootHash: string
  totalBytes: bigint
  paths: string[]
}

/** The store a proof is for: given when the computed root is the store's current root. */
export interface ProofStore {
  launcherId: string
  coinId: string
  innerPuzzleHash: string
  rootHash: string
}

type Picked = { path: string; file: File }

async function walk(entry: FileSystemEntry, prefix: string, out: Picked[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej))
    out.push({ path: `${prefix}${entry.name}`, file })
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader()
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej))
      if (batch.length === 0) break
      for (const e of batch) await walk(e, `${prefix}${entry.name}/`, out)
    }
  }
}

/** Relative paths: a dropped folder's own name is stripped so keys match the folder's contents. */
function relative(files: Picked[]): Picked[] {
  const first = files[0]?.path.split('/')[0]
  const shared = first && files.length > 0 && files.every((f) => f.path.startsWith(`${first}/`))
  return shared ? files.map((f) => ({ ...f, path: f.path.slice(first.length + 1) })) : files
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  URL.revokeObjectURL(url)
}

/**
 * Drop files or a folder (or pick them): computes the DataLayer Merkle root and total size in a
 * Web Worker with a progress bar, offers them to the form, and exports per-file inclusion proofs.
 */
export function FilesRoot({ onResult, proofStore }: { onResult: (r: FilesResult) => void; proofStore?: ProofStore }) {
  const worker = useRef<Worker | undefined>(undefined)
  const [progress, setProgress] = useState<{ done: number; total: number; files: number } | undefined>()
  const [result, setResult] = useState<(FilesResult & { ms: number }) | undefined>()
  const [error, setError] = useState<string>()
  const [over, setOver] = useState(false)
  const pending = useRef<Picked[]>([])
  const proofWaiters = useRef(new Map<string, (p: Record<string, unknown>) => void>())

  useEffect(() => () => worker.current?.terminate(), [])

  const start = (files: Picked[]) => {
    setError(undefined)
    setResult(undefined)
    const picked = relative(files).sort((a, b) => a.path.localeCompare(b.path))
    if (picked.length === 0) return setError('No files found in what was dropped.')
    const dup = picked.find((f, i) => i > 0 && picked[i - 1].path === f.path)
    if (dup) return setError(`Two files have the same path: ${dup.path}`)
    pending.current = picked
    worker.current?.terminate()
    const w = new Worker(new URL('./merkle-worker.ts', import.meta.url), { type: 'module' })
    worker.current = w
    w.onmessage = (ev: MessageEvent<MerkleWorkerReply>) => {
      const m = ev.data
      if (m.type === 'progress') setProgress({ done: m.doneBytes, total: m.totalBytes, files: m.files })
      else if (m.type === 'done') {
        const r = { rootHash: m.rootHash, totalBytes: BigInt(m.totalBytes), paths: pending.current.map((f) => f.path), ms: m.ms }
        setResult(r)
        onResult(r)
      } else if (m.type === 'proof') proofWaiters.current.get(m.path)?.(m.proof)
      else setError(m.message)
    }
    setProgress({ done: 0, total: picked.reduce((t, f) => t + f.file.size, 0), files: 0 })
    w.postMessage({ type: 'hash', files: picked } satisfies MerkleWorkerRequest)
  }

  const proofFor = (path: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      proofWaiters.current.set(path, resolve)
      worker.current?.postMessage({ type: 'proof', path } satisfies MerkleWorkerRequest)
    })

  const exportProof = async (path: string) => {
    const inclusion = await proofFor(path)
    const full = proofStore && result && proofStore.rootHash.replace(/^0x/, '') === result.rootHash
    const json = full
      ? dataLayerProofToJson({
          storeId: hexToBytes32(proofStore.launcherId.replace(/^0x/, '')),
          proofs: [proofOfInclusionFromJson(inclusion)],
          coinId: hexToBytes32(proofStore.coinId.replace(/^0x/, '')),
          innerPuzzleHash: hexToBytes32(proofStore.innerPuzzleHash.replace(/^0x/, '')),
        })
      : inclusion
    download(`${path.replace(/[^\w.-]+/g, '_')}.proof.json`, JSON.stringify(json, null, 2))
  }

  const onDrop = async (ev: React.DragEvent) => {
    ev.preventDefault()
    setOver(false)
    const items = [...ev.dataTransfer.items].map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => !!e)
    const out: Picked[] = []
    for (const e of items) await walk(e, '', out)
    start(out)
  }

  return (
    <div className="space-y-3" data-testid="files-root">
      <div
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => void onDrop(e)}
        className={`rounded-xl border-2 border-dashed p-5 text-center text-sm transition-colors ${over ? 'border-brand-500 bg-brand-50 dark:bg-brand-950' : 'border-zinc-300 dark:border-zinc-700'}`}
      >
        <p className="font-medium">Drop files or a folder here</p>
        <p className="mt-1 text-xs text-zinc-500">Each file becomes a key (its relative path) and value (its bytes) in Chia’s DataLayer Merkle tree. Nothing is uploaded.</p>
        <div className="mt-3 flex flex-wrap justify-center gap-2">
          <label className="cursor-pointer rounded-lg border border-zinc-300 px-3 py-1.5 text-xs font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
            Choose files
            <input type="file" multiple className="sr-only" data-testid="files-input" onChange={(e) => start([...(e.target.files ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file })))} />
          </label>
          <label className="cursor-pointer rounded-lg border border-zinc-300 px-3 py-1.5 text-xs font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
            Choose a folder
            <input
              type="file"
              className="sr-only"
              {...({ webkitdirectory: '' } as Record<string, string>)}
              onChange={(e) => start([...(e.target.files ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file })))}
            />
          </label>
        </div>
      </div>
      {progress && !result && (
        <div className="space-y-1">
          <ProgressBar value={progress.total ? progress.done / progress.total : 1} label="Hashing files" />
          <p className="text-xs text-zinc-500">
            Hashing {formatBytes(BigInt(progress.done))} of {formatBytes(BigInt(progress.total))} ({progress.files} files done)…
          </p>
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p>}
      {result && (
        <div className="rounded-lg bg-zinc-50 p-3 text-sm dark:bg-zinc-800/50" data-testid="files-result">
          <p>
            <span className="font-medium">{result.paths.length} files</span>, {formatBytes(result.totalBytes)}, hashed in {result.ms} ms.
          </p>
          <p className="mt-1 font-mono text-xs break-all" data-testid="files-root-hash">0x{result.rootHash}</p>
          <details className="mt-2">
            <summary className="cursor-pointer text-xs font-medium">Inclusion proofs per file</summary>
            <p className="mt-1 text-xs text-zinc-500">
              {proofStore && proofStore.rootHash.replace(/^0x/, '') === result.rootHash
                ? 'This root is the store’s current root: proofs are in Chia’s get_proof format, ready for any verifier.'
                : 'Proofs of inclusion against this root (Chia proof_of_inclusion JSON). Once the root is on chain, download them again from the store page for the full get_proof format.'}
            </p>
            <ul className="mt-2 max-h-48 space-y-1 overflow-auto">
              {result.paths.map((p) => (
                <li key={p} className="flex items-center justify-between gap-2 text-xs">
                  <span className="truncate font-mono">{p}</span>
                  <Button size="sm" variant="ghost" onClick={() => void exportProof(p)}>
                    Download proof
                  </Button>
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </div>
  )
}
