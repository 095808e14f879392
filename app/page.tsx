import type { ComponentType, ReactNode } from 'react'

import { ButtonLink } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import {
  ArrowRightIcon,
  FlameIcon,
  KeyIcon,
  LockIcon,
  RefreshIcon,
  ServerIcon,
  ShieldCheckIcon,
  SparkIcon,
  WalletIcon,
} from '@/components/ui/icons'
import { VerifyStoreForm } from '@/components/verify/verify-store-form'
import { publicEnv } from '@/lib/env'
import type { ChiaNetwork } from '@/lib/env-client'

const LIFECYCLE: Array<{ title: string; icon: ComponentType<{ className?: string }>; text: string }> = [
  {
    title: 'Mint',
    icon: SparkIcon,
    text: 'Create a store with a label, description, size and initial root hash. Its launcher id becomes the store id anyone can look up.',
  },
  {
    title: 'Update',
    icon: RefreshIcon,
    text: 'Keep the on-chain root hash in step with your content. Drop a folder to compute its DataLayer root; fields you leave alone keep their values.',
  },
  {
    title: 'Delegate',
    icon: KeyIcon,
    text: 'Transfer ownership, or hand write access to a CI key or a colleague with admin, writer and oracle delegates.',
  },
  {
    title: 'Collateralize',
    icon: LockIcon,
    text: 'Lock $DIG collateral in the DIG Network format, optionally time-locked, and release it when you are done.',
  },
  {
    title: 'Melt',
    icon: FlameIcon,
    text: 'Retire a store for good. You confirm by typing its label; its page keeps the final state and the full history.',
  },
]

const STEPS: Array<{ title: string; icon: ComponentType<{ className?: string }>; text: string }> = [
  {
    title: 'Built in your browser',
    icon: SparkIcon,
    text: 'A pure TypeScript chain library builds every spend and runs it locally, so you see its decoded effect (store before and after, coins, fee) before anything is signed.',
  },
  {
    title: 'Signed by your wallet',
    icon: WalletIcon,
    text: 'WalletConnect (Sage, the Chia reference wallet) or a browser wallet such as Goby. The server never holds a key.',
  },
  {
    title: 'Tracked to confirmation',
    icon: ServerIcon,
    text: 'Broadcast through full-node proxy routes and followed from mempool to confirmation. Pending updates survive reloads and are rebuilt if the store moved on.',
  },
]

const VERIFY_POINTS = [
  'Status, current metadata, owner and delegates',
  'The full root history: every generation, height, time and signer',
  'Every check re-run in your browser from raw coin records',
  '“Was root R committed?” lookups and inclusion proofs',
  'Collateral coins and whether the requirement is met',
]

const NETWORK_NOTES: Record<ChiaNetwork, { tone: string; text: ReactNode }> = {
  devnet: {
    tone: 'border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950/50 dark:text-sky-200',
    text: (
      <>
        <strong className="font-semibold">You are on the embedded devnet.</strong> A local chain with a
        burner wallet and a faucet: try every step without a wallet or an internet connection.
        Nothing here has real value.
      </>
    ),
  },
  testnet11: {
    tone: 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200',
    text: (
      <>
        <strong className="font-semibold">You are on testnet11.</strong> A public test network: use a
        testnet wallet. Coins have no real value.
      </>
    ),
  },
  mainnet: {
    tone: 'border-brand-200 bg-brand-50 text-brand-900 dark:border-brand-900 dark:bg-brand-950/50 dark:text-brand-200',
    text: (
      <>
        <strong className="font-semibold">You are on Chia mainnet.</strong> Transactions are real and
        irreversible; review every signing request.
      </>
    ),
  },
}

function SectionHeading({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="max-w-2xl">
      <h2 className="text-2xl font-semibold tracking-tight sm:text-3xl">{title}</h2>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">{children}</p>
    </div>
  )
}

export default function HomePage() {
  const { network } = publicEnv()
  const note = NETWORK_NOTES[network]

  return (
    <>
      <section className="relative overflow-hidden border-b border-zinc-200 dark:border-zinc-800">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-0 bg-[radial-gradient(60rem_30rem_at_top_left,var(--color-brand-100),transparent)] dark:bg-[radial-gradient(60rem_30rem_at_top_left,color-mix(in_oklab,var(--color-brand-900)_45%,transparent),transparent)]"
        />
        <div className="relative mx-auto grid max-w-6xl gap-10 px-4 py-14 sm:px-6 sm:py-20 lg:grid-cols-[1.15fr_1fr] lg:items-center">
          <div>
            <p className="text-sm font-semibold text-brand-700 dark:text-brand-400">Chia DataLayer · CHIP-0035</p>
            <h1 className="mt-3 text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
              Run your DataLayer stores from the browser
            </h1>
            <p className="mt-5 text-lg text-pretty text-zinc-600 dark:text-zinc-400">
              Mint, update, delegate, collateralize and melt Chia DataLayer stores. Every transaction is
              built in your browser, shown to you decoded and signed by your own wallet. Anyone can
              verify a store from a shareable link.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <ButtonLink href="/mint">
                Mint a store
                <ArrowRightIcon className="size-4" />
              </ButtonLink>
              <ButtonLink href="/dashboard" variant="secondary">
                Open the dashboard
              </ButtonLink>
            </div>
            <p className={`mt-8 rounded-xl border px-4 py-3 text-sm ${note.tone}`} data-testid="network-note">
              {note.text}
            </p>
          </div>
          <Card className="lg:p-8" id="verify">
            <div className="flex items-center gap-3">
              <span className="inline-flex size-10 items-center justify-center rounded-xl bg-brand-50 text-brand-700 dark:bg-brand-950 dark:text-brand-300">
                <ShieldCheckIcon />
              </span>
              <h2 className="text-xl font-semibold tracking-tight">Verify a store</h2>
            </div>
            <p className="mt-3 mb-5 text-sm text-zinc-600 dark:text-zinc-400">
              Paste a store&apos;s launcher id to open its public verification page: who controls it, its
              root history and its collateral, checked against the chain in your browser.
            </p>
            <VerifyStoreForm />
          </Card>
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
        <SectionHeading title="The whole store lifecycle">
          A DataLayer store is a singleton coin whose metadata commits to your content. DataLayer Studio
          covers every step, for owners, admins and writers.
        </SectionHeading>
        <ul className="mt-10 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          {LIFECYCLE.map(({ title, icon: Icon, text }) => (
            <li key={title}>
              <Card className="h-full p-5">
                <Icon className="size-6 text-brand-600 dark:text-brand-400" />
                <h3 className="mt-4 font-semibold">{title}</h3>
                <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <section className="border-y border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/40">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <SectionHeading title="What you sign is what you see">
            The app refuses to ask for a signature when a bundle would pay more than you agreed to or
            would fail on chain.
          </SectionHeading>
          <ol className="mt-10 grid gap-6 md:grid-cols-3">
            {STEPS.map(({ title, icon: Icon, text }, i) => (
              <li key={title} className="flex gap-4">
                <span className="inline-flex size-10 shrink-0 items-center justify-center rounded-full border border-zinc-300 bg-white font-mono text-sm font-semibold dark:border-zinc-700 dark:bg-zinc-900">
                  {i + 1}
                </span>
                <div>
                  <h3 className="flex items-center gap-2 font-semibold">
                    <Icon className="size-4 text-brand-600 dark:text-brand-400" />
                    {title}
                  </h3>
                  <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
                </div>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section className="mx-auto grid max-w-6xl gap-10 px-4 py-16 sm:px-6 lg:grid-cols-2">
        <div className="min-w-0">
          <SectionHeading title="Verification pages anyone can check">
            Share <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-sm dark:bg-zinc-800">/s/&lt;launcher id&gt;</code>{' '}
            with anyone. The page does not ask them to trust our server.
          </SectionHeading>
          <ul className="mt-6 space-y-3">
            {VERIFY_POINTS.map((point) => (
              <li key={point} className="flex gap-3 text-zinc-700 dark:text-zinc-300">
                <ShieldCheckIcon className="mt-0.5 size-5 shrink-0 text-brand-600 dark:text-brand-400" />
                <span>{point}</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="min-w-0">
          <SectionHeading title="An embedded devnet, out of the box">
            <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-sm dark:bg-zinc-800">npm run dev</code>{' '}
            starts a local chain that speaks the full-node RPC and validates spends with the real CLVM
            and BLS rules, plus a burner wallet and a faucet.
          </SectionHeading>
          <div className="mt-6 overflow-x-auto rounded-xl bg-zinc-900 p-4 font-mono text-sm whitespace-pre text-zinc-100 dark:bg-black/60 dark:ring-1 dark:ring-zinc-800">
            <p className="text-zinc-400"># pointing at a real network is configuration only</p>
            <p>
              CHIA_NETWORK=<span className="text-brand-300">testnet11</span> npm run dev
            </p>
            <p>
              CHIA_NETWORK=<span className="text-brand-300">mainnet</span> FULL_NODE_URLS=https://my-node:8555 npm start
            </p>
          </div>
        </div>
      </section>
    </>
  )
}
