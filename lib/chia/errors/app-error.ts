/**
 * Base class of every error thrown by this project (STYLE.md "Errors").
 *
 * `shortMessage` is what the UI shows; `details` carries the offending values; `cause` chains.
 *
 * @example
 * class NotAStoreError extends AppError { override name = 'NotAStoreError' as const }
 */
export class AppError extends Error {
  override name: string = 'AppError'
  readonly shortMessage: string
  readonly details?: string

  constructor(shortMessage: string, options: { details?: string; cause?: unknown } = {}) {
    super(options.details ? `${shortMessage}\n\nDetails: ${options.details}` : shortMessage, {
      cause: options.cause,
    })
    this.shortMessage = shortMessage
    this.details = options.details
  }
}
