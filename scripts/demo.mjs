// npm run demo: builds a small example repository in a temp folder, measures its tests with a
// real coverage tool (c8), and runs `shipgate check` on a change that breaks two rules; then
// fixes the change and runs the gate again. `npm run demo -- --keep` leaves the repository
// (branch `discounts`, base `main`) for you to explore; otherwise it is deleted.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const require = createRequire(import.meta.url);
const CLI = resolve("bin/shipgate.cjs");
const C8 = require.resolve("c8/bin/c8.js");
const keep = process.argv.includes("--keep");

function write(root, path, text) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function git(root, ...args) {
  execFileSync("git", ["-C", root, ...args], { stdio: "pipe" });
}

function measureCoverage(root) {
  rmSync(join(root, "coverage"), { recursive: true, force: true });
  // --all: source files no test loads are reported too, at 0%, instead of being left out.
  const c8 = ["--all", "--include=src/**", "--reporter=lcovonly", "--report-dir=coverage"];
  execFileSync("node", [C8, ...c8, "node", "--test"], { cwd: root, stdio: "pipe" });
}

function check(root, body, title) {
  console.log(`\n$ shipgate check --base main --body-file pr-body.md   # ${title}\n`);
  write(root, "pr-body.md", body);
  const result = spawnSync("node", [CLI, "check", "--base", "main", "--body-file", "pr-body.md"], {
    cwd: root,
    encoding: "utf8",
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  console.log(`\n(exit code ${result.status})`);
  return result.status;
}

const root = mkdtempSync(join(tmpdir(), "shipgate-demo-"));
console.log(`Example repository: ${root}`);
git(root, "init", "-q", "-b", "main");
git(root, "config", "user.email", "demo@shipgate.invalid");
git(root, "config", "user.name", "shipgate demo");
write(root, "package.json", '{ "name": "demo", "type": "module" }\n');
write(root, ".gitignore", "coverage/\npr-body.md\n");
write(root, ".github/shipgate.yml", "rules:\n  coverage:\n    reports: [coverage/lcov.info]\n");
write(
  root,
  "src/price.js",
  "export function total(items) {\n  return items.reduce((sum, item) => sum + item.price, 0);\n}\n",
);
write(
  root,
  "test/price.test.js",
  'import test from "node:test";\nimport assert from "node:assert";\nimport { total } from "../src/price.js";\n\ntest("total", () => assert.equal(total([{ price: 2 }, { price: 3 }]), 5));\n',
);
git(root, "add", "-A");
git(root, "commit", "-q", "-m", "Price totals");

// The change: a discount feature with no test, described without a rollout plan.
git(root, "checkout", "-q", "-b", "discounts");
write(
  root,
  "src/discount.js",
  [
    "export function discount(total, code) {",
    '  if (code === "HALF") {',
    "    return total / 2;",
    "  }",
    '  if (code === "TENOFF") {',
    "    return Math.max(0, total - 10);",
    "  }",
    "  return total;",
    "}",
    "",
  ].join("\n"),
);
git(root, "add", "-A");
git(root, "commit", "-q", "-m", "Add discount codes");
measureCoverage(root);
const failing = check(
  root,
  "Adds discount codes.\n\nRisk: low\nTracks #12\n",
  "untested, no rollout notes",
);

// The fix: a test for every branch, and a Rollout section with a way back.
write(
  root,
  "test/discount.test.js",
  [
    'import test from "node:test";',
    'import assert from "node:assert";',
    'import { discount } from "../src/discount.js";',
    "",
    'test("HALF halves the total", () => assert.equal(discount(30, "HALF"), 15));',
    'test("TENOFF takes ten off, never below zero", () => {',
    '  assert.equal(discount(30, "TENOFF"), 20);',
    '  assert.equal(discount(5, "TENOFF"), 0);',
    "});",
    'test("unknown codes change nothing", () => assert.equal(discount(30, "NOPE"), 30));',
    "",
  ].join("\n"),
);
git(root, "add", "-A");
git(root, "commit", "-q", "-m", "Test discount codes");
measureCoverage(root);
const body = [
  "Adds discount codes.",
  "",
  "Risk: low",
  "Tracks #12",
  "",
  "## Rollout",
  "- Plan: ship dark behind the `discounts` flag, enable for 5% of carts, then everyone.",
  "- Rollback: turn the `discounts` flag off; no data migration to undo.",
  "- Monitoring: watch the checkout error rate and discount totals on the payments dashboard.",
  "",
].join("\n");
const passing = check(root, body, "tested, with a rollout plan");

if (!keep) rmSync(root, { recursive: true, force: true });
if (failing !== 1 || passing !== 0) {
  console.error(`\ndemo: expected exit codes 1 then 0, got ${failing} then ${passing}`);
  process.exit(1);
}
console.log("\nThe gate failed the first version of the change and passed the fixed one.");
console.log(
  keep
    ? `The example repository is kept: cd ${root} && npx --prefix ${process.cwd()} shipgate check --base main`
    : "(npm run demo -- --keep leaves the example repository to explore.)",
);
