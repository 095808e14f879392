/**
 * Errors thrown by layer parsers when a puzzle matches a layer's module but its arguments or
 * solution are malformed (STYLE.md: `parse` returns `undefined` for "not this puzzle" and throws
 * for "this puzzle, but broken").
 */
import { AppError } from '../errors/app-error'
import { bytesToHex } from '../primitives/bytes'

export class MalformedLayerError extends AppError {
  override name = 'MalformedLayerError' as const
  constructor({ layer, reason }: { layer: string; reason: string }) {
    super(`The ${layer} puzzle is malformed.`, { details: reason })
  }
}

export class InvalidSingletonStructError extends AppError {
  override name = 'InvalidSingletonStructError' as const
  constructor({ modHash, launcherPuzzleHash }: { modHash: Uint8Array; launcherPuzzleHash: Uint8Array }) {
    super('The singleton struct does not name singleton_top_layer_v1_1 and its launcher.', {
      details: `mod hash ${bytesToHex(modHash)}, launcher puzzle hash ${bytesToHex(launcherPuzzleHash)}`,
    })
  }
}
