'use client'

import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { useWallet } from '@/hooks/use-wallet'

/**
 * Devnet burner controls: fund from the faucet, show (export) the recovery phrase, import another.
 * The phrase lives only in this browser; anyone with it controls the burner's devnet coins.
 */
export function BurnerPanel() {
  const { burner, refresh } = useWallet()
  const [phrase, setPhrase] = useState<string>()
  const [importing, setImporting] = useState(false)
  const [draft, setDraft] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string>()

  const fund = async () => {
    setBusy(true)
    setMessage(undefined)
    try {
      await burner.fund()
      await refresh()
      setMessage('Funded: a block was farmed to your address and DIG test tokens were sent.')
    } catch (e) {
      setMessage(e instanceof Error && 'shortMessage' in e ? String(e.shortMessage) : 'The faucet failed.')
    } finally {
      setBusy(false)
    }
  }

  const submitImport = async () => {
    setMessage(undefined)
    try {
      await burner.importMnemonic(draft)
      setImporting(false)
      setDraft('')
      setPhrase(undefined)
    } catch (e) {
      setMessage(e instanceof Error && 'shortMessage' in e ? String(e.shortMessage) : 'Import failed.')
    }
  }

  return (
    <div className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-700" data-testid="burner-panel">
      <Button size="sm" className="w-full" onClick={() => void fund()} disabled={busy} data-testid="burner-fund">
        {busy ? 'Funding…' : 'Fund from faucet'}
      </Button>
      <div className="flex gap-2">
        <Button
          size="sm"
          variant="secondary"
          className="flex-1"
          data-testid="burner-export"
          onClick={async () => setPhrase(phrase ? undefined : await burner.exportMnemonic())}
        >
          {phrase ? 'Hide phrase' : 'Show phrase'}
        </Button>
        <Button size="sm" variant="secondary" className="flex-1" onClick={() => setImporting((v) => !v)} data-testid="burner-import">
          Import phrase
        </Button>
      </div>
      {phrase && (
        <p className="rounded-lg bg-zinc-100 p-2 font-mono text-xs break-words dark:bg-zinc-800" data-testid="burner-phrase">
          {phrase}
        </p>
      )}
      {importing && (
        <div className="space-y-2">
          <textarea
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={3}
            aria-label="Recovery phrase to import"
            placeholder="12 or 24 words"
            className="w-full rounded-lg border border-zinc-300 bg-white p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
          />
          <Button size="sm" className="w-full" onClick={() => void submitImport()} disabled={draft.trim() === ''}>
            Use this phrase
          </Button>
        </div>
      )}
      {message && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" role="status">
          {message}
        </p>
      )}
    </div>
  )
}
