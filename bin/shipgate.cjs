#!/usr/bin/env node
// Entry point of the `shipgate` command: loads the bundled CLI and sets the exit code from it.
// CommonJS, as the bundle is: a run then starts without Node's ES module loader.
"use strict";

let cli;
try {
  cli = require("../build/cli.cjs");
} catch (error) {
  // The bundle, or a file in build/cli-chunks/ it loads at start.
  const missing = /Cannot find module '([^']*build[/\\]cli(?:\.cjs|-chunks[/\\][^']*))'/.exec(
    error && error.code === "MODULE_NOT_FOUND" ? String(error.message) : "",
  );
  if (!missing) throw error;
  process.stderr.write(
    `shipgate: the CLI is not built (${missing[1]} is missing): run 'npm install' or 'npm run build'\n`,
  );
  process.exitCode = 2;
}

if (cli) {
  cli.main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
