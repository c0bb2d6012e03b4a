// The README's quick start runs `npm run demo`; this runs the same script, as a process.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";

it("npm run demo fails the broken change on two rules and passes the fixed one", () => {
  const result = spawnSync(process.execPath, ["scripts/demo.mjs"], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  const [broken, fixed] = result.stdout.split("# tested, with a rollout plan");
  expect(broken).toMatch(/✖ coverage\s+fail\s+Patch coverage 0% \(0\/9 lines\)/);
  expect(broken).toMatch(/✖ rollout-notes\s+fail/);
  expect(broken).toMatch(/\(exit code 1\)/);
  expect(fixed).toMatch(/✔ coverage\s+pass\s+Patch coverage 100%/);
  expect(fixed).toMatch(/ready to ship/);
  expect(fixed).toMatch(/\(exit code 0\)/);
}, 60000);

it("npm run demo -- --keep leaves the example repository and says where", () => {
  const result = spawnSync(process.execPath, ["scripts/demo.mjs", "--keep"], { encoding: "utf8" });
  expect(result.status).toBe(0);
  const root = /^Example repository: (.+)$/m.exec(result.stdout)?.[1] ?? "";
  try {
    expect(result.stdout).toContain(`The example repository is kept: cd ${root} `);
    expect(existsSync(join(root, ".git"))).toBe(true);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}, 60000);

it("without --keep deletes the example repository", () => {
  const result = spawnSync(process.execPath, ["scripts/demo.mjs"], { encoding: "utf8" });
  const root = /^Example repository: (.+)$/m.exec(result.stdout)?.[1] ?? "";
  expect(root).not.toBe("");
  expect(existsSync(root)).toBe(false);
}, 60000);
