'use client'

import { useEffect, useState } from 'react'

import { Button } from '@/components/ui/button'

/**
 * The WalletConnect pairing link as a QR code (Sage mobile scans it) and as text with a copy
 * button (desktop Sage and the Chia GUI take a pasted link). The QR library loads on demand.
 */
export function WalletConnectPairing({ uri, onCancel }: { uri: string; onCancel: () => void }) {
  const [svg, setSvg] = useState<string>()
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    let live = true
    void import('qrcode').then(async ({ toString }) => {
      const markup = await toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      if (live) setSvg(markup)
    })
    return () => {
      live = false
    }
  }, [uri])

  const copy = async () => {
    await navigator.clipboard.writeText(uri)
    setCopied(true)
    setTimeout(() => setCopied(false), 2000)
  }

  return (
    <div className="space-y-3" data-testid="wc-pairing">
      <p className="text-zinc-600 dark:text-zinc-400">
        Scan with Sage, or copy the link and paste it into Sage or the Chia wallet (Settings → WalletConnect). Keep this
        window open until your wallet approves.
      </p>
      <div className="mx-auto size-52 rounded-lg bg-white p-2">
        {svg ? (
          // eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the client
          <img src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`} alt="WalletConnect pairing QR code" className="size-full" />
        ) : (
          <div className="size-full animate-pulse rounded bg-zinc-100" aria-label="Drawing the QR code" />
        )}
      </div>
      <div className="flex gap-2">
        <input
          readOnly
          value={uri}
          aria-label="WalletConnect pairing link"
          data-testid="wc-uri"
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-zinc-50 px-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800"
        />
        <Button size="sm" variant="secondary" onClick={() => void copy()} data-testid="wc-copy">
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <Button size="sm" variant="ghost" onClick={onCancel} className="w-full">
        Cancel
      </Button>
    </div>
  )
}
