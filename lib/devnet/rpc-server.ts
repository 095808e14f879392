/**
 * The devnet's HTTP front: `POST /<method>` with a JSON body, HTTP 200 with Chia's response
 * object (full-node-rpc.md §A.1–A.3). JSON is parsed and written losslessly: integers beyond 2^53
 * stay exact (bigint in, JSON number out) with `lossless-json`.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { isInteger, parse, stringify } from 'lossless-json'
import type { Devnet } from './devnet'
import { handleRpc } from './rpc-handler'

/** Chia's request limit (rpc_server.py `max_request_body_size`). */
const MAX_BODY = 1024 * 1024

/** Parses JSON keeping every integer exact (safe ones as number, others as bigint). */
export function parseRpcJson(text: string): unknown {
  return parse(text, null, (value: string) => {
    if (!isInteger(value)) return Number.parseFloat(value)
    const n = Number(value)
    return Number.isSafeInteger(n) ? n : BigInt(value)
  })
}

/** Writes JSON with bigints as plain JSON numbers. */
export const stringifyRpcJson = (value: unknown): string => stringify(value) ?? 'null'

export interface RpcServer {
  server: Server
  port: number
  close(): Promise<void>
}

/** Listens on `host:port` (port 0 picks a free one) and serves `devnet`. */
export function startRpcServer(devnet: Devnet, { host = '127.0.0.1', port = 0 }: { host?: string; port?: number } = {}): Promise<RpcServer> {
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      const text = stringifyRpcJson(body)
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
      res.end(text)
    }
    const method = (req.url ?? '/').split('?')[0].replace(/^\/+/, '')
    if (req.method !== 'POST') {
      send(405, { success: false, error: 'Use POST /<method> with a JSON body' })
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        send(413, { success: false, error: 'Request body larger than 1 MiB' })
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => {
      if (res.writableEnded) return
      let params: unknown = {}
      const text = Buffer.concat(chunks).toString('utf8').trim()
      if (text.length > 0) {
        try {
          params = parseRpcJson(text)
        } catch (e) {
          send(200, { success: false, error: `Invalid JSON body: ${(e as Error).message}` })
          return
        }
      }
      send(200, handleRpc(devnet, method, params))
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const addr = server.address() as AddressInfo
      resolve({
        server,
        port: addr.port,
        close: () => new Promise<void>((r) => server.close(() => r())),
      })
    })
  })
}
