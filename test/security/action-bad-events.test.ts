// Issue 8, item 7 (events): the event file is read from disk and every field of it is used; a
// malformed file, `null`, or a field of the wrong type must end the bundled Action with one
// `::error::` that names what was wrong, before any request, with no stack trace.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { useShop } from "../action/shop-scenario.js";
import { ACTION_ENTRY, errorLines, expectNoCrash } from "./action-attack-kit.js";

const TIMEOUT = 30_000;

describe("the Action given an event payload that is not what GitHub sends", () => {
  const t = useShop();

  it(
    "a file that is not JSON",
    async () => {
      const file = path.join(t.shop.workspace, "event.json");
      await writeFile(file, '{"action": "opened", "pull_request": {');
      const run = await t.shop.run({ env: { GITHUB_EVENT_PATH: file }, entry: ACTION_ENTRY });
      expect(run.code).toBe(1);
      expect(errorLines(run)).toEqual([
        expect.stringMatching(
          /^::error::shipgate: the event file GITHUB_EVENT_PATH \(.+event\.json\) is not JSON: .+/,
        ),
      ]);
      expect(t.sim.requests).toEqual([]);
      expectNoCrash(run);
    },
    TIMEOUT,
  );

  const pullRequest = () => t.shop.payload().pull_request as Record<string, unknown>;
  const withPull = (fields: Record<string, unknown>) => ({
    ...t.shop.payload(),
    pull_request: { ...pullRequest(), ...fields },
  });

  it.each<[string, () => unknown, string]>([
    ["null", () => null, "the pull_request event payload is null, not a JSON object"],
    ["a list", () => [], "the pull_request event payload is a list, not a JSON object"],
    [
      "a pull_request of null",
      () => ({ ...t.shop.payload(), pull_request: null }),
      "the pull_request event payload is not what GitHub sends: pull_request: Invalid input: expected object, received null",
    ],
    [
      "a base of null",
      () => withPull({ base: null }),
      "the pull_request event payload is not what GitHub sends: pull_request.base: Invalid input: expected object, received null",
    ],
    [
      "a number as text",
      () => withPull({ number: "7" }),
      "the pull_request event payload is not what GitHub sends: pull_request.number: Invalid input: expected number, received string",
    ],
    [
      "a head SHA that is a number",
      () => withPull({ head: { ...(pullRequest().head as object), sha: 42 } }),
      "the pull_request event payload is not what GitHub sends: pull_request.head.sha: Invalid input: expected string, received number",
    ],
    [
      "labels as text",
      () => withPull({ labels: "risk:high" }),
      "the pull_request event payload is not what GitHub sends: pull_request.labels: Invalid input: expected array, received string",
    ],
  ])(
    "%s",
    async (_name, payload, message) => {
      const run = await t.shop.run({ payload: payload(), entry: ACTION_ENTRY });
      expect(run.code).toBe(1);
      expect(errorLines(run)).toEqual([`::error::shipgate: ${message}`]);
      expect(t.sim.requests).toEqual([]);
      expectNoCrash(run);
    },
    TIMEOUT,
  );

  it.each<[string, string, unknown, string]>([
    [
      "merge_group",
      "a head SHA that is a number",
      { merge_group: { head_sha: 42, base_ref: "refs/heads/main" } },
      "merge_group.head_sha: Invalid input: expected string, received number",
    ],
    [
      "workflow_run",
      "a run id as text",
      { workflow_run: { id: "5", head_sha: "a".repeat(40), event: "pull_request" } },
      "workflow_run.id: Invalid input: expected number, received string",
    ],
  ])(
    "%s with %s",
    async (event, _name, payload, problem) => {
      const mode = event === "workflow_run" ? "publish" : "full";
      const run = await t.shop.run({ event, payload, inputs: { mode }, entry: ACTION_ENTRY });
      expect(run.code).toBe(1);
      expect(errorLines(run)).toEqual([
        `::error::shipgate: the ${event} event payload is not what GitHub sends: ${problem}`,
      ]);
      expect(t.sim.requests).toEqual([]);
      expectNoCrash(run);
    },
    TIMEOUT,
  );
});
