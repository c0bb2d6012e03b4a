// gatherPullRequestFacts' resolveConfig hook (the App's `extends`): it gets the base commit's
// config text, its result is the config used for linked items and returned, and the file is
// still read once.
import { parseConfig } from "../../shared/core/config/parse-config.js";
import { gatherPullRequestFacts } from "../../shared/github/gather-pull-request-facts.js";
import type { ConfigAtRef } from "../../shared/github/read-config-at-ref.js";
import { startSimClient, type SimClient } from "./sim-client.js";

let s: SimClient;
beforeEach(async () => {
  s = await startSimClient();
  s.sim.state.addPullRequest("acme", "shop", {
    number: 7,
    body: "Risk: low, tracked in #12",
    base: { ref: "main", sha: BASE },
    head: { ref: "feature", sha: "c".repeat(40) },
    files: [{ filename: "src/a.ts", patch: "@@ -0,0 +1 @@\n+a" }],
  });
  s.sim.state.addIssue("acme", "shop", { number: 12, labels: ["risk"] });
  s.sim.state.setFile("acme", "shop", BASE, ".github/shipgate.yml", LOCAL);
});
afterEach(async () => {
  await s.sim.close();
  expect(s.sim.violations).toEqual([]);
});

const BASE = "b".repeat(40);
const LOCAL = "extends: acme/.github\n";
const where = { owner: "acme", repo: "shop", number: 7 };
const configReads = () =>
  s.sim.requests.filter((r) => decodeURIComponent(r.path).endsWith(".github/shipgate.yml"));
const issueReads = () => s.sim.requests.filter((r) => r.path.endsWith("/issues/12"));

describe("gatherPullRequestFacts with resolveConfig", () => {
  it.each([
    ["linked risks on", "rules:\n  linked-risks: { level: warn }\n", 1],
    ["linked risks off", "rules:\n  linked-risks: { level: off }\n", 0],
  ])("uses the resolved config (%s)", async (_name, resolvedText, issueFetches) => {
    const seen: [string, string | null][] = [];
    const resolved: ConfigAtRef = {
      path: ".github/shipgate.yml",
      text: LOCAL,
      result: parseConfig(resolvedText, ".github/shipgate.yml"),
    };
    const { config } = await gatherPullRequestFacts(s.client, {
      ...where,
      resolveConfig: async (path, text) => {
        seen.push([path, text]);
        return resolved;
      },
    });
    expect(seen).toEqual([[".github/shipgate.yml", LOCAL]]);
    expect(config).toBe(resolved);
    expect(configReads()).toHaveLength(1);
    expect(issueReads()).toHaveLength(issueFetches);
  });
});
