/** Raised by a command to end with a given exit code after printing its own message. */
export class ExitError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
