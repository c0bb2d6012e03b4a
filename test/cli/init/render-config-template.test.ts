import { parse } from "yaml";
import { parseConfig } from "../../../shared/core/config/parse-config.js";
import { renderConfigTemplate } from "../../../cli/init/render-config-template.js";
import { renderPullRequestTemplate } from "../../../cli/init/render-pull-request-template.js";

describe("renderConfigTemplate", () => {
  const text = renderConfigTemplate();

  it("validates and spells out exactly the defaults", () => {
    const written = parseConfig(text, ".github/shipgate.yml");
    const defaults = parseConfig(null, ".github/shipgate.yml");
    expect(written).toEqual(defaults);
  });

  it("writes every rule's settings as keys, not only as comments", () => {
    const data = parse(text) as { rules: Record<string, Record<string, unknown>> };
    expect(Object.keys(data.rules)).toEqual([
      "size",
      "coverage",
      "rollout-notes",
      "linked-risks",
      "dependencies",
      "focus",
    ]);
    expect(data.rules.size?.["max-lines"]).toBe(400);
  });

  it.each([
    ["a setting's description", "    # Counted lines above this fail\n    max-lines: 400\n"],
    ["the choices of an enum", "    # One of: fail, warn, skip\n    missing-report: warn\n"],
    ["the items a list may hold", "    # Any of: plan, rollback, flag, monitoring\n"],
    ["the mapping form of a union", "    #   paths: [...]  Applies when a changed file matches\n"],
    ["optional keys that have no default", "#   extends: Org-wide defaults"],
    ["how to check the file", "npx shipgate validate"],
  ])("explains %s", (_name, excerpt) => {
    expect(text).toContain(excerpt);
  });
});

describe("renderPullRequestTemplate", () => {
  const text = renderPullRequestTemplate();

  it.each([
    ["a Rollout section", /^## Rollout$/m],
    ["rollout prompts", /^- Plan: <!--.*-->$/m],
    ["the rollback prompt", /^- Rollback: <!--.*-->$/m],
    ["the feature flag prompt", /^- Feature flag: <!--.*-->$/m],
    ["the monitoring prompt", /^- Monitoring: <!--.*-->$/m],
    ["checkboxes", /^- \[ \] /m],
    ["a Risks section", /^## Risks$/m],
    ["the configured risk levels", /^Risk: low \| medium \| high$/m],
    ["a place for the risk link", /^Link:/m],
  ])("has %s", (_name, pattern) => {
    expect(text).toMatch(pattern);
  });
});
