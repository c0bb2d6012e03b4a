// The shipgate command line: parses arguments, runs a command, and maps every outcome to an
// exit code (0 pass, 1 gate failure, 2 usage/config/I/O error). Never prints a stack trace.
// Commands load on demand: init and validate need neither git nor the rules. What check asks git
// is here (a few KB), so that git starts before the rules load.
import { parseCliArgs } from "./args.js";
import { isCliError, notBuiltError } from "./cli-error.js";
import { createProcessIo, type CliIo } from "./cli-io.js";
import { compileCheck } from "./commands/load-check.js";
import { startCheck } from "./commands/start-check.js";
import { helpText } from "./help-text.js";
import { readVersion } from "./read-version.js";

export type { CliIo } from "./cli-io.js";

export async function main(argv: string[], io: CliIo = createProcessIo()): Promise<number> {
  try {
    const command = parseCliArgs(argv);
    switch (command.command) {
      case "help":
        io.stdout(helpText(command.topic));
        return 0;
      case "version":
        io.stdout(`${await readVersion()}\n`);
        return 0;
      case "check": {
        // git starts before the rules load, and runs meanwhile (see start-check.ts): this
        // process compiles the rules, and runs their module, while git names and reads the
        // commits.
        const started = startCheck(command, io);
        const loadRules = compileCheck();
        const rules = await loadRules();
        return await rules.runCheck(command, io, started);
      }
      case "init":
        return await (
          await loadCommand(() => import("./commands/run-init.js"))
        ).runInit(command, io);
      case "validate":
        return await (
          await loadCommand(() => import("./commands/run-validate.js"))
        ).runValidate(command, io);
      case "report":
        return await (
          await loadCommand(() => import("./report/run-report.js"))
        ).runReport(command, io);
    }
  } catch (error) {
    if (isCliError(error)) {
      io.stderr(`shipgate: ${error.message}\n`);
      return error.cliExitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`shipgate: internal error: ${message}\n`);
    return 2;
  }
}

/** Imports a command; in the bundle, a missing chunk means the CLI was not (fully) built. */
async function loadCommand<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const missing = /Cannot find module '([^']*cli-chunks[/\\][^']*)'/.exec(message);
    if (code === "ERR_MODULE_NOT_FOUND" && missing) throw notBuiltError(missing[1] ?? "");
    throw error;
  }
}
