import { ButtonLink } from '@/components/ui/button'

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6 sm:py-24">
      <p className="font-mono text-sm font-semibold text-zinc-500 dark:text-zinc-400">Error 404 · Not found</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight sm:text-4xl">This page does not exist</h1>
      <p className="mt-4 text-lg text-zinc-600 dark:text-zinc-400">
        Check the address, or start again from the home page.
      </p>
      <div className="mt-8">
        <ButtonLink href="/" variant="secondary">
          Back to the home page
        </ButtonLink>
      </div>
    </div>
  )
}
