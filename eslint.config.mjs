// ESLint flat config. Besides the usual TypeScript/React checks it enforces the dependency
// rules of ../shared/STYLE.md ("Dependency direction") with no-restricted-imports:
//
//   app → components → hooks → lib/wallet, lib/chain → lib/chia      (never upward)
//
// no-restricted-imports is one rule, so a later block replaces an earlier one for the files it
// matches; every block below therefore repeats the rules that apply everywhere (BASE).
import { builtinModules } from 'node:module'

import js from '@eslint/js'
import nextPlugin from '@next/eslint-plugin-next'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Builds a no-restricted-imports pattern from regexes over the import source. */
const forbid = (message, ...regexes) => regexes.map((regex) => ({ regex, message }))

const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'))
const nodeBuiltinRegex = `^(node:.*|(${NODE_BUILTINS.map((m) => m.replace(/[/]/g, '\\/')).join('|')})(\\/.*)?)$`

// Relative imports are matched by their last path segments (../../env, ../chain/x).
const APP = forbid('Nothing imports from app/ (STYLE.md): move shared code to components/, hooks/ or lib/.', '^@/app(/|$)', '^(\\.\\./)+app(/|$)')
const REACT_NEXT = forbid(
  'lib/ code never imports React, Next.js or SWR (STYLE.md): keep UI concerns in components/ and hooks/.',
  '^(react|react-dom|next|swr|scheduler)(/|$)',
  '^@next/',
)
const UI_FROM_LIB = forbid(
  'lib/ must not import components/ or hooks/ (dependencies point downward, STYLE.md).',
  '^@/(components|hooks)(/|$)',
  '^(\\.\\./)+(components|hooks)(/|$)',
)
const ENV_FROM_CHIA = forbid(
  'lib/chia must not read configuration (STYLE.md): pass values in as parameters.',
  '^@/lib/env(-client)?$',
  '^(\\.\\./)+env(-client)?$',
)
const LAYERS_FROM_CHIA = forbid(
  'lib/chia is the bottom layer and must not import lib/chain, lib/wallet or lib/devnet (STYLE.md).',
  '^@/lib/(chain|wallet|devnet)(/|$)',
  '^(\\.\\./)+(chain|wallet|devnet)(/|$)',
)
const NODE_FROM_CHIA = forbid(
  'lib/chia runs in the browser too: no Node built-ins or server-only code (STYLE.md). Inject I/O as a parameter.',
  nodeBuiltinRegex,
  '^server-only$',
)
const UPWARD_FROM_HOOKS = forbid('hooks/ must not import components/ (dependencies point downward, STYLE.md).', '^@/components(/|$)', '^(\\.\\./)+components(/|$)')

const restrict = (...patterns) => ['error', { patterns: patterns.flat() }]

/**
 * Client components ('use client' files) run in the browser: they must not import lib/env
 * (server configuration), server-only modules, the devnet or Node built-ins. Type-only imports
 * are erased at compile time and are allowed.
 */
const CLIENT_FORBIDDEN = [
  { test: /^(@\/|(\.\.\/)+|\.\/)(lib\/)?env$/, why: 'client components never import lib/env; receive values as props or via usePublicEnv()' },
  { test: /^server-only$/, why: 'this module is server-only' },
  { test: /^(@\/lib\/|(\.\.\/)+(lib\/)?)devnet(\/|$)/, why: 'the devnet is Node-only' },
  { test: new RegExp(nodeBuiltinRegex), why: 'Node built-ins do not exist in the browser' },
]

const boundaries = {
  rules: {
    'no-server-imports-in-client': {
      meta: {
        type: 'problem',
        docs: { description: "Forbid server-only imports in 'use client' modules (STYLE.md)." },
        messages: { forbidden: "'use client' module imports '{{source}}': {{why}}." },
        schema: [],
      },
      create(context) {
        let isClient = false
        const check = (node, sourceNode, typeOnly) => {
          if (!isClient || typeOnly || !sourceNode || typeof sourceNode.value !== 'string') return
          const hit = CLIENT_FORBIDDEN.find((f) => f.test.test(sourceNode.value))
          if (hit) context.report({ node, messageId: 'forbidden', data: { source: sourceNode.value, why: hit.why } })
        }
        return {
          Program(program) {
            isClient = false
            for (const statement of program.body) {
              if (statement.type !== 'ExpressionStatement' || typeof statement.directive !== 'string') break
              if (statement.directive === 'use client') isClient = true
            }
          },
          ImportDeclaration: (node) => check(node, node.source, node.importKind === 'type'),
          ExportNamedDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
          ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
          ImportExpression: (node) => check(node, node.source, false),
        }
      },
    },
  },
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      '.devnet/',
      '.data/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-throw-literal': 'error',
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'hooks/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin, boundaries },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      // App Router only: there is no pages/ directory to check links against.
      '@next/next/no-html-link-for-pages': 'off',
      'boundaries/no-server-imports-in-client': 'error',
    },
  },

  // Import boundaries (STYLE.md "Dependency direction").
  { ignores: ['app/**'], rules: { 'no-restricted-imports': restrict(APP) } },
  { files: ['hooks/**'], rules: { 'no-restricted-imports': restrict(APP, UPWARD_FROM_HOOKS) } },
  {
    files: ['lib/chain/**', 'lib/wallet/**', 'lib/devnet/**'],
    rules: { 'no-restricted-imports': restrict(APP, UI_FROM_LIB, REACT_NEXT) },
  },
  {
    files: ['lib/chia/**'],
    rules: {
      'no-restricted-imports': restrict(APP, UI_FROM_LIB, REACT_NEXT, ENV_FROM_CHIA, LAYERS_FROM_CHIA, NODE_FROM_CHIA),
      // The same code runs in the browser, the server, the devnet and the tests: time,
      // randomness and I/O are parameters.
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'lib/chia does no I/O: take a fetcher as a parameter (STYLE.md).' },
        { name: 'process', message: 'lib/chia must not read process or process.env (STYLE.md).' },
        { name: 'window', message: 'lib/chia must not touch browser globals (STYLE.md).' },
        { name: 'localStorage', message: 'lib/chia must not touch browser globals (STYLE.md).' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the time in as a parameter (STYLE.md).' },
        { object: 'Math', property: 'random', message: 'Pass randomness in as a parameter (STYLE.md).' },
        { object: 'globalThis', property: 'fetch', message: 'lib/chia does no I/O (STYLE.md).' },
        { object: 'globalThis', property: 'process', message: 'lib/chia must not read process (STYLE.md).' },
      ],
    },
  },
)
