import {
  escapeData,
  escapeProperty,
  renderWorkflowCommands,
} from "../../../shared/core/render/render-workflow-commands.js";
import type { LineFinding } from "../../../shared/core/types.js";
import { makeFinding, makeResult, makeVerdict } from "../../builders/make-verdict.js";

const verdictWith = (findings: LineFinding[]) =>
  makeVerdict({ rules: [makeResult({ id: "coverage", findings })] });

describe("renderWorkflowCommands", () => {
  it("writes one command per finding with file, lines and title", () => {
    const lines = renderWorkflowCommands(
      verdictWith([
        makeFinding({ path: "src/a.ts", startLine: 3, endLine: 5, message: "Not run." }),
        makeFinding({ path: "src/b.ts", severity: "warning", title: "Heads up", message: "Hm." }),
        makeFinding({ path: "src/c.ts", severity: "notice", title: "FYI", message: "Ok." }),
      ]),
    );
    expect(lines).toEqual([
      "::error file=src/a.ts,line=3,endLine=5,title=Not covered by tests::Not run.",
      "::warning file=src/b.ts,line=10,endLine=10,title=Heads up::Hm.",
      "::notice file=src/c.ts,line=10,endLine=10,title=FYI::Ok.",
    ]);
  });

  it.each([
    { text: "100%", data: "100%25", property: "100%25" },
    { text: "a\r\nb", data: "a%0D%0Ab", property: "a%0D%0Ab" },
    { text: "a:b,c", data: "a:b,c", property: "a%3Ab%2Cc" },
    { text: "%0A", data: "%250A", property: "%250A" },
  ])("escapes $text as data $data and as a property $property", ({ text, data, property }) => {
    expect(escapeData(text)).toBe(data);
    expect(escapeProperty(text)).toBe(property);
  });

  it("cannot be made to issue a second command by a file name or message", () => {
    const [line, ...rest] = renderWorkflowCommands(
      verdictWith([
        makeFinding({
          path: "a,title=x::y\n::warning::z.ts",
          title: "t,line=1",
          message: "m\n::error::injected",
        }),
      ]),
    );
    expect(rest).toEqual([]);
    expect(line).toBe(
      "::error file=a%2Ctitle=x%3A%3Ay %3A%3Awarning%3A%3Az.ts,line=10,endLine=10,title=t%2Cline=1::m%0A::error::injected",
    );
  });

  it.each([
    { count: 10, shown: 10, omitted: null },
    { count: 11, shown: 9, omitted: "2 more errors" },
    { count: 25, shown: 9, omitted: "16 more errors" },
  ])("shows $shown of $count errors", ({ count, shown, omitted }) => {
    const findings = Array.from({ length: count }, (_, i) =>
      makeFinding({ startLine: i + 1, endLine: i + 1 }),
    );
    const lines = renderWorkflowCommands(verdictWith(findings));
    expect(lines.filter((line) => line.startsWith("::error file="))).toHaveLength(shown);
    const summary = lines.find((line) => line.startsWith("::error title=shipgate::"));
    if (omitted === null) expect(summary).toBeUndefined();
    else expect(summary).toContain(`::${omitted} not shown here`);
  });

  it("caps each level on its own, with one omission line per capped level", () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => makeFinding({ startLine: i + 1, endLine: i + 1 })),
      ...Array.from({ length: 11 }, (_, i) =>
        makeFinding({ severity: "warning", startLine: i + 1, endLine: i + 1 }),
      ),
      makeFinding({ severity: "notice" }),
    ];
    const lines = renderWorkflowCommands(verdictWith(findings));
    const count = (prefix: string) => lines.filter((line) => line.startsWith(prefix)).length;
    expect([count("::error "), count("::warning "), count("::notice ")]).toEqual([10, 10, 1]);
    expect(lines.slice(-2)).toEqual([
      expect.stringMatching(/^::error title=shipgate::3 more errors not shown/),
      expect.stringMatching(/^::warning title=shipgate::2 more warnings not shown/),
    ]);
  });
});
