import fc from "fast-check";
import { findSection, normalizeHeading } from "../../../shared/core/markdown/find-section.js";

const lines = (...text: string[]) => text.join("\n");

describe("findSection", () => {
  it.each([
    ["an ATX heading", lines("## Rollout", "canary", "## Testing", "unit"), ["canary"]],
    ["a closed ATX heading", lines("## Rollout ##", "canary"), ["canary"]],
    ["a level-1 setext heading", lines("Rollout", "=======", "canary", "Other", "==="), ["canary"]],
    ["a level-2 setext heading", lines("Rollout", "---", "canary"), ["canary"]],
    ["a bold line", lines("**Rollout**", "canary", "**Testing**", "unit"), ["canary"]],
    ["a bold line with a colon inside", lines("**Rollout:**", "canary"), ["canary"]],
    ["a bold line with a colon after", lines("__Rollout__:", "canary"), ["canary"]],
    [
      "a bold label, up to the next bold label",
      lines("**Rollout:** canary", "then all", "**Testing:** unit"),
      ["canary", "then all"],
    ],
    [
      "a bold label with text after it",
      lines("**Rollout:** canary first", "then all"),
      ["canary first", "then all"],
    ],
    ["a heading with a colon", lines("### Rollout:", "canary"), ["canary"]],
    ["a longer heading starting with the name", lines("## Rollout plan", "canary"), ["canary"]],
    ["different case", lines("## ROLLOUT", "canary"), ["canary"]],
    ["emphasis and an emoji in the heading", lines("## 🚀 **Rollout**", "canary"), ["canary"]],
    ["CRLF line endings", "## Rollout\r\ncanary\r\n## Next\r\n", ["canary"]],
    ["up to the end of the body", lines("# PR", "## Rollout", "a", "", "b"), ["a", "", "b"]],
  ])("finds a section under %s", (_case, body, content) => {
    expect(findSection(body, ["Rollout"])?.lines).toEqual(content);
  });

  it.each([
    [
      "a deeper heading",
      lines("## Rollout", "a", "### Rollback", "b", "## Next"),
      ["a", "### Rollback", "b"],
    ],
    [
      "a bold line under an ATX heading",
      lines("## Rollout", "**Rollback**", "b", "# Next"),
      ["**Rollback**", "b"],
    ],
    [
      "a bold label line under a bold heading",
      lines("**Rollout**", "**Rollback:** revert", "## Next"),
      ["**Rollback:** revert"],
    ],
    ["a higher heading", lines("### Rollout", "a", "# Next"), ["a"]],
    [
      "a heading inside a code fence",
      lines("## Rollout", "```", "## not a heading", "```", "end"),
      ["```", "## not a heading", "```", "end"],
    ],
  ])("keeps %s inside the section", (_case, body, content) => {
    expect(findSection(body, ["Rollout"])?.lines).toEqual(content);
  });

  it.each([
    ["no heading at all", "Rollout: canary"],
    ["a word that only starts like the name", "## Rollouts\ncanary"],
    ["a heading in a code fence", "```\n## Rollout\n```"],
    ["a heading in a tilde fence", "~~~md\n## Rollout\n~~~"],
    ["seven hashes", "####### Rollout\nx"],
    ["no space after the hashes", "##Rollout\nx"],
    ["an underline after a list item", "- Rollout\n---\nx"],
    ["an underline after a blank line", "Rollout\n\n---\nx"],
  ])("finds nothing in %s", (_case, body) => {
    expect(findSection(body, ["Rollout"])).toBeNull();
  });

  it("takes the first matching section and any of the names", () => {
    const body = lines("## Deployment", "first", "## Rollout", "second");
    expect(findSection(body, ["Rollout", "Deployment"])?.lines).toEqual(["first"]);
    expect(findSection(body, ["Rollout", "Deployment"])?.heading).toBe("## Deployment");
  });

  it("reads a bold line underlined as one level-2 heading", () => {
    const section = findSection(lines("**Rollout**", "---", "a", "**Sub**", "b"), ["Rollout"]);
    expect(section).toMatchObject({ level: 2, lines: ["a", "**Sub**", "b"] });
  });

  it.each([
    ["  **Rollout:**  ", "rollout"],
    ["🚀 Rollout plan", "rollout plan"],
    ["`Rollout`", "rollout"],
    ["Rollout : ", "rollout"],
  ])("normalizes the heading %j to %j", (heading, expected) => {
    expect(normalizeHeading(heading)).toBe(expected);
  });

  it("never throws on arbitrary text, and finds a section appended to it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 500 }), (noise) => {
        findSection(noise, ["Rollout"]);
        // Without fence characters, nothing in the noise can hide the appended heading.
        const found = findSection(`${noise.replace(/[`~]/g, "")}\n\n## Rollout\nplan`, ["Rollout"]);
        expect(found?.lines).toEqual(["plan"]);
      }),
    );
  });

  it("never throws on markdown-like noise, and returns lines of the body", () => {
    const token = fc.constantFrom(
      "#",
      "## ",
      "**",
      "__",
      "`",
      "```",
      "~~~",
      "-",
      "=",
      "\n",
      "\r\n",
      " ",
      "Rollout",
      ":",
      "x",
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 300 }).map((t) => t.join("")),
        (body) => {
          const section = findSection(body, ["Rollout"]);
          expect(section === null || section.lines.length <= body.length + 1).toBe(true);
        },
      ),
    );
  });

  it("runs in linear time on long hostile lines", () => {
    const hostile = [
      `# ${" ".repeat(200_000)}x`,
      `**${"*".repeat(200_000)}`,
      `Rollout\n${"-".repeat(200_000)} x`,
      `## ${"Rollout :".repeat(50_000)}`,
      `${"\n".repeat(100_000)}## Rollout${" #".repeat(50_000)}`,
    ];
    const started = Date.now();
    for (const body of hostile) findSection(body, ["Rollout"]);
    // Generous: quadratic behaviour on these inputs takes minutes, linear takes milliseconds.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
