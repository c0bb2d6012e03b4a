// Errors a user can cause carry their exit code; anything else is an internal error.

export type CliError = Error & { readonly cliExitCode: number };

/** An error the user can fix: printed as `shipgate: <message>`, never with a stack trace. */
export function cliError(message: string, exitCode = 2): CliError {
  return Object.assign(new Error(message), { cliExitCode: exitCode });
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof Error && typeof (error as Partial<CliError>).cliExitCode === "number";
}

/** A file of the bundled CLI is missing: the package was not (fully) built. */
export function notBuiltError(file: string): CliError {
  return cliError(
    `the CLI is not built (${file} is missing): run 'npm install' or 'npm run build'`,
  );
}
