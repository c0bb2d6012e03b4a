// docs/report.md documents the JSON contract: every field a report has is in its table.
import { readFileSync } from "node:fs";
import { makeReport } from "./make-report.js";

const docs = readFileSync("docs/report.md", "utf8");
const table = docs.slice(docs.indexOf("## JSON contract"));

/** Every key path in a value, arrays looked into (`metrics.perWeek.weekStart`). */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [] : keyPaths(value[0], prefix);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    `${prefix}${key}`,
    ...keyPaths(inner, `${prefix}${key}.`),
  ]);
}

describe("docs/report.md", () => {
  // With GitHub figures, so their nested fields are held to the table too.
  const report = makeReport(
    [{ number: 1, title: "A", mergedAt: "2024-01-03T10:00:00Z", lines: 7, leadHours: 25 }],
    undefined,
    "acme/shop",
    {
      facts: new Map([
        [
          1,
          {
            openedAt: "2024-01-02T10:00:00Z",
            author: "ada",
            firstReviewAt: "2024-01-02T14:00:00Z",
            rules: [{ rule: "size", outcome: "pass" }],
            rulesFrom: "check-run",
            overrides: [{ rule: "size", by: "lead", at: "2024-01-03T09:00:00Z", reason: "why" }],
          },
        ],
      ]),
      requests: 4,
    },
  );

  it.each(keyPaths(report).map((path) => [path]))("documents %s", (path) => {
    const key = path.split(".").pop() as string;
    expect(table).toMatch(new RegExp(`\`(?:[\\w.]+\\.)?${key}(?:\\.[\\w.]+)?\``));
  });

  it("shows every top-level and per-pull-request field in its example", () => {
    const example = JSON.parse(
      /```json\n([\s\S]*?)\n```/.exec(table)?.[1] ?? "{}",
    ) as typeof report;
    expect(Object.keys(example).sort()).toEqual(Object.keys(report).sort());
    expect(Object.keys(example.pullRequests[0] ?? {}).sort()).toEqual(
      Object.keys(report.pullRequests[0] ?? {}).sort(),
    );
    expect(Object.keys(example.metrics).sort()).toEqual(Object.keys(report.metrics).sort());
  });
});
