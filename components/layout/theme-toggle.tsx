'use client'

import { useSyncExternalStore } from 'react'

import { MonitorIcon, MoonIcon, SunIcon } from '@/components/ui/icons'

import { THEME_STORAGE_KEY } from './theme-script'

type ThemeChoice = 'system' | 'light' | 'dark'

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' }
const LABEL: Record<ThemeChoice, string> = {
  system: 'Theme: follows your system',
  light: 'Theme: light',
  dark: 'Theme: dark',
}

const listeners = new Set<() => void>()

const readChoice = (): ThemeChoice => {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY)
    return stored === 'light' || stored === 'dark' ? stored : 'system'
  } catch {
    // Storage can be disabled (private mode, sandboxed iframe); fall back to the system theme.
    return 'system'
  }
}

const writeChoice = (choice: ThemeChoice) => {
  const root = document.documentElement
  root.classList.remove('light', 'dark')
  if (choice !== 'system') root.classList.add(choice)
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY)
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice)
  } catch {
    // The class change above still applies for this visit; only persistence is lost.
  }
  listeners.forEach((l) => l())
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Cycles the colour theme: system → light → dark. */
export function ThemeToggle() {
  const choice = useSyncExternalStore(subscribe, readChoice, () => 'system' as const)
  const Icon = choice === 'light' ? SunIcon : choice === 'dark' ? MoonIcon : MonitorIcon
  return (
    <button
      type="button"
      onClick={() => writeChoice(NEXT[choice])}
      title={`${LABEL[choice]} (click to change)`}
      aria-label={`${LABEL[choice]}. Switch theme`}
      data-testid="theme-toggle"
      data-theme-choice={choice}
      className="inline-flex size-9 items-center justify-center rounded-lg text-zinc-600 transition-colors hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
    >
      <Icon />
    </button>
  )
}
