/**
 * `npm run devnet`: the embedded devnet as its own Node process.
 * Env: DEVNET_PORT (default 18555; 0 = any free port), DEVNET_DIR (default .devnet),
 * DEVNET_BLOCK_SECONDS (default 3). Prints `DEVNET_READY <json>` once it listens.
 */
import { resolve } from 'node:path'
import { DEFAULT_BLOCK_SECONDS, DEFAULT_DEVNET_PORT } from './devnet-constants'
import { createDevnet } from './devnet'
import { startRpcServer } from './rpc-server'

async function main(): Promise<void> {
  const port = Number(process.env.DEVNET_PORT ?? DEFAULT_DEVNET_PORT)
  const dir = resolve(process.env.DEVNET_DIR ?? '.devnet')
  const blockSeconds = Number(process.env.DEVNET_BLOCK_SECONDS ?? DEFAULT_BLOCK_SECONDS)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`DEVNET_PORT must be a port number, got ${process.env.DEVNET_PORT}`)
  if (!(blockSeconds > 0)) throw new Error(`DEVNET_BLOCK_SECONDS must be positive, got ${process.env.DEVNET_BLOCK_SECONDS}`)
  const devnet = await createDevnet({ dir, blockSeconds, log: (line) => console.log(`[devnet] ${line}`) })
  const server = await startRpcServer(devnet, { port })
  devnet.start()
  console.log(`DEVNET_READY ${JSON.stringify({ port: server.port, dir, height: devnet.peak.height })}`)
  const shutdown = () => {
    devnet.stop()
    void server.close().then(() => process.exit(0))
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((e) => {
  console.error(`[devnet] failed to start: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
