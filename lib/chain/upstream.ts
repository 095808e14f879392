import 'server-only'

/**
 * One upstream: a Chia full node (`https://host:8555`, mTLS with the node's client certificate,
 * TLS 1.3, private CA, no hostname check — full-node-rpc.md §A.1) or a coinset-compatible HTTP
 * API (plain HTTPS, or HTTP for the embedded devnet on loopback). Sends one POST per call over a
 * keep-alive agent and returns the raw status and text; the pool interprets them.
 */
import http from 'node:http'
import https from 'node:https'

import { UpstreamConnectionError, UpstreamTimeoutError } from './upstream-errors'

export type UpstreamTls = {
  /** PEM client certificate and key signed by the node's private CA. */
  cert: string | Buffer
  key: string | Buffer
  /** PEM of the node's private CA; without it the server certificate is not verified (like `curl --insecure` in Chia's docs). */
  ca?: string | Buffer
}

export type UpstreamResponse = { status: number; text: string }

export type Upstream = {
  readonly url: string
  post(method: string, body: string, timeoutMs: number): Promise<UpstreamResponse>
  close(): void
}

/** Answers larger than this are treated as garbage (Chia caps requests at 1 MiB; replies are similar). */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024

/**
 * Sockets per upstream. At least the store sync's fetch concurrency (100, store-sync.ts), so a cold
 * history load is ~11 waves of round trips instead of queueing inside the agent.
 */
const MAX_SOCKETS_PER_UPSTREAM = 128

/**
 * Creates an upstream for `url`; `tls` switches on mutual TLS for a Chia full node.
 *
 * @example
 * const node = createUpstream({ url: 'https://10.0.0.5:8555', tls: { cert, key } })
 * const { status, text } = await node.post('get_blockchain_state', '{}', 5_000)
 */
export function createUpstream({ url, tls }: { url: string; tls?: UpstreamTls }): Upstream {
  const base = new URL(url.replace(/\/+$/, '') + '/')
  const secure = base.protocol === 'https:'
  const agent = secure
    ? new https.Agent({
        keepAlive: true,
        maxSockets: MAX_SOCKETS_PER_UPSTREAM,
        ...(tls
          ? {
              cert: tls.cert,
              key: tls.key,
              ca: tls.ca,
              minVersion: 'TLSv1.3' as const,
              rejectUnauthorized: tls.ca !== undefined,
              // Chia's RPC certificates are issued for "Chia", not the host (check_hostname = False).
              checkServerIdentity: () => undefined,
            }
          : {}),
      })
    : new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_UPSTREAM })
  const lib = secure ? https : http

  return {
    url,
    close: () => agent.destroy(),
    post(method, body, timeoutMs) {
      const target = new URL(method, base)
      return new Promise<UpstreamResponse>((resolve, reject) => {
        let settled = false
        const finish = (fn: () => void) => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          fn()
        }
        const req = lib.request(
          target,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              accept: 'application/json',
            },
          },
          (res) => {
            const chunks: Buffer[] = []
            let size = 0
            res.on('data', (c: Buffer) => {
              size += c.length
              if (size > MAX_RESPONSE_BYTES) {
                req.destroy(new Error(`response larger than ${MAX_RESPONSE_BYTES} bytes`))
                return
              }
              chunks.push(c)
            })
            res.on('end', () =>
              finish(() => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })),
            )
            res.on('error', (cause) => finish(() => reject(new UpstreamConnectionError({ url, method, cause }))))
          },
        )
        const timer = setTimeout(() => {
          finish(() => reject(new UpstreamTimeoutError({ url, method, timeoutMs })))
          req.destroy()
        }, timeoutMs)
        req.on('error', (cause) => finish(() => reject(new UpstreamConnectionError({ url, method, cause }))))
        req.end(body)
      })
    },
  }
}
