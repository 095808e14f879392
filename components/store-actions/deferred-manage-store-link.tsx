'use client'

import { useEffect, useState, type ComponentType } from 'react'

type Props = { launcherId: string }

/**
 * `ManageStoreLink` for the public verification page, loaded when the browser is idle after
 * hydration: the link needs the wallet's keys and the store view (BLS and CLVM code), which must
 * stay out of the page's first-load JavaScript. Renders nothing until then, and nothing at all
 * for visitors without an owner, admin or writer key.
 */
export function DeferredManageStoreLink({ launcherId }: Props) {
  const [Link, setLink] = useState<ComponentType<Props>>()
  useEffect(() => {
    let live = true
    const load = () =>
      void import('./manage-store-link').then(
        (m) => live && setLink(() => m.ManageStoreLink),
        // A chunk that fails to load (deploy in between, offline) only hides an optional link.
        (e: unknown) => console.warn('manage-store-link chunk', e),
      )
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(load, { timeout: 2_000 })
      return () => {
        live = false
        window.cancelIdleCallback(id)
      }
    }
    const id = window.setTimeout(load, 200)
    return () => {
      live = false
      window.clearTimeout(id)
    }
  }, [])
  return Link ? <Link launcherId={launcherId} /> : null
}
