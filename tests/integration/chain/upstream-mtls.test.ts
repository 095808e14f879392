/**
 * mTLS to a Chia-style full node (full-node-rpc.md §A.1): a local HTTPS server that, like Chia's
 * RPC server, requires a client certificate signed by its private CA, TLS 1.3 only, with a server
 * certificate that does not name the host (Chia issues them for "Chia"). Certificates are made
 * with openssl at test time.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TLSSocket } from 'node:tls'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUpstream } from '@/lib/chain/upstream'
import { UpstreamConnectionError } from '@/lib/chain/upstream-errors'

let dir: string
let server: https.Server
let url: string
const pem = (name: string) => readFileSync(join(dir, name))
const seen: { protocol: string | null; clientCn?: string }[] = []

function openssl(...args: string[]) {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' })
}

function issue(name: string, cn: string) {
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`)
  openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '2')
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mtls-'))
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Chia CA')
  issue('daemon', 'Chia')
  issue('client', 'Chia client')
  // A second CA whose certificates the node must refuse.
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'evil-ca.key', '-out', 'evil-ca.crt', '-days', '2', '-subj', '/CN=Other CA')
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'evil.key', '-out', 'evil.csr', '-subj', '/CN=intruder')
  openssl('x509', '-req', '-in', 'evil.csr', '-CA', 'evil-ca.crt', '-CAkey', 'evil-ca.key', '-CAcreateserial', '-out', 'evil.crt', '-days', '2')
  server = https.createServer(
    {
      key: pem('daemon.key'),
      cert: pem('daemon.crt'),
      ca: pem('ca.crt'),
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.3',
    },
    (req, res) => {
      const socket = req.socket as TLSSocket
      seen.push({ protocol: socket.getProtocol(), clientCn: (socket.getPeerCertificate().subject as { CN?: string } | undefined)?.CN })
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true,"blockchain_state":{"peak":{"height":1}}}')
    },
  )
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 60_000)

afterAll(async () => {
  server?.closeAllConnections()
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
  rmSync(dir, { recursive: true, force: true })
})

describe('mTLS upstream', () => {
  it('presents the client certificate over TLS 1.3, ignoring the hostname, verifying the private CA', async () => {
    const up = createUpstream({ url, tls: { cert: pem('client.crt'), key: pem('client.key'), ca: pem('ca.crt') } })
    const r = await up.post('get_blockchain_state', '{}', 5_000)
    expect(r.status).toBe(200)
    expect(r.text).toContain('"height":1')
    expect(seen.at(-1)).toEqual({ protocol: 'TLSv1.3', clientCn: 'Chia client' })
    up.close()
  })

  it('works without the CA file (server certificate not verified, like curl --insecure in Chia docs)', async () => {
    const up = createUpstream({ url, tls: { cert: pem('client.crt'), key: pem('client.key') } })
    expect((await up.post('get_blockchain_state', '{}', 5_000)).status).toBe(200)
    up.close()
  })

  it('fails without client certificate (default TLS trust) and is refused with a client certificate from another CA', async () => {
    const none = createUpstream({ url })
    await expect(none.post('get_blockchain_state', '{}', 5_000)).rejects.toBeInstanceOf(UpstreamConnectionError)
    none.close()
    const evil = createUpstream({ url, tls: { cert: pem('evil.crt'), key: pem('evil.key') } })
    await expect(evil.post('get_blockchain_state', '{}', 5_000)).rejects.toBeInstanceOf(UpstreamConnectionError)
    evil.close()
  })

  it('refuses a node whose certificate is not from the configured CA', async () => {
    const up = createUpstream({ url, tls: { cert: pem('client.crt'), key: pem('client.key'), ca: pem('evil-ca.crt') } })
    await expect(up.post('get_blockchain_state', '{}', 5_000)).rejects.toBeInstanceOf(UpstreamConnectionError)
    up.close()
  })
})
