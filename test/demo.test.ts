// The README's quick start runs `npm run demo`; this runs the same script, as a process.
import { spawnSync } from "node:child_process";

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
