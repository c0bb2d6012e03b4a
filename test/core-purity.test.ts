// shared/core is pure: the lint config must reject I/O imports and environment reads there,
// and allow them in adapters.
import { ESLint } from "eslint";

const eslint = new ESLint();

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? "parse-error");
}

describe("the purity rule for shared/core", () => {
  it.each([
    ['import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n'],
    ['import fs from "fs";\nexport const x = fs;\n'],
    ['import { execFile } from "child_process";\nexport const x = execFile;\n'],
    ['import * as core from "@actions/core";\nexport const x = core;\n'],
    ['import { Octokit } from "@octokit/core";\nexport const x = Octokit;\n'],
    ['import { Probot } from "probot";\nexport const x = Probot;\n'],
  ])("rejects %s", async (code) => {
    expect(await ruleIdsFor(code, "shared/core/rules/example.ts")).toContain(
      "no-restricted-imports",
    );
  });

  it.each([
    ["export const token = process.env.GITHUB_TOKEN;\n"],
    ['export const get = () => fetch("https://example.com");\n'],
  ])("rejects %s", async (code) => {
    expect(await ruleIdsFor(code, "shared/core/rules/example.ts")).toContain(
      "no-restricted-globals",
    );
  });

  it("allows the same imports in an adapter", async () => {
    const code = 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n';
    expect(await ruleIdsFor(code, "cli/example.ts")).toEqual([]);
  });
});
