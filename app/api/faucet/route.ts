import { z } from 'zod'

import { AddressPrefixMismatchError, InvalidAddressError, InvalidAddressLengthError } from '@/lib/chia/keys/address'
import { env } from '@/lib/env'
import { FaucetFailedError, requestDevnetFunds } from '@/lib/wallet/devnet-faucet'

const faucetBody = z.object({ address: z.string().trim().min(1).max(100) })

const error = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status })

/** Devnet only: funds the burner wallet's address. Any other network gets a 404. */
export async function POST(req: Request) {
  const config = env()
  if (config.network !== 'devnet') return error(404, 'notFound', 'The faucet exists only on the devnet.')
  const parsed = faucetBody.safeParse(await req.json().catch(() => undefined))
  if (!parsed.success) return error(400, 'invalidRequest', 'Send {"address": "txch1…"}.')
  try {
    return Response.json(await requestDevnetFunds({ rpcUrl: config.fullNodeUrls[0], address: parsed.data.address }))
  } catch (e) {
    if (e instanceof FaucetFailedError) return error(502, 'faucetFailed', e.shortMessage)
    if (e instanceof InvalidAddressError || e instanceof AddressPrefixMismatchError || e instanceof InvalidAddressLengthError) {
      return error(400, 'invalidAddress', e.shortMessage)
    }
    console.error('faucet', e)
    return error(500, 'internal', 'Something went wrong.')
  }
}
