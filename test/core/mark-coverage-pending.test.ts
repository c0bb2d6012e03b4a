// Coverage waiting for a CI artifact: pending, saying what it waits for, and decided again.
import { markCoveragePending } from "../../shared/core/mark-coverage-pending.js";
import { makeFinding, makeResult, makeVerdict } from "../builders/make-verdict.js";

const ARTIFACT = { workflow: "ci.yml", name: "coverage" };
const HEAD = "c0ffee".padEnd(40, "0");

describe("markCoveragePending", () => {
  it.each([
    ["a failing blocking coverage rule", "fail", "block", "neutral"],
    ["a passing blocking coverage rule", "pass", "block", "neutral"],
    ["a coverage rule that only warns", "fail", "warn", "success"],
  ] as const)("%s becomes pending; the gate says %s", (_name, status, level, conclusion) => {
    const verdict = makeVerdict({
      rules: [
        makeResult({ id: "size" }),
        makeResult({ id: "coverage", status, level, findings: [makeFinding()] }),
      ],
    });
    const pending = markCoveragePending(verdict, ARTIFACT, HEAD);
    const coverage = pending.rules[1];
    expect(coverage).toMatchObject({ status: "pending", findings: [] });
    expect(coverage?.summary).toBe(
      "Waiting for workflow `ci.yml` to finish on `c0ffee0` and upload the artifact `coverage`",
    );
    expect(coverage?.metrics.waitingFor).toEqual({ workflow: "ci.yml", artifact: "coverage" });
    expect(pending.rules[0]).toBe(verdict.rules[0]);
    expect(pending.conclusion).toBe(conclusion);
  });

  it("keeps a blocking failure of another rule failing", () => {
    const verdict = makeVerdict({
      rules: [makeResult({ id: "size", status: "fail" }), makeResult({ id: "coverage" })],
    });
    expect(markCoveragePending(verdict, ARTIFACT, HEAD).conclusion).toBe("failure");
  });

  it("leaves coverage alone when it is off", () => {
    const off = makeResult({ id: "coverage", status: "skip", level: "off" });
    const verdict = makeVerdict({ rules: [off] });
    expect(markCoveragePending(verdict, ARTIFACT, HEAD).rules[0]).toBe(off);
  });
});
