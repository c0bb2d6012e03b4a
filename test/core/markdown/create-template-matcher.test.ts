import { createTemplateMatcher } from "../../../shared/core/markdown/create-template-matcher.js";

const TEMPLATE = [
  "## Rollout",
  "<!-- Describe the rollout -->",
  "- Rollback: <!-- how? -->",
  "- [ ] Feature flag in place",
  "Risk level:   low  /  medium  /  high",
].join("\r\n");

describe("createTemplateMatcher", () => {
  const isTemplate = createTemplateMatcher(TEMPLATE);

  it.each([
    ["an identical line", "## Rollout", true],
    ["a line with other spacing", "  Risk level: low / medium / high ", true],
    ["a line whose comment was removed", "- Rollback:", true],
    ["a checkbox with another bullet", "* [ ] Feature flag in place", true],
    ["a ticked checkbox", "- [x] Feature flag in place", false],
    ["an edited line", "- Rollback: revert", false],
    ["a blank line", "   ", false],
    ["the comment's own text", "Describe the rollout", false],
  ])("%s: %s", (_case, line, expected) => {
    expect(isTemplate(line)).toBe(expected);
  });

  it("matches nothing without a template", () => {
    expect(createTemplateMatcher(null)("## Rollout")).toBe(false);
  });
});
