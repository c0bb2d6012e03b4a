// Bundles the CLI into build/cli.mjs (run on `npm ci` via prepare) and, with --action, the
// GitHub Action into dist/index.js. One esbuild config so both artifacts are built alike.
import { build } from "esbuild";
import { existsSync } from "node:fs";

// Bundled CommonJS dependencies call require(); ESM output needs one in scope.
const banner = {
  js: "import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);",
};

const targets = {
  cli: { entryPoints: ["cli/main.ts"], outfile: "build/cli.mjs" },
  action: { entryPoints: ["action/index.ts"], outfile: "dist/index.js" },
};

const wanted = process.argv.includes("--action") ? ["action"] : ["cli"];
for (const name of wanted) {
  const target = targets[name];
  if (!existsSync(target.entryPoints[0])) {
    console.error(`build: ${target.entryPoints[0]} does not exist yet; skipping ${name}`);
    continue;
  }
  await build({
    ...target,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    banner,
    legalComments: "none",
    logLevel: "warning",
  });
}
