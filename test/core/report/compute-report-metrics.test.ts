import fc from "fast-check";
import { distribution, weekStart } from "../../../shared/core/report/compute-report-metrics.js";

describe("distribution", () => {
  it.each([
    [[], { count: 0, medianHours: null, p90Hours: null }],
    [[5], { count: 1, medianHours: 5, p90Hours: 5 }],
    [[4, 1], { count: 2, medianHours: 2.5, p90Hours: 4 }],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { count: 10, medianHours: 5.5, p90Hours: 9 }],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], { count: 11, medianHours: 6, p90Hours: 10 }],
  ])("%j", (values, expected) => {
    expect(distribution(values)).toEqual(expected);
  });

  it("p90 is the smallest value with at least 90% of values at or below it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1 }), (values) => {
        const { p90Hours } = distribution(values);
        const atOrBelow = values.filter((v) => v <= (p90Hours as number)).length;
        const below = values.filter((v) => v < (p90Hours as number)).length;
        expect(atOrBelow / values.length).toBeGreaterThanOrEqual(0.9);
        expect(below / values.length).toBeLessThan(0.9);
      }),
    );
  });
});

describe("weekStart", () => {
  it.each([
    ["2024-01-01T00:00:00Z", "2024-01-01"], // a Monday
    ["2024-01-07T23:59:59Z", "2024-01-01"], // the Sunday after
    ["2024-01-08T00:00:00Z", "2024-01-08"],
    ["1970-01-01T12:00:00Z", "1969-12-29"],
  ])("%s is in the week of %s", (time, monday) => {
    expect(new Date(weekStart(Date.parse(time))).toISOString().slice(0, 10)).toBe(monday);
  });
});
