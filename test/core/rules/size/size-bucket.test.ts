import { sizeBucket } from "../../../../shared/core/rules/size/size-bucket.js";

describe("sizeBucket", () => {
  it.each([
    [0, "XS"],
    [10, "XS"],
    [11, "S"],
    [30, "S"],
    [31, "M"],
    [100, "M"],
    [101, "L"],
    [500, "L"],
    [501, "XL"],
    [1000, "XL"],
    [1001, "XXL"],
    [1_000_000, "XXL"],
  ])("%i counted lines is %s", (lines, bucket) => {
    expect(sizeBucket(lines)).toBe(bucket);
  });
});
