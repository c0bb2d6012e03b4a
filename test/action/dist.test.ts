// The committed dist/ is what GitHub runs, and what the end-to-end tests run: it must be exactly
// what `npm run bundle` builds from the sources now (dist/index.js and the chunks it loads).
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { DIST, ROOT } from "./run-bundled-action.js";

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

it("dist/ is a fresh build of the sources", async () => {
  // Beside dist/, at the same depth: source maps name the sources relative to themselves, and
  // chunk names carry a hash of the chunk and its map.
  const dir = await mkdtemp(path.join(ROOT, ".dist-check-"));
  try {
    // The same script and options as `npm run bundle`, written elsewhere.
    const build = spawnSync(
      process.execPath,
      ["scripts/build.mjs", "--action", "--outfile", path.join(dir, "index.js")],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    const committedDir = path.dirname(DIST);
    const files = await listFiles(dir);
    expect(await listFiles(committedDir)).toEqual(files);
    for (const file of files) {
      const [fresh, committed] = await Promise.all([
        readFile(path.join(dir, file)),
        readFile(path.join(committedDir, file)),
      ]);
      if (!fresh.equals(committed)) throw new Error(`dist/${file} is stale: run npm run bundle`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
