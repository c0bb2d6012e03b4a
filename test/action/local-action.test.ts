// The action under GitHub's @github/local-action, which runs action/run.ts (not the bundle) with
// its own stubs of @actions/core and @actions/github, against the simulator.
import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSimulator, type Simulator } from "../github-simulator/index.js";
import { ROOT } from "./run-bundled-action.js";
import { createShop, lcov } from "./shop-scenario.js";

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator();
});
afterAll(async () => {
  await sim.close();
  expect(sim.violations).toEqual([]);
});

function localAction(envFile: string): Promise<{ code: number | null; output: string }> {
  const bin = path.join(ROOT, "node_modules/@github/local-action/bin/local-action.js");
  const child = spawn(process.execPath, [bin, "run", ".", "action/run.ts", envFile], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmpdir(), NO_COLOR: "1" },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

it("runs under @github/local-action: evaluates, comments, sets outputs", async () => {
  const shop = await createShop(sim);
  await shop.writeCoverage(lcov("src/cart.ts", 10, 5));
  const dir = await mkdtemp(path.join(tmpdir(), "shipgate-local-action-"));
  const files = {
    event: path.join(dir, "event.json"),
    env: path.join(dir, ".env"),
    summary: path.join(dir, "summary.md"),
  };
  await writeFile(files.event, JSON.stringify(shop.payload()));
  await writeFile(files.summary, "");
  await writeFile(
    files.env,
    [
      "INPUT_GITHUB-TOKEN=ghs_actions",
      "GITHUB_EVENT_NAME=pull_request",
      `GITHUB_EVENT_PATH=${files.event}`,
      "GITHUB_REPOSITORY=acme/shop",
      `GITHUB_API_URL=${sim.url}`,
      `GITHUB_WORKSPACE=${shop.workspace}`,
      `GITHUB_STEP_SUMMARY=${files.summary}`,
      `RUNNER_TEMP=${dir}`,
      "",
    ].join("\n"),
  );

  const run = await localAction(files.env);

  expect(run.output).toContain("::error::shipgate: Not ready to ship: coverage failed");
  expect(run.output).toMatch(/'conclusion'\s*│\s*'failure'/);
  expect(run.output).toMatch(/'patch-coverage'\s*│\s*'50'/);
  expect(sim.state.commentsOn("acme", "shop", 7)).toHaveLength(1);
  expect(sim.state.reviewComments).toHaveLength(1);
}, 60_000);
