// Completing a check run: every annotation arrives, 50 per request, and the run is completed
// by the last request.
import type { CheckAnnotation } from "../../shared/github/complete-check-run.js";
import { completeCheckRun } from "../../shared/github/complete-check-run.js";
import { startCheckRun } from "../../shared/github/start-check-run.js";
import { serverError } from "../github-simulator/index.js";
import { startSimClient, type SimClient } from "./sim-client.js";

const repo = { owner: "acme", repo: "shop" };
const output = { title: "1 rule fails", summary: "size fails", text: "details" };

const annotation = (line: number): CheckAnnotation => ({
  path: "src/a.ts",
  start_line: line,
  end_line: line,
  annotation_level: "warning",
  title: "Not covered",
  message: `line ${line}`,
});

let s: SimClient;
beforeEach(async () => {
  s = await startSimClient();
  s.sim.state.addRepo("acme", "shop");
});
afterEach(async () => {
  await s.sim.close();
  expect(s.sim.violations).toEqual([]);
});

describe("completeCheckRun", () => {
  it.each([
    [0, 1],
    [1, 1],
    [50, 1],
    [51, 2],
    [120, 3],
  ])("%i annotations take %i request(s), and all of them arrive", async (count, requests) => {
    const id = await startCheckRun(s.client, repo, "a".repeat(40), "d");
    const annotations = Array.from({ length: count }, (_, i) => annotation(i + 1));
    const result = await completeCheckRun(s.client, repo, id, {
      conclusion: "failure",
      output,
      annotations,
    });
    expect(result.requests).toBe(requests);
    const [run] = s.sim.state.checkRuns;
    expect(run).toMatchObject({ status: "completed", conclusion: "failure", output });
    expect(run?.annotations.map((a) => a.start_line)).toEqual(annotations.map((a) => a.start_line));
    const patches = s.sim.requests.filter((r) => r.method === "PATCH");
    expect(patches).toHaveLength(requests);
    // Only the last request completes the run.
    expect(patches.map((p) => (p.body as { status?: string }).status)).toEqual([
      ...Array<undefined>(requests - 1).fill(undefined),
      "completed",
    ]);
  });

  it("never sends annotations twice: a batch lost to a 5xx after GitHub stored it is not retried", async () => {
    const id = await startCheckRun(s.client, repo, "a".repeat(40), "d");
    s.sim.fail({ ...serverError(502), method: "PATCH", afterWrite: true, times: 1 });
    const annotations = Array.from({ length: 60 }, (_, i) => annotation(i + 1));
    await expect(
      completeCheckRun(s.client, repo, id, { conclusion: "failure", output, annotations }),
    ).rejects.toMatchObject({ status: 502 });
    expect(s.sim.state.checkRuns[0]?.annotations).toHaveLength(50);
    expect(s.sim.requests.filter((r) => r.method === "PATCH")).toHaveLength(1);
  });

  it("retries the final update when it carries no annotations (repeating it is harmless)", async () => {
    const id = await startCheckRun(s.client, repo, "a".repeat(40), "d");
    s.sim.fail({ ...serverError(502), method: "PATCH", times: 1 });
    await completeCheckRun(s.client, repo, id, { conclusion: "success", output, annotations: [] });
    expect(s.sim.state.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "success" });
  });
});
