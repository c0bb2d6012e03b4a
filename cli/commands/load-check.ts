// How main() loads the check command. The build replaces this module: there it loads the bundled
// command from one CommonJS file with a V8 code cache, synchronously (scripts/build.mjs,
// cli/load-cached-script.ts).
export const loadCheck = () => import("./run-check.js");
