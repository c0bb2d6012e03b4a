// shipgate's patch coverage must agree with diff-cover 7.4 on the same repository and report:
// the number of coverable changed lines, how many ran, and exactly which did not.
import { agreementCases } from "./agreement-cases.js";
import {
  assertDiffCoverInstalled,
  describeWithDiffCover,
  runCases,
  type CaseRuns,
} from "./run-cases.js";

const describeDiffCover = describeWithDiffCover(
  "the diff-cover agreement tests (test/diff-cover/agreement.test.ts)",
);

let runs: CaseRuns;

beforeAll(async () => {
  assertDiffCoverInstalled();
  runs = await runCases(agreementCases);
}, 60_000);

afterAll(() => runs?.cleanup());

describeDiffCover("the coverage rule agrees with diff-cover", () => {
  it("has enough cases to mean something", () => {
    expect(agreementCases.length).toBeGreaterThanOrEqual(20);
    expect(new Set(agreementCases.map((c) => c.name)).size).toBe(agreementCases.length);
  });

  it.each(agreementCases.map((c) => [c.name]))("%s", (name) => {
    const run = runs.get(name);
    if (!run.diffCover.ok) throw new Error(`diff-cover failed: ${run.diffCover.stderr}`);
    expect(run.shipgate).toEqual(run.diffCover.outcome);
  });

  it("is not agreeing on nothing: most cases have coverable and uncovered lines", () => {
    const outcomes = agreementCases.map((c) => runs.get(c.name).shipgate);
    expect(outcomes.filter((o) => o.coverable > 0).length).toBeGreaterThanOrEqual(18);
    expect(outcomes.filter((o) => o.uncovered.length > 0).length).toBeGreaterThanOrEqual(15);
  });
});
