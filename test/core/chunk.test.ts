import { chunk } from "../../shared/core/chunk.js";

describe("chunk", () => {
  it.each([
    { items: [], size: 50, expected: [] },
    { items: [1, 2, 3], size: 50, expected: [[1, 2, 3]] },
    { items: [1, 2, 3, 4, 5], size: 2, expected: [[1, 2], [3, 4], [5]] },
    {
      items: [1, 2, 3, 4],
      size: 2,
      expected: [
        [1, 2],
        [3, 4],
      ],
    },
  ])("splits $items into batches of $size", ({ items, size, expected }) => {
    expect(chunk(items, size)).toEqual(expected);
  });

  it("keeps order and loses nothing across 120 items in batches of 50", () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    const batches = chunk(items, 50);
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches.flat()).toEqual(items);
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects a batch size of %p", (size) => {
    expect(() => chunk([1], size)).toThrow(/positive integer/);
  });
});
