import { renderJson, toJsonValue } from "../../../shared/core/render/render-json.js";
import { makeResult, makeVerdict } from "../../builders/make-verdict.js";

describe("renderJson", () => {
  const verdict = makeVerdict({
    rules: [
      makeResult({
        id: "coverage",
        status: "fail",
        summary: "Patch coverage 50% in `src/a\\_b.ts`",
        details: "How to fix.",
        metrics: { z: 1, a: { y: 2, b: [3, { d: 4, c: 5 }] } },
      }),
    ],
    notes: ["A **note**"],
    riskLevel: "high",
  });

  it("writes the documented shape, keys in a fixed order, two-space indent and a final newline", () => {
    expect(renderJson(verdict)).toBe(
      `${JSON.stringify(
        {
          version: 1,
          conclusion: "failure",
          riskLevel: "high",
          rules: [
            {
              id: "coverage",
              status: "fail",
              level: "block",
              summary: "Patch coverage 50% in `src/a\\_b.ts`",
              details: "How to fix.",
              metrics: { a: { b: [3, { c: 5, d: 4 }], y: 2 }, z: 1 },
            },
          ],
          notes: ["A **note**"],
        },
        null,
        2,
      )}\n`,
    );
  });

  it("parses back, without the line findings", () => {
    const parsed = JSON.parse(renderJson(verdict)) as { rules: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(["version", "conclusion", "riskLevel", "rules", "notes"]);
    expect(Object.keys(parsed.rules[0] ?? {})).toEqual([
      "id",
      "status",
      "level",
      "summary",
      "details",
      "metrics",
    ]);
  });

  it("escapes control characters, so the JSON text itself carries none", () => {
    const json = renderJson(makeVerdict({ rules: [makeResult({ summary: "\u001b[31mred" })] }));
    // eslint-disable-next-line no-control-regex
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect((JSON.parse(json) as { rules: { summary: string }[] }).rules[0]?.summary).toBe(
      "\u001b[31mred",
    );
  });
});

describe("toJsonValue", () => {
  it.each([
    { name: "NaN", value: Number.NaN, expected: null },
    { name: "Infinity", value: Number.POSITIVE_INFINITY, expected: null },
    { name: "a bigint", value: 10n, expected: "10" },
    {
      name: "a Map",
      value: new Map([
        ["b", 1],
        ["a", 2],
      ]),
      expected: { a: 2, b: 1 },
    },
    { name: "a Set", value: new Set([2, 1]), expected: [2, 1] },
    {
      name: "a Date",
      value: new Date("2024-01-02T03:04:05Z"),
      expected: "2024-01-02T03:04:05.000Z",
    },
    { name: "undefined in an array", value: [undefined], expected: [null] },
    { name: "undefined in an object", value: { a: undefined, b: 1 }, expected: { b: 1 } },
  ])("converts $name", ({ value, expected }) => {
    expect(toJsonValue(value, new Set())).toEqual(expected);
  });

  it("keeps keys named like Object.prototype members (e.g. a file called __proto__)", () => {
    const value = JSON.parse('{"__proto__": 1, "constructor": 2, "a": 3}') as unknown;
    expect(JSON.stringify(toJsonValue(value, new Set()))).toBe(
      '{"__proto__":1,"a":3,"constructor":2}',
    );
  });

  it("turns a cycle into null instead of looping", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(toJsonValue(cyclic, new Set())).toEqual({ a: 1, self: null });
  });

  it("writes a shared, non-cyclic object each time it appears", () => {
    const shared = { x: 1 };
    expect(toJsonValue({ a: shared, b: shared }, new Set())).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });
});
