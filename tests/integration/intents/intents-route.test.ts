import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { createFileIntentStore } from '@/lib/chain/intents/file-intent-store'
import { handleIntentsGet, handleIntentsPost, type IntentsDeps } from '@/lib/chain/intents/handle-intents-request'
import { signedToolIntentBody } from '@/lib/chain/intents/sign-tool-intent'
import { toolIntentMessage } from '@/lib/chain/intents/tool-intent'
import { signMessage } from '@/lib/chia/keys/sign-message'
import { bytesToHex, utf8ToBytes } from '@/lib/chia/primitives/bytes'

import { testKey } from '../../unit/chain/preview/fixtures'

const LAUNCHER = 'ab'.repeat(32)
const owner = testKey(0)
const writer = testKey(1)
const stranger = testKey(2)
const NOW = 1_800_000_000_000

function deps(over: Partial<IntentsDeps> = {}): IntentsDeps & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'intents-'))
  let n = 0
  return {
    dir,
    network: 'devnet',
    intents: createFileIntentStore(dir),
    nowMs: () => NOW,
    newId: () => `id-${++n}`,
    loadState: async () => ({ melted: false, ownerPuzzleHash: `0x${bytesToHex(owner.puzzleHash)}`, admins: [], writers: [bytesToHex(writer.puzzleHash)], rootHash: '0x' + '00'.repeat(32) }),
    ...over,
  }
}

function signedBody(key = writer, over: Record<string, unknown> = {}) {
  const fields = { network: 'devnet', launcherId: LAUNCHER, rootHash: 'cd'.repeat(32), bytes: 4096n, label: 'site v2', nonce: 'nonce-0001', expiry: NOW / 1000 + 3600 }
  const signature = signMessage(key.secretKey, utf8ToBytes(toolIntentMessage(fields)))
  return { rootHash: `0x${fields.rootHash}`, bytes: 4096, label: fields.label, nonce: fields.nonce, expiry: fields.expiry, publicKey: bytesToHex(key.publicKey), signature: bytesToHex(signature), ...over }
}

const post = (body: unknown, d: IntentsDeps, storeId = LAUNCHER) =>
  handleIntentsPost(new Request('http://x/api', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) }), storeId, d)

describe('intents routes', () => {
  it('accepts a writer-signed intent, stores it on disk, lists it as pending, and flags applied once on chain', async () => {
    const d = deps()
    const res = await post(signedBody(), d)
    expect(res.status).toBe(201)
    const created = (await res.json()) as { intent: { id: string; role: string; status: string } }
    expect(created.intent).toMatchObject({ id: 'id-1', role: 'writer', status: 'pending' })
    const onDisk = JSON.parse(readFileSync(join(d.dir, `${LAUNCHER}.json`), 'utf8'))
    expect(onDisk[0]).toMatchObject({ bytes: '4096', label: 'site v2', rootHash: 'cd'.repeat(32) })

    const list = (await (await handleIntentsGet(`0x${LAUNCHER.toUpperCase()}`, d)).json()) as { intents: { status: string }[] }
    expect(list.intents.map((i) => i.status)).toEqual(['pending'])

    const applied = { ...d, loadState: async () => ({ ...(await d.loadState(new Uint8Array(32)))!, rootHash: '0x' + 'cd'.repeat(32) }) }
    const after = (await (await handleIntentsGet(LAUNCHER, applied)).json()) as { intents: { status: string }[] }
    expect(after.intents[0].status).toBe('applied')
  })

  it('accepts the owner, refuses a stranger (403) and a replayed nonce (409)', async () => {
    const d = deps()
    expect((await post(signedBody(owner), d)).status).toBe(201)
    const replay = await post(signedBody(owner), d)
    expect(replay.status).toBe(409)
    const res = await post(signedBody(stranger, { nonce: 'nonce-0002' }), d)
    // A different nonce needs a different signature: sign properly as the stranger.
    expect(res.status).toBe(401)
    const strangerBody = (() => {
      const fields = { network: 'devnet', launcherId: LAUNCHER, rootHash: 'cd'.repeat(32), bytes: 4096n, label: 'site v2', nonce: 'nonce-0003', expiry: NOW / 1000 + 3600 }
      const signature = signMessage(stranger.secretKey, utf8ToBytes(toolIntentMessage(fields)))
      return { ...signedBody(stranger), nonce: 'nonce-0003', signature: bytesToHex(signature) }
    })()
    const forbidden = await post(strangerBody, d)
    expect(forbidden.status).toBe(403)
    expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe('NOT_AUTHORIZED')
  })

  it('refuses tampered fields, another network, expired and far-future intents', async () => {
    const d = deps()
    expect((await post(signedBody(writer, { rootHash: 'ee'.repeat(32) }), d)).status).toBe(401)
    expect((await post(signedBody(), { ...d, network: 'mainnet' })).status).toBe(401)
    const expired = await post(signedBody(writer, { expiry: NOW / 1000 - 1 }), d)
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('EXPIRED')
    const far = await post(signedBody(writer, { expiry: NOW / 1000 + 30 * 24 * 3600 }), d)
    expect(((await far.json()) as { error: { code: string } }).error.code).toBe('EXPIRY_TOO_FAR')
  })

  it('answers malformed requests with field errors, and unknown stores with 404', async () => {
    const d = deps()
    const bad = await post({ ...signedBody(), rootHash: 'zz', label: 'two\nlines', nonce: 'x' }, d)
    expect(bad.status).toBe(400)
    const body = (await bad.json()) as { error: { code: string; fields: Record<string, string> } }
    expect(body.error.code).toBe('INVALID_INTENT')
    expect(Object.keys(body.error.fields).sort()).toEqual(['label', 'nonce', 'rootHash'])
    expect((await post('{not json', d)).status).toBe(400)
    expect((await post(signedBody(), d, 'nope')).status).toBe(400)
    expect((await post(signedBody(), { ...d, loadState: async () => undefined })).status).toBe(404)
    expect((await post(signedBody(), { ...d, loadState: async () => ({ melted: true, ownerPuzzleHash: '', admins: [], writers: [], rootHash: '' }) })).status).toBe(409)
  })

  it('a body from signedToolIntentBody (the commit-hook CLI) is accepted, with bytes above 2^53', async () => {
    const d = deps()
    const body = signedToolIntentBody(
      { network: 'devnet', launcherId: LAUNCHER, rootHash: 'ef'.repeat(32), bytes: 2n ** 60n, description: 'from CI', nonce: 'ci-run-42', expiry: NOW / 1000 + 60 },
      writer.secretKey,
    )
    const res = await post(body, d)
    expect(res.status).toBe(201)
    const stored = await d.intents.list(LAUNCHER)
    expect(stored[0].bytes).toBe(2n ** 60n)
    expect(stored[0].description).toBe('from CI')
  })
})
