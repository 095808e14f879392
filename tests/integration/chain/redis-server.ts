/**
 * Starts a throwaway redis-server for the Redis-backed cache tests. When the binary is missing it
 * installs it with `apt-get install -y redis-server` if running as root, and otherwise fails with
 * a message saying exactly that (CI must run the tests as root or preinstall redis-server).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

const which = (bin: string): string | undefined => {
  try {
    return execFileSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).trim() || undefined
  } catch {
    return undefined
  }
}

export function ensureRedisServer(): string {
  const found = which('redis-server')
  if (found) return found
  if (process.getuid?.() !== 0) {
    throw new Error('redis-server is not installed. Install it with `sudo apt-get install -y redis-server` (the Redis cache tests need a real server).')
  }
  execFileSync('sh', ['-c', 'apt-get install -y redis-server || (apt-get update && apt-get install -y redis-server)'], {
    stdio: 'ignore',
    timeout: 300_000,
  })
  const installed = which('redis-server')
  if (!installed) throw new Error('apt-get could not install redis-server; install it manually.')
  return installed
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })

export type RedisProcess = { url: string; port: number; child: ChildProcess; stop(): Promise<void> }

export async function startRedisServer(): Promise<RedisProcess> {
  const bin = ensureRedisServer()
  const port = await freePort()
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000)
    child.stdout!.on('data', (d: Buffer) => {
      if (/Ready to accept connections/i.test(d.toString())) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.on('exit', (code) => reject(new Error(`redis-server exited with ${code}`)))
  })
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
