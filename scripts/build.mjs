// Bundles the CLI into build/cli.cjs (with the files its commands load on demand in
// build/cli-chunks/) and the GitHub App's server into build/app.mjs (both on `npm ci` via
// prepare) and, with --action, the GitHub Action into dist/index.js (with the chunks it loads on
// demand in dist/chunks/); --cli or --app builds just that one. One esbuild config
// so all artifacts are built alike: minified, with an external source map (`node
// --enable-source-maps` reads it) and the third-party licences of what went into the bundle in
// <name>.licenses.txt beside it.
import { build } from "esbuild";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, extname, join, relative, resolve } from "node:path";

// Bundled CommonJS dependencies call require(); ESM output needs one in scope.
const banner = {
  js: "import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);",
};

// The App's runtime (Probot, Redis, logging, metrics) is installed beside build/app.mjs in its
// container from container/package.json, and stays out of the bundle; everything else is bundled,
// so the CLI's npm package needs no dependencies at all.
const appRuntime = Object.keys(
  JSON.parse(readFileSync("container/package.json", "utf8")).dependencies,
).flatMap((name) => [name, `${name}/*`]);

// zod's classic API re-exports all of its ~50 message locales (260 KB minified); shipgate speaks
// English only, so the bundles get the English one under the same module.
const englishZodOnly = {
  name: "english-zod-only",
  setup(build) {
    // The module's name is relative to the checkout, so the source map (which names it) is the
    // same wherever the bundle is built (the dist test compares a fresh build with dist/).
    build.onResolve({ filter: /\/locales\/index\.js$/ }, ({ path, importer }) => {
      if (!/node_modules\/zod\//.test(importer)) return undefined;
      const absolute = join(dirname(importer), path);
      return {
        path: relative(process.cwd(), absolute),
        namespace: "zod-locales",
        pluginData: { dir: dirname(absolute) },
      };
    });
    build.onLoad({ filter: /.*/, namespace: "zod-locales" }, ({ pluginData }) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: pluginData.dir,
    }));
  },
};

// @actions/core imports @actions/http-client (and with it undici, ~430 KB) only for getIDToken,
// which shipgate never calls. There it gets a stand-in that says so if it ever is called, so
// undici stays out of the Action's main chunk (esbuild's code splitting would still load it
// through a shared chunk if the real module were merely unused); the proxy chunk that does use
// it gets the real one.
const httpClientOnDemand = {
  name: "http-client-on-demand",
  setup(build) {
    build.onResolve({ filter: /^@actions\/http-client(\/|$)/ }, ({ path, importer }) =>
      /node_modules\/@actions\/core\//.test(importer)
        ? { path, namespace: "http-client-stand-in" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "http-client-stand-in" }, () => ({
      contents: [
        "const unavailable = () => {",
        '  throw new Error("@actions/core getIDToken is not bundled with shipgate");',
        "};",
        "export class HttpClient { constructor() { unavailable(); } }",
        "export class BearerCredentialHandler { constructor() { unavailable(); } }",
      ].join("\n"),
    }));
  },
};

const targets = {
  // CommonJS, so a run starts without Node's ES module loader (about 15 ms less before git
  // starts): main(), the arguments, the help and the check's git calls. `check`, what users run
  // most, is one CommonJS file loaded with a V8 code cache; the other commands are ES module
  // chunks it imports when they run (see buildCli).
  cli: {
    entryPoints: ["cli/main.ts"],
    outfile: "build/cli.cjs",
    chunks: "cli-chunks",
    commands: {
      "run-init": "cli/commands/run-init.ts",
      "run-validate": "cli/commands/run-validate.ts",
      "run-report": "cli/report/run-report.ts",
    },
    cached: {
      module: "cli/commands/load-check.ts",
      entry: "cli/commands/run-check.ts",
      // Each its own CommonJS file, loaded (with its own code cache) when the check first uses
      // it: a check with no config file, no XML report and no risk patterns needs none of them,
      // and they are 290 KB of the 525 KB the check read at start.
      onDemand: ["yaml", "re2js", "fast-xml-parser"],
    },
  },
  // Split: what only some runs need (undici, for a proxy) is a chunk beside index.js, loaded on
  // demand, so every other run reads less.
  action: { entryPoints: ["action/index.ts"], outfile: "dist/index.js", chunks: "chunks" },
  app: { entryPoints: ["app/server.ts"], outfile: "build/app.mjs", external: appRuntime },
  // The App reads coverage artifacts in a worker thread; it loads this file next to app.mjs.
  "artifact-worker": {
    entryPoints: ["app/coverage/artifact-worker.ts"],
    outfile: "build/artifact-worker.mjs",
    external: appRuntime,
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
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  minify: true,
  // Error and class names stay readable in stack traces and logs.
  keepNames: true,
  sourcemap: "linked",
  sourcesContent: false,
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
};

for (const name of wanted) {
  const target = { ...targets[name], ...(outfile ? { outfile } : {}) };
  if (!existsSync(target.entryPoints[0])) {
    console.error(`build: ${target.entryPoints[0]} does not exist yet; skipping ${name}`);
    continue;
  }
  const metafiles = target.commands ? await buildCli(target) : await buildBundle(target);
  writeFileSync(licencesFile(target.outfile), renderLicences(metafiles));
  // Chunk names carry a content hash: yesterday's chunks must not linger beside today's. Removed
  // after the build, not before, so a CLI started meanwhile still finds the chunks it imports.
  if (target.chunks) removeStaleChunks(join(dirname(target.outfile), target.chunks), metafiles);
}

/** An ES module bundle, split into chunks when the target has a folder for them. */
async function buildBundle(target) {
  const outputs = target.chunks ? splitOutputs(target) : { outfile: target.outfile };
  const result = await build({
    ...common,
    entryPoints: target.entryPoints,
    external: target.external,
    ...outputs,
    format: "esm",
    banner,
    plugins: [englishZodOnly, httpClientOnDemand],
  });
  return [result.metafile];
}

/**
 * The CLI: the other commands as ES module chunks (split, so they share their code), the check
 * as a CommonJS file with a code cache (buildCachedScript), then the entry, a CommonJS file that
 * imports a command's chunk when that command runs.
 */
async function buildCli(target) {
  const dir = join(dirname(target.outfile), target.chunks);
  const commands = await build({
    ...common,
    entryPoints: target.commands,
    splitting: true,
    outdir: dir,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    outExtension: { ".js": ".mjs" },
    format: "esm",
    banner,
    plugins: [englishZodOnly, httpClientOnDemand],
  });
  const chunkOf = new Map(
    Object.entries(commands.metafile.outputs)
      .filter(([, output]) => output.entryPoint)
      .map(([file, output]) => [resolve(output.entryPoint), relativeUrl(target.outfile, file)]),
  );
  const cached = await buildCachedScript(target);
  const entry = await build({
    ...common,
    entryPoints: target.entryPoints,
    outfile: target.outfile,
    format: "cjs",
    // read-version.ts finds package.json from its own URL.
    banner: { js: 'var __shipgateUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { "import.meta.url": "__shipgateUrl" },
    plugins: [
      {
        name: "command-chunks",
        setup(build) {
          build.onResolve({ filter: /\/run-\w+\.js$/ }, ({ path, resolveDir }) => {
            const chunk = chunkOf.get(resolve(resolveDir, path).replace(/\.js$/, ".ts"));
            return chunk === undefined ? undefined : { path: chunk, external: true };
          });
        },
      },
      cached.plugin,
      englishZodOnly,
      httpClientOnDemand,
    ],
  });
  return [entry.metafile, commands.metafile, ...cached.metafiles];
}

/** `file` as a relative URL from the bundle `from` (what import() and new URL take). */
function relativeUrl(from, file) {
  return `./${relative(dirname(from), file).split("\\").join("/")}`;
}

/**
 * Builds `cached.entry` as one CommonJS file in the chunks folder, and a plugin that replaces
 * `cached.module` (its `compileCheck` returns an import() of the entry in the sources) with one that
 * compiles that file through cli/load-cached-script.ts, synchronously and with a V8 code cache (Node 20
 * caches no ES module code). Only the CommonJS entry imports the module, so its code lands there,
 * and the path to the file is relative to the entry's folder.
 */
async function buildCachedScript({ cached, chunks, outfile }) {
  const dir = join(dirname(outfile), chunks);
  const libraries = await buildOnDemandLibraries(cached.onDemand, dir);
  const result = await build({
    ...common,
    entryPoints: [cached.entry],
    outdir: dir,
    entryNames: "[name]-[hash]",
    outExtension: { ".js": ".cjs" },
    format: "cjs",
    plugins: [libraries.plugin, englishZodOnly, httpClientOnDemand],
  });
  const file = Object.keys(result.metafile.outputs).find((out) => out.endsWith(".cjs"));
  const path = relative(dirname(outfile), file).split("\\").join("/");
  const plugin = {
    name: "cached-script",
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, ({ path: source }) =>
        relative(process.cwd(), source) === cached.module
          ? {
              contents: [
                'import { compileBundledScript } from "../load-cached-script.js";',
                "export const compileCheck = () => {",
                `  const run = compileBundledScript(require("node:path").join(__dirname, ${JSON.stringify(path)}));`,
                "  return async () => run();",
                "};",
              ].join("\n"),
              loader: "ts",
            }
          : undefined,
      );
    },
  };
  return { plugin, metafiles: [result.metafile, libraries.metafile] };
}

/**
 * Builds each library in `names` as one CommonJS file in `dir` (`lib-<name>-<hash>.cjs`), and a
 * plugin that gives the check command, in its place, a module with the library's exports as
 * getters: the first one read loads the file through cli/load-cached-script.ts (esbuild's CommonJS
 * output reads an import's binding where it is used, so the getters run then, not at start).
 */
async function buildOnDemandLibraries(names, dir) {
  const result = await build({
    ...common,
    entryPoints: names.map((name) => ({ in: `on-demand:lib-${name}`, out: `lib-${name}` })),
    outdir: dir,
    entryNames: "[name]-[hash]",
    outExtension: { ".js": ".cjs" },
    format: "cjs",
    plugins: [
      {
        name: "on-demand-entry",
        setup(build) {
          build.onResolve({ filter: /^on-demand:lib-/ }, ({ path }) => ({
            path: path.slice("on-demand:".length),
            namespace: "on-demand",
          }));
          build.onLoad({ filter: /.*/, namespace: "on-demand" }, ({ path }) => ({
            contents: `module.exports = require(${JSON.stringify(path.slice("lib-".length))});`,
            resolveDir: process.cwd(),
          }));
        },
      },
    ],
  });
  const files = new Map(
    Object.entries(result.metafile.outputs)
      .filter(([, output]) => output.entryPoint)
      .map(([file, output]) => [output.entryPoint.slice("on-demand:lib-".length), basename(file)]),
  );
  const requireHere = createRequire(import.meta.url);
  const stub = (name) =>
    [
      `const { compileBundledScript } = require(${JSON.stringify("./cli/load-cached-script.ts")});`,
      `const file = require("node:path").join(__dirname, ${JSON.stringify(files.get(name))});`,
      "let library;",
      "const load = () => (library ??= compileBundledScript(file)());",
      `for (const name of ${JSON.stringify(Object.keys(requireHere(name)))}) {`,
      "  Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });",
      "}",
    ].join("\n");
  const plugin = {
    name: "on-demand-libraries",
    setup(build) {
      const named = new RegExp(`^(${names.map((name) => name.replace(/[.]/g, "\\.")).join("|")})$`);
      build.onResolve({ filter: named }, ({ path }) => ({ path, namespace: "on-demand-stub" }));
      build.onLoad({ filter: /.*/, namespace: "on-demand-stub" }, ({ path }) => ({
        contents: stub(path),
        resolveDir: process.cwd(),
        loader: "js",
      }));
    },
  };
  return { plugin, metafile: result.metafile };
}

/** esbuild splits into a directory: the entry keeps its file name, chunks go in a folder beside. */
function splitOutputs({ outfile, chunks }) {
  const extension = extname(outfile);
  return {
    splitting: true,
    outdir: dirname(outfile),
    entryNames: basename(outfile, extension),
    chunkNames: `${chunks}/[name]-[hash]`,
    outExtension: { ".js": extension },
  };
}

function removeStaleChunks(dir, metafiles) {
  if (!existsSync(dir)) return;
  const written = new Set(
    metafiles.flatMap((metafile) => Object.keys(metafile.outputs).map((file) => resolve(file))),
  );
  for (const name of readdirSync(dir)) {
    const file = resolve(dir, name);
    if (!written.has(file)) rmSync(file, { force: true });
  }
}

function licencesFile(bundle) {
  return bundle.replace(/\.[cm]?js$/, "") + ".licenses.txt";
}

/** Each bundled package once: name, version, licence and its licence text. */
function renderLicences(metafiles) {
  const roots = new Set();
  for (const input of metafiles.flatMap((metafile) => Object.keys(metafile.inputs))) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match && !input.includes(":")) roots.add(match[1]);
  }
  const entries = [...roots]
    .map((root) => {
      const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
      const file = readdirSync(root).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
      const text = file ? readFileSync(join(root, file), "utf8").trim() : "(no licence file)";
      return { name: manifest.name, version: manifest.version, license: manifest.license, text };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
  const seen = new Set();
  const unique = entries.filter((entry) => {
    const key = `${entry.name}@${entry.version}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const header =
    "Third-party software bundled into this file, with its licence.\n" +
    `${unique.length} packages.\n`;
  return (
    header +
    unique
      .map(
        (e) => `\n${"-".repeat(72)}\n${e.name}@${e.version} (${e.license ?? "?"})\n\n${e.text}\n`,
      )
      .join("")
  );
}
