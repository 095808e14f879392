/**
 * A scriptable stand-in for a Chia full node's RPC (node:http on loopback) used by the proxy
 * tests: answers from per-method handlers, and can be switched to fail the ways real upstreams
 * do — hang past the timeout, HTTP 500, non-JSON garbage, or `success:false` with a traceback.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { parseLosslessJson, stringifyLosslessJson } from '@/lib/chain/lossless-json'

export type FaultMode = 'ok' | 'hang' | 'http500' | 'garbage' | 'rpc-failure' | 'no-success-field'

export type FakeFullNode = {
  url: string
  calls: { method: string; params: Record<string, unknown> }[]
  mode: FaultMode
  /** When set, the fault mode applies to this many more requests, then the node behaves. */
  failTimes?: number
  latencyMs: number
  handlers: Record<string, (params: Record<string, unknown>) => Record<string, unknown>>
  close(): Promise<void>
}

export async function startFakeFullNode(
  handlers: FakeFullNode['handlers'] = {},
): Promise<FakeFullNode> {
  const node: FakeFullNode = {
    url: '',
    calls: [],
    mode: 'ok',
    latencyMs: 0,
    handlers,
    close: async () => {},
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const method = (req.url ?? '/').slice(1)
      const params = parseLosslessJson(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>
      node.calls.push({ method, params })
      if (node.latencyMs > 0) await new Promise((r) => setTimeout(r, node.latencyMs))
      const faulty = node.mode !== 'ok' && (node.failTimes === undefined || node.failTimes-- > 0)
      switch (faulty ? node.mode : 'ok') {
        case 'hang':
          return // never answers; the client's timeout must fire
        case 'http500':
          res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error')
          return
        case 'garbage':
          res.writeHead(200, { 'content-type': 'application/json' }).end('<html>\u0000 not json')
          return
        case 'no-success-field':
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"coin_record":1}')
          return
        case 'rpc-failure':
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              success: false,
              error: 'Coin record 0xabc not found',
              traceback: 'Traceback (most recent call last):\n  File "/home/chia/chia/rpc/util.py", line 1',
              structuredError: { code: 'COIN_RECORD_NOT_FOUND', message: 'Coin record not found', data: { name: 'abc' } },
            }),
          )
          return
      }
      const handler = node.handlers[method]
      const body = handler
        ? { ...handler(params), success: true }
        : { success: false, error: `No such route ${method}`, traceback: 'Traceback: /secret/path.py' }
      res.writeHead(200, { 'content-type': 'application/json' }).end(stringifyLosslessJson(body))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  node.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  node.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections()
      server.close(() => r())
    })
  return node
}
