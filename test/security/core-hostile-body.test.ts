// Attack: a pull request body built to make text scans slow or huge. GitHub keeps 65,536
// characters of a body, but the CLI reads any --body-file: 60 MB of alternating backticks took
// 79 s and 3.1 GB before the rules read a capped body. Every shape must now finish in bounded
// time and memory, with the verdict saying the body was cut.
import { MB, makeCheckRepo, runCheck, verdictOf } from "./core-cli-kit.js";
import type { TestRepo } from "../cli/make-git-repo.js";

const SIZE = 60 * MB;
const fill = (unit: string): Buffer => Buffer.from(unit.repeat(Math.ceil(SIZE / unit.length)));

let repo: TestRepo;
beforeAll(() => {
  repo = makeCheckRepo("rules:\n  coverage: { missing-report: skip }\n");
}, 60_000);
afterAll(() => repo?.remove());

describe("a 60 MB body through the CLI process", () => {
  it.each([
    ["backticks", "`"],
    ["alternating backticks", "` "],
    ["opening brackets", "["],
    ["nested brackets", "[[[[]]]]"],
    ["unclosed links", "[a]("],
    ["asterisks", "*"],
    ["underscores", "_"],
    ["unclosed tags", "<"],
    ["headings", "## Rollout\n"],
    ["a Rollout section of backticks", "## Rollout\n``` `"],
  ])(
    "of %s finishes in bounded time and memory",
    (_shape, unit) => {
      const run = runCheck(repo, fill(unit), { timeoutMs: 120_000 });
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: "" });
      expect(run.ms).toBeLessThan(20_000);
      expect(run.peakRssMb).toBeLessThan(600);
      expect(verdictOf(run).notes.join("\n")).toMatch(
        /^The description is [\d,]+ characters long; GitHub keeps at most 65,536, so only the first 65,536 were read\.$/m,
      );
    },
    150_000,
  );
});
