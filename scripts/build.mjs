// Bundles the CLI into build/cli.mjs and the GitHub App's server into build/app.mjs (both on
// `npm ci` via prepare) and, with --action, the GitHub Action into dist/index.js; --cli or --app
// builds just that one. One esbuild config so all artifacts are built alike.
import { build } from "esbuild";
import { existsSync } from "node:fs";

// Bundled CommonJS dependencies call require(); ESM output needs one in scope.
const banner = {
  js: "import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);",
};

const targets = {
  cli: { entryPoints: ["cli/main.ts"], outfile: "build/cli.mjs" },
  action: { entryPoints: ["action/index.ts"], outfile: "dist/index.js" },
  // Probot and the rest are installed dependencies wherever the App runs (npm ci, the image).
  app: { entryPoints: ["app/server.ts"], outfile: "build/app.mjs", packages: "external" },
  // The App reads coverage artifacts in a worker thread; it loads this file next to app.mjs.
  "artifact-worker": {
    entryPoints: ["app/coverage/artifact-worker.ts"],
    outfile: "build/artifact-worker.mjs",
    packages: "external",
  },
};

const only = ["action", "app", "cli"].filter((name) => process.argv.includes(`--${name}`));
const wanted = only.length > 0 ? only : ["cli", "app"];
// `--outfile <path>` builds elsewhere (the dist check compares a fresh build with dist/).
const outfileAt = process.argv.indexOf("--outfile");
const outfile = outfileAt === -1 ? undefined : process.argv[outfileAt + 1];
if (wanted.includes("app") && !outfile) wanted.push("artifact-worker");
if (outfile && wanted.length > 1) {
  console.error("build: --outfile needs one target (e.g. --action)");
  process.exit(1);
}
for (const name of wanted) {
  const target = { ...targets[name], ...(outfile ? { outfile } : {}) };
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
