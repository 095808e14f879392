// Loads ../shared/vectors/dig-collateral*.json (read at test time, STYLE.md "Tests").
import { readFileSync } from 'node:fs'

const read = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../../../../shared/vectors/${file}`, import.meta.url), 'utf8'))

export const digCollateral = read('dig-collateral.json')
export const digCollateralPuzzles = read('dig-collateral-puzzles.json')
