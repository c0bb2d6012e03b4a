// Forks: a read-only token still gets summary, annotations and exit code; mode: evaluate writes
// the result for an artifact and mode: publish (workflow_run) posts it without running PR code.
import { readFile } from "node:fs/promises";
import path from "node:path";

import { makeZip } from "../../github/make-zip.js";
import { examplePayload } from "../payloads.js";
import { runBundledAction, workflowCommands, type ActionRun } from "../run-bundled-action.js";
import { HEAD_SHA, NEXT_HEAD_SHA, useShop } from "../shop-scenario.js";

const RUN_ID = 4242;

function workflowRunPayload(headSha: string): Record<string, unknown> {
  const payload = examplePayload("workflow_run", "completed");
  const run = payload.workflow_run as Record<string, unknown>;
  const repository = { ...(payload.repository as object), name: "shop", full_name: "acme/shop" };
  return {
    ...payload,
    repository,
    workflow_run: {
      ...run,
      id: RUN_ID,
      head_sha: headSha,
      event: "pull_request",
      pull_requests: [],
    },
  };
}

export function describeForksAndModes(): void {
  describe("fork pull requests", () => {
    const t = useShop();

    const evaluate = () => {
      t.sim.setTokenPermissions("ghs_actions", "read");
      return t.shop.run({ payload: t.shop.payload({ fork: true }), inputs: { mode: "evaluate" } });
    };
    const uploadArtifact = async (
      evaluation: ActionRun,
      edit: (json: Record<string, unknown>) => void = () => {},
    ) => {
      const file = path.join(evaluation.temp, "shipgate/evaluation.json");
      const json = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
      edit(json);
      t.sim.state.addArtifact("acme", "shop", RUN_ID, {
        name: "shipgate-evaluation",
        data: makeZip({ "evaluation.json": JSON.stringify(json) }),
      });
      t.sim.setTokenPermissions("ghs_actions", "write");
    };
    const publish = (headSha = HEAD_SHA, inputs: Record<string, string> = {}) =>
      runBundledAction({
        apiUrl: t.sim.url,
        event: "workflow_run",
        payload: workflowRunPayload(headSha),
        inputs: { mode: "publish", ...inputs },
      });

    it("with a read-only token: summary, annotations and exit code, one clear line, no crash", async () => {
      t.sim.setTokenPermissions("ghs_actions", "read");
      const run = await t.shop.run({ payload: t.shop.payload({ fork: true }) });

      expect(run.code).toBe(1);
      expect(run.stderr).toBe("");
      expect(run.summary).toContain("shipgate: not ready to ship");
      expect(workflowCommands(run.stdout, "error")).toContainEqual(
        expect.stringMatching(/^::error file=src\/cart\.ts,/),
      );
      expect(run.outputs.conclusion).toBe("failure");
      expect(
        run.stdout.split("\n").filter((l) => l.includes("no comment was posted")),
      ).toHaveLength(1);
      expect(t.sim.writes()).toEqual([]);
    });

    it("mode: evaluate writes the evaluation and nothing to GitHub", async () => {
      const run = await evaluate();
      expect(run.code).toBe(1);
      expect(t.sim.writes()).toEqual([]);
      // Not even an attempt: every request is a read.
      expect(t.sim.requests.filter((r) => r.kind === "write")).toEqual([]);
      const evaluation = JSON.parse(
        await readFile(path.join(run.temp, "shipgate/evaluation.json"), "utf8"),
      );
      expect(evaluation).toMatchObject({
        shipgate: "evaluation",
        repository: "acme/shop",
        pullRequest: 7,
        headSha: HEAD_SHA,
      });
      expect(evaluation.verdict.conclusion).toBe("failure");
    });

    it("mode: publish on workflow_run posts the comment and the review from the artifact", async () => {
      await uploadArtifact(await evaluate());
      const run = await publish();

      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(t.sim.state.commentsOn("acme", "shop", 7)).toHaveLength(1);
      expect(t.sim.state.reviewComments.map((c) => [c.path, c.startLine, c.line])).toEqual([
        ["src/cart.ts", 6, 10],
      ]);
      expect(run.outputs.conclusion).toBe("failure");
      expect(run.summary).toContain("shipgate: not ready to ship");
      // Annotations would land on the workflow_run's commit, not the pull request's.
      expect(workflowCommands(run.stdout, "error")).toEqual([]);
    });

    it("publish refuses an artifact whose commit is not the workflow run's", async () => {
      await uploadArtifact(await evaluate(), (json) => (json.headSha = NEXT_HEAD_SHA));
      const run = await publish();
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        "::error::shipgate: the evaluation is for commit 3333333, but workflow run 4242 ran on 2222222",
      );
      expect(t.sim.writes()).toEqual([]);
    });

    it("publish writes nothing when the artifact names another pull request", async () => {
      t.sim.state.addPullRequest("acme", "shop", { number: 8, head: { sha: "9".repeat(40) } });
      await uploadArtifact(await evaluate(), (json) => (json.pullRequest = 8));
      const run = await publish();
      expect(run.stdout).toContain("not publishing");
      expect(t.sim.writes()).toEqual([]);
    });

    it("publish refuses an artifact that is not an evaluation", async () => {
      await uploadArtifact(await evaluate(), (json) => (json.verdict = { conclusion: "success" }));
      const run = await publish();
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        "::error::shipgate: evaluation.json is not a shipgate evaluation: verdict.",
      );
      expect(t.sim.writes()).toEqual([]);
    });

    it("publish with no artifact has nothing to do", async () => {
      const run = await publish();
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('has no "shipgate-evaluation" artifact');
    });

    it.each([
      ["pull_request", "publish", "`mode: publish` runs on workflow_run, not on pull_request"],
      ["workflow_run", "full", "on workflow_run, set `mode: publish` (mode is full)"],
    ])("on %s, mode: %s is a clear error", async (event, mode, message) => {
      const payload = event === "workflow_run" ? workflowRunPayload(HEAD_SHA) : t.shop.payload();
      const run = await runBundledAction({ apiUrl: t.sim.url, event, payload, inputs: { mode } });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(message);
      expect(t.sim.requests).toEqual([]);
    });
  });
}
