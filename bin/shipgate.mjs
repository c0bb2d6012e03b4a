#!/usr/bin/env node
// Entry point of the `shipgate` command: loads the bundled CLI and sets the exit code from it.
const bundle = new URL("../build/cli.mjs", import.meta.url);

let cli;
try {
  cli = await import(bundle.href);
} catch (error) {
  // The bundle, or one of the chunks in build/cli-chunks/ it imports.
  const missing = /Cannot find module '([^']*build[/\\]cli(?:\.mjs|-chunks[/\\][^']*))'/.exec(
    error && error.code === "ERR_MODULE_NOT_FOUND" ? String(error.message) : "",
  );
  if (missing) {
    process.stderr.write(
      `shipgate: the CLI is not built (${missing[1]} is missing): run 'npm install' or 'npm run build'\n`,
    );
    process.exitCode = 2;
  } else {
    throw error;
  }
}

if (cli) process.exitCode = await cli.main(process.argv.slice(2));
