/** Joins class names, skipping falsy entries: `classNames('a', cond && 'b')`. */
export const classNames = (...names: Array<string | false | null | undefined>): string =>
  names.filter(Boolean).join(' ')
