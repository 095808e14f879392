/**
 * Loopback WalletConnect v2 relay for offline tests. Implements exactly the wire protocol of
 * ../shared/reference/wallets.md Appendix A: JSON-RPC 2.0 over one WebSocket per client;
 * irn_subscribe / irn_batchSubscribe / irn_unsubscribe / irn_batchUnsubscribe / irn_publish /
 * irn_batchPublish / irn_batchFetchMessages, and wc_proposeSession / wc_approveSession with the
 * implicit subscription of the caller; never echoes to the publisher; queues messages for topics
 * nobody else listens to and flushes them on the next subscribe.
 *
 * Limits (as documented): no TTL, no auth or projectId check, no history, no link-mode.
 */
import { randomBytes, randomInt } from 'node:crypto'
import type { AddressInfo } from 'node:net'

import { WebSocket, WebSocketServer } from 'ws'

interface Queued {
  message: string
  tag: unknown
  sender: WebSocket
}

interface JsonRpcRequest {
  id: number | string
  jsonrpc: '2.0'
  method?: string
  params?: Record<string, unknown>
}

export interface WcRelay {
  /** `ws://127.0.0.1:<port>` */
  url: string
  port: number
  /** Every request method received, in order (for assertions). */
  readonly methods: string[]
  /** Number of open client connections. */
  connectionCount(): number
  /** Closes every client connection (simulates a relay outage) without stopping the server. */
  dropConnections(): void
  close(): Promise<void>
}

/** Starts the relay on 127.0.0.1 (port 0 = any free port). */
export async function startWcRelay({ port = 0 }: { port?: number } = {}): Promise<WcRelay> {
  const server = new WebSocketServer({ host: '127.0.0.1', port })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })

  /** topic → (subscription id → connection) */
  const subscriptions = new Map<string, Map<string, WebSocket>>()
  const mailbox = new Map<string, Queued[]>()
  const methods: string[] = []

  const send = (ws: WebSocket, payload: unknown) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload))
  }

  const deliver = (topic: string, message: string, tag: unknown, sender: WebSocket) => {
    const targets = [...(subscriptions.get(topic) ?? new Map<string, WebSocket>()).entries()].filter(
      ([, ws]) => ws !== sender,
    )
    if (targets.length === 0) {
      const queue = mailbox.get(topic) ?? []
      queue.push({ message, tag, sender })
      mailbox.set(topic, queue)
      return
    }
    for (const [subscriptionId, ws] of targets) {
      send(ws, {
        id: Date.now() * 1000 + randomInt(0, 1000),
        jsonrpc: '2.0',
        method: 'irn_subscription',
        params: { id: subscriptionId, data: { topic, message, publishedAt: Date.now(), tag } },
      })
    }
  }

  const subscribe = (topic: string, ws: WebSocket): string => {
    const id = randomBytes(32).toString('hex')
    const subs = subscriptions.get(topic) ?? new Map<string, WebSocket>()
    subs.set(id, ws)
    subscriptions.set(topic, subs)
    const queued = mailbox.get(topic)
    if (queued) {
      mailbox.delete(topic)
      // After the response: the client must know its subscription id first.
      setImmediate(() => {
        for (const q of queued) deliver(topic, q.message, q.tag, q.sender)
      })
    }
    return id
  }

  const unsubscribe = (topic: string, id: string) => {
    const subs = subscriptions.get(topic)
    subs?.delete(id)
    if (subs && subs.size === 0) subscriptions.delete(topic)
  }

  const handle = (ws: WebSocket, req: JsonRpcRequest): unknown => {
    const p = req.params ?? {}
    switch (req.method) {
      case 'irn_subscribe':
        return subscribe(String(p.topic), ws)
      case 'irn_batchSubscribe':
        return (p.topics as string[]).map((t) => subscribe(t, ws))
      case 'irn_unsubscribe':
        unsubscribe(String(p.topic), String(p.id))
        return true
      case 'irn_batchUnsubscribe':
        for (const s of p.subscriptions as { topic: string; id: string }[]) unsubscribe(s.topic, s.id)
        return true
      case 'irn_publish':
        deliver(String(p.topic), String(p.message), p.tag, ws)
        return true
      case 'irn_batchPublish':
        for (const m of p.messages as { topic: string; message: string; tag: unknown }[]) deliver(m.topic, m.message, m.tag, ws)
        return true
      case 'irn_batchFetchMessages':
        return { messages: [], hasMore: false }
      case 'wc_proposeSession':
        subscribe(String(p.pairingTopic), ws)
        deliver(String(p.pairingTopic), String(p.sessionProposal), p.tag, ws)
        return true
      case 'wc_approveSession':
        subscribe(String(p.sessionTopic), ws)
        deliver(String(p.pairingTopic), String(p.sessionProposalResponse), p.tag, ws)
        deliver(String(p.sessionTopic), String(p.sessionSettlementRequest), p.tag, ws)
        return true
      default:
        return undefined
    }
  }

  server.on('connection', (ws) => {
    ws.on('message', (raw) => {
      let req: JsonRpcRequest
      try {
        req = JSON.parse(raw.toString()) as JsonRpcRequest
      } catch {
        return
      }
      // A frame without `method` acknowledges one of our irn_subscription pushes.
      if (typeof req.method !== 'string') return
      methods.push(req.method)
      const result = handle(ws, req)
      if (result === undefined) {
        send(ws, { id: req.id, jsonrpc: '2.0', error: { code: -32601, message: `method not found: ${req.method}` } })
      } else {
        send(ws, { id: req.id, jsonrpc: '2.0', result })
      }
    })
    ws.on('close', () => {
      for (const [topic, subs] of subscriptions) {
        for (const [id, conn] of subs) if (conn === ws) subs.delete(id)
        if (subs.size === 0) subscriptions.delete(topic)
      }
    })
  })

  const actualPort = (server.address() as AddressInfo).port
  return {
    url: `ws://127.0.0.1:${actualPort}`,
    port: actualPort,
    methods,
    connectionCount: () => server.clients.size,
    dropConnections: () => {
      for (const c of server.clients) c.terminate()
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of server.clients) c.terminate()
        server.close(() => resolve())
      }),
  }
}
