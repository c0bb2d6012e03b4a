// The committed dist/index.js is what GitHub runs, and what the end-to-end tests run: it must be
// exactly what `npm run bundle` builds from the sources now.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DIST, ROOT } from "./run-bundled-action.js";

it("dist/index.js is a fresh build of the sources", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "shipgate-dist-"));
  try {
    const outfile = path.join(dir, "index.js");
    // The same script and options as `npm run bundle`, written elsewhere.
    const build = spawnSync(
      process.execPath,
      ["scripts/build.mjs", "--action", "--outfile", outfile],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    const [fresh, committed] = await Promise.all([readFile(outfile), readFile(DIST)]);
    if (!fresh.equals(committed)) throw new Error("dist/ is stale: run npm run bundle");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
