// How main() loads the check command, in two steps: compileCheck() reads and compiles it (while
// git works), and the function it returns runs it. The build replaces this module: there the
// command is one CommonJS file compiled with a V8 code cache, synchronously (scripts/build.mjs,
// cli/load-cached-script.ts). In the sources there is nothing to compile ahead.
export const compileCheck = () => () => import("./run-check.js");
