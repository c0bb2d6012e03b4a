#!/usr/bin/env node
// Entry point of the `shipgate` command: loads the bundled CLI and sets the exit code from it.
const bundle = new URL("../build/cli.mjs", import.meta.url);

let cli;
try {
  cli = await import(bundle.href);
} catch (error) {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("cli.mjs")) {
    process.stderr.write(
      "shipgate: the CLI is not built (build/cli.mjs is missing): run 'npm install' or 'npm run build'\n",
    );
    process.exitCode = 2;
  } else {
    throw error;
  }
}

if (cli) process.exitCode = await cli.main(process.argv.slice(2));
