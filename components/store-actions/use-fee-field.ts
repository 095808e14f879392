'use client'

import { useEffect, useState } from 'react'

import { browserChainClient } from '@/hooks/use-chain-client'

import { formatXch } from './format-xch'

/** Confirmation targets offered with the fee field (seconds). */
export const FEE_TARGETS = [60, 120, 300] as const

/** Cost of a typical store spend bundle, used for `get_fee_estimate` before the bundle exists. */
const TYPICAL_COST = 60_000_000n

/**
 * Fee field state: the text, the node's estimates for 1, 2 and 5 minutes, and the chosen target.
 * On a quiet network the estimate is 0, which is then the default.
 */
export function useFeeField(initial = '0') {
  const [text, setText] = useState(initial)
  const [estimates, setEstimates] = useState<bigint[] | undefined>()
  const [error, setError] = useState<string>()
  useEffect(() => {
    let live = true
    browserChainClient()
      .getFeeEstimate({ targetTimes: [...FEE_TARGETS], cost: TYPICAL_COST })
      .then((r) => live && setEstimates(r.estimates))
      .catch((e) => live && setError(e instanceof Error ? e.message : 'no estimate'))
    return () => {
      live = false
    }
  }, [])
  const choose = (i: number) => estimates && setText(formatXch(estimates[i]).replace(' XCH', ''))
  return { text, setText, estimates, estimateError: error, choose }
}
