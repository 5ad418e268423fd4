/** A mistake in how the command was called (exit code 2), as opposed to invalid input (exit code 1). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Invalid input: a scenario file or a value that the engine refuses (exit code 1). */
export class InputError extends Error {
  override readonly name = 'InputError';
}
