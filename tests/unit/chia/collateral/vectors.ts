// Loads tests/vectors/dig-collateral*.json (copies of ../shared/vectors, STYLE.md "Tests").
import { readFileSync } from 'node:fs'

const read = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../../vectors/${file}`, import.meta.url), 'utf8'))

export const digCollateral = read('dig-collateral.json')
export const digCollateralPuzzles = read('dig-collateral-puzzles.json')
