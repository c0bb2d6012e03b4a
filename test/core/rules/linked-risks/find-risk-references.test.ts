import fc from "fast-check";
import {
  findRiskReferences,
  MAX_RISK_REFERENCES,
} from "../../../../shared/core/rules/linked-risks/find-risk-references.js";

const find = (body: string, patterns: string[] = [], repository: string | null = "acme/shop") =>
  findRiskReferences(body, patterns, repository);

describe("findRiskReferences", () => {
  it.each([
    ["#12 in this repository", "Risk: #12", ["acme/shop#12"]],
    ["owner/repo#12", "see acme/risks#7.", ["acme/risks#7"]],
    ["an issue URL", "https://github.com/acme/risks/issues/7", ["acme/risks#7"]],
    ["a pull request URL", "(https://github.com/acme/api/pull/31)", ["acme/api#31"]],
    ["a GHES URL", "http://ghe.corp.example/acme/risks/issues/9#issuecomment-1", ["acme/risks#9"]],
    ["a markdown link", "[risk](https://github.com/acme/risks/issues/3)", ["acme/risks#3"]],
    [
      "several, in order of appearance",
      "#2 then acme/x#1 then #2 again",
      ["acme/shop#2", "acme/x#1"],
    ],
    [
      "duplicates in other spellings",
      "#5 acme/shop#5 Acme/Shop#5 https://github.com/acme/shop/issues/5",
      ["acme/shop#5"],
    ],
    ["leading zeros", "#007", ["acme/shop#7"]],
  ])("finds %s", (_case, body, github) => {
    expect(find(body)).toEqual({ github, other: [], errors: [], truncated: false });
  });

  it.each([
    ["a reference in a code span", "see `#12`"],
    ["a reference in a code block", "```\nacme/risks#7\n```"],
    ["a reference in an HTML comment", "<!-- Risk: #12 -->"],
    ["a URL fragment", "https://example.com/page#12"],
    ["a slash before the number", "docs/#12"],
    ["an HTML entity", "&#12;"],
    ["a hash run on a word", "abc#12 x#1"],
    ["a number followed by letters", "#12abc"],
    ["a heading", "# 12 things"],
    ["a gitlab URL", "https://gitlab.com/acme/shop/-/issues/4"],
    [
      "issue number 0 (numbers start at 1)",
      "#0, acme/shop#0, https://github.com/acme/shop/issues/0",
    ],
  ])("ignores %s", (_case, body) => {
    expect(find(body)).toEqual({ github: [], other: [], errors: [], truncated: false });
  });

  it("keeps #12 as an unverifiable reference when the repository is unknown", () => {
    expect(find("Risk: #12 and acme/x#3", [], null)).toMatchObject({
      github: ["acme/x#3"],
      other: ["#12"],
    });
  });

  it.each([
    ["an outside tracker", ["RISK-\\d+"], "Tracks RISK-42 and RISK-42.", { other: ["RISK-42"] }],
    ["a pattern matching GitHub refs", ["#\\d+"], "Risk #12", { github: ["acme/shop#12"] }],
    ["two patterns", ["RISK-\\d+", "INC\\d+"], "INC9 RISK-1", { other: ["INC9", "RISK-1"] }],
    ["a pattern that can match nothing", ["x*"], "Risk #1", { github: ["acme/shop#1"] }],
    [
      "a unicode property (patterns are unicode-aware)",
      ["RISK-\\p{Lu}\\d"],
      "RISK-Ä1",
      { other: ["RISK-Ä1"] },
    ],
    ["a pattern inside code", ["RISK-\\d+"], "`RISK-1`", { other: [] }],
    ["JavaScript's \\u{…} escape", ["RISK-\\u{1F525}\\d"], "RISK-🔥1", { other: ["RISK-🔥1"] }],
    ["a named group", ["(?<key>RISK)-\\d+"], "RISK-7", { other: ["RISK-7"] }],
    [
      "^ and $ at a line's start and end",
      ["^RISK-\\d+$"],
      "x RISK-1\nRISK-2\n",
      { other: ["RISK-2"] },
    ],
    [
      "a pattern that cannot span lines",
      ["RISK-\\s+\\d"],
      "RISK-\n1 RISK- 2",
      { other: ["RISK- 2"] },
    ],
  ])("matches configured patterns: %s", (_case, patterns, body, expected) => {
    expect(find(body, patterns)).toMatchObject(expected);
  });

  it("reports an invalid pattern as an error and still uses the others", () => {
    const refs = find("RISK-1", ["RISK-(\\d+", "RISK-\\d+"]);
    expect(refs.other).toEqual(["RISK-1"]);
    expect(refs.errors).toHaveLength(1);
    expect(refs.errors[0]).toMatch(
      /^`rules\.linked-risks\.patterns\[0\]` is not a regular expression RE2 accepts \(no lookaround or backreferences\): .+: fix or remove it in \.github\/shipgate\.yml$/,
    );
  });

  it("keeps at most MAX_RISK_REFERENCES references", () => {
    const body = Array.from({ length: 200 }, (_, i) => `#${i + 1}`).join(" ");
    const refs = find(body);
    expect(refs.github).toHaveLength(MAX_RISK_REFERENCES);
    expect(refs.github[0]).toBe("acme/shop#1");
    expect(refs.truncated).toBe(true);
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 500 }),
        fc.option(fc.string({ maxLength: 20 }), { nil: null }),
        fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
        (body, repository, patterns) => {
          const refs = findRiskReferences(body, patterns, repository);
          expect(refs.github.length + refs.other.length).toBeLessThanOrEqual(MAX_RISK_REFERENCES);
        },
      ),
    );
  });

  it("never throws on reference-like noise, and every GitHub ref is canonical", () => {
    const token = fc.constantFrom(
      "#",
      "1",
      "a",
      "/",
      "-",
      ".",
      "`",
      "```",
      "\n",
      " ",
      "<!--",
      "-->",
      "https://",
      "issues/",
      "pull/",
      "acme/shop",
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 200 }).map((t) => t.join("")),
        (body) => {
          for (const ref of find(body).github) expect(ref).toMatch(/^[^/\s]+\/[^/\s#]+#\d+$/);
        },
      ),
    );
  });

  it.each([
    ["owner-like words", "aaaa/".repeat(400_000)],
    ["repository-like words", `a/${"b".repeat(2_000_000)}`],
    ["hashes", "#".repeat(2_000_000)],
    ["URL starts", "https://x/".repeat(200_000)],
    [
      "backtick runs of growing length",
      Array.from({ length: 2_000 }, (_, i) => "`".repeat(i + 1)).join(" "),
    ],
    ["comment openers", "<!--".repeat(500_000)],
  ])("runs in linear time on long runs of %s", (_case, body) => {
    const started = Date.now();
    find(body, ["RISK-\\d+"]);
    // Generous: quadratic behaviour on these inputs takes minutes, linear takes milliseconds.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
