import { commonCap, fitSections } from "../../../shared/core/render/fit-sections.js";

describe("commonCap", () => {
  it.each([
    { lengths: [10, 20], budget: 100, expected: Number.POSITIVE_INFINITY },
    { lengths: [10, 100, 100], budget: 110, expected: 50 },
    { lengths: [10, 100, 30], budget: 60, expected: 25 },
    { lengths: [100, 100], budget: 0, expected: 0 },
  ])("caps $lengths to $expected for a budget of $budget", ({ lengths, budget, expected }) => {
    expect(commonCap(lengths, budget)).toBe(expected);
  });
});

describe("fitSections", () => {
  const section = (body: string) => ({ open: "[", body, close: "]" });

  it("keeps everything, without the notice, when it fits", () => {
    const result = fitSections({
      head: "H",
      sections: [section("a"), section("b")],
      notice: "!",
      limit: 100,
      unit: "utf16",
    });
    expect(result).toEqual({ text: "H[a][b]", truncated: false });
  });

  it("cuts the longest section first and keeps short ones whole", () => {
    const short = "short body";
    const long = "x".repeat(5000);
    const result = fitSections({
      head: "HEAD\n",
      sections: [section(long), section(short)],
      notice: "\nNOTICE\n",
      limit: 1000,
      unit: "utf16",
    });
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(1000);
    expect(result.text.startsWith("HEAD\n[x")).toBe(true);
    expect(result.text).toContain(`[${short}]`);
    expect(result.text.endsWith("\nNOTICE\n")).toBe(true);
  });

  it("keeps the head and notice when not even the section frames fit", () => {
    const result = fitSections({
      head: "HEAD",
      sections: [{ open: "o".repeat(50), body: "b", close: "c".repeat(50) }],
      notice: "!",
      limit: 20,
      unit: "utf16",
    });
    expect(result).toEqual({ text: "HEAD!", truncated: true });
  });
});
