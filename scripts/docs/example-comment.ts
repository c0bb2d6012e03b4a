// The pull request the README's picture shows: a real git repository, a real LCOV report and the
// bundled CLI (`shipgate check --format markdown` prints the pull request comment), so the
// picture is what shipgate renders, not a mock-up. Commits are dated and signed by fixed names,
// so the comment is the same on every machine.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const CLI = resolve(import.meta.dirname, "../../bin/shipgate.cjs");
const ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Ada",
  GIT_AUTHOR_EMAIL: "ada@shop.invalid",
  GIT_COMMITTER_NAME: "Ada",
  GIT_COMMITTER_EMAIL: "ada@shop.invalid",
  GIT_AUTHOR_DATE: "2026-03-02T10:00:00Z",
  GIT_COMMITTER_DATE: "2026-03-02T10:00:00Z",
  NO_COLOR: "1",
};

const CONFIG = `rules:
  coverage:
    reports: [coverage/lcov.info]
  rollout-notes:
    require: [rollback, monitoring]
`;

const DISCOUNTS = `// Volume discounts: the more items, the lower the price.
export function discountRate(quantity) {
  if (quantity >= 100) return 0.15;
  if (quantity >= 50) return 0.1;
  if (quantity >= 10) return 0.05;
  return 0;
}

export function discountedTotal(items) {
  const quantity = items.reduce((sum, item) => sum + item.quantity, 0);
  const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  const rate = discountRate(quantity);
  if (rate === 0) return total;
  const discounted = total * (1 - rate);
  return Math.round(discounted * 100) / 100;
}
`;

/** Line hits as a test run that never orders 50 or more would record them. */
const LCOV = `TN:
SF:src/discounts.js
FN:2,discountRate
FN:9,discountedTotal
FNDA:4,discountRate
FNDA:2,discountedTotal
DA:2,4
DA:3,4
DA:4,4
DA:5,0
DA:6,2
DA:9,2
DA:10,2
DA:11,2
DA:12,2
DA:13,2
DA:14,0
DA:15,0
LF:12
LH:9
end_of_record
`;

const BODY = `Adds volume discounts to the cart (5% from 10 items, 10% from 50, 15% from 100).

Risk: medium

## Rollout

Behind the \`volume-discounts\` flag, on for staff first.
`;

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function git(root: string, ...args: string[]): void {
  execFileSync("git", args, { cwd: root, env: ENV, stdio: "pipe" });
}

/** The comment shipgate posts on the example pull request (markdown). */
export function renderExampleComment(): string {
  const root = mkdtempSync(join(tmpdir(), "shipgate-comment-"));
  try {
    git(root, "init", "-q", "-b", "main");
    write(root, "package.json", '{ "name": "shop", "type": "module" }\n');
    write(root, ".github/shipgate.yml", CONFIG);
    write(root, "src/cart.js", "export const cart = [];\n");
    git(root, "add", ".");
    git(root, "commit", "-qm", "Start the shop");
    git(root, "checkout", "-qb", "volume-discounts");
    write(root, "src/discounts.js", DISCOUNTS);
    write(root, "test/discounts.test.js", "// tests for 10 and 20 items\n");
    git(root, "add", ".");
    git(root, "commit", "-qm", "Add volume discounts");
    write(root, "coverage/lcov.info", LCOV);
    write(root, "pr.md", BODY);
    const args = ["check", "--base", "main", "--body-file", "pr.md", "--format", "markdown"];
    const run = spawnSync(process.execPath, [CLI, ...args], {
      cwd: root,
      env: ENV,
      encoding: "utf8",
    });
    if (run.status !== 0 && run.status !== 1) {
      throw new Error(`shipgate check exited ${run.status}: ${run.stderr}`);
    }
    return run.stdout;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
