import {
  compileUserPattern,
  createPatternBudget,
  MAX_PATTERN_PROGRAM,
  MAX_PATTERN_WORK,
  matchUserPattern,
  type UserPattern,
} from "../../../../shared/core/rules/linked-risks/user-pattern.js";

function compiled(source: string): UserPattern {
  const result = compileUserPattern(source);
  if (!result.ok) throw new Error(result.reason);
  return result.pattern;
}

function matches(source: string, text: string) {
  const budget = createPatternBudget();
  return { matches: [...matchUserPattern(compiled(source), text, budget)], cut: budget.cut };
}

describe("compileUserPattern", () => {
  it.each([
    "RISK-\\d+",
    "#\\d+",
    "(?i)\\b(?:RISK|SEC)-\\d{1,6}\\b",
    "\\p{Lu}{2,10}-\\d{1,8}",
    "(?<key>RISK)-\\d+",
    "RISK-\\u{1F525}",
    // Catastrophic in a backtracking engine, linear in RE2.
    "(a+)+$",
    "(a|aa)+$",
    "(.*a){20}",
    "^(\\w+\\s?)*$",
  ])("accepts %s", (source) => {
    expect(compileUserPattern(source).ok).toBe(true);
  });

  it.each([
    ["(a)\\1", /invalid escape sequence: `\\1`/],
    ["(?=a)", /unsupported Perl syntax: `\(\?=`/],
    ["(?<!a)b", /invalid named capture/],
    ["(", /missing closing \)/],
    ["(.*a){100}", /its RE2 program has 502 instructions, at most 200/],
  ])("refuses %s", (source, reason) => {
    const result = compileUserPattern(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it("weighs a pattern by its program and its groups", () => {
    const plain = compiled("RISK-\\d+");
    expect(compiled("(RISK)-(\\d+)").weight).toBe(
      3 * compiled("(RISK)-(\\d+)").regex.programSize(),
    );
    expect(plain.weight).toBe(plain.regex.programSize());
    expect(plain.weight).toBeLessThan(MAX_PATTERN_PROGRAM);
  });
});

describe("matchUserPattern", () => {
  it("finds the non-empty matches line by line, at their index in the text", () => {
    expect(matches("RISK-\\d+|x*", "a RISK-1\n\nRISK-22 é😀RISK-3")).toEqual({
      matches: [
        { index: 2, text: "RISK-1" },
        { index: 10, text: "RISK-22" },
        { index: 21, text: "RISK-3" },
      ],
      cut: false,
    });
  });

  it("reads ^ and $ as a line's start and end", () => {
    expect(matches("^R\\d$", "R1\nxR2\nR3x\nR4").matches.map((m) => m.text)).toEqual(["R1", "R4"]);
  });

  it("stops when the budget cannot pay for the next attempt, and says so", () => {
    const pattern = compiled("a(.*b)?");
    const budget = createPatternBudget();
    const line = "a".repeat(10_000);
    const found = [...matchUserPattern(pattern, line, budget)];
    // Each attempt is charged the rest of the line: far fewer than 10,000 attempts fit.
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(MAX_PATTERN_WORK / (5_000 * pattern.weight));
    expect(budget.cut).toBe(true);
  });

  it("shares one budget between the searches of a body", () => {
    const budget = createPatternBudget();
    const text = "x".repeat(4_000);
    expect([...matchUserPattern(compiled("y"), text, budget)]).toEqual([]);
    expect(budget.left).toBe(MAX_PATTERN_WORK - 4_001 * compiled("y").weight);
    expect(budget.cut).toBe(false);
  });
});
