import {
  readAtxHeading,
  readBoldHeading,
  readSetextUnderline,
} from "../../../shared/core/markdown/read-heading.js";

describe("readAtxHeading", () => {
  it.each([
    ["# Title", { level: 1, text: "Title" }],
    ["   ###### Deep", { level: 6, text: "Deep" }],
    ["## Rollout ##  ", { level: 2, text: "Rollout" }],
    ["## C#", { level: 2, text: "C#" }],
    ["##", { level: 2, text: "" }],
    ["## ###", { level: 2, text: "" }],
    ["#\tTabbed", { level: 1, text: "Tabbed" }],
    ["####### Seven", null],
    ["#NoSpace", null],
    ["    # Indented code", null],
  ])("%j", (line, expected) => {
    expect(readAtxHeading(line)).toEqual(expected);
  });
});

describe("readSetextUnderline", () => {
  it.each([
    ["===", 1],
    ["  -  ", 2],
    ["-", 2],
    ["--- x", null],
    ["=-=", null],
    ["    ---", null],
    ["", null],
  ])("%j", (line, expected) => {
    expect(readSetextUnderline(line)).toBe(expected);
  });
});

describe("readBoldHeading", () => {
  it.each([
    ["**Rollout**", { text: "Rollout" }],
    ["__Rollout:__", { text: "Rollout:" }],
    ["**Rollout**:", { text: "Rollout" }],
    ["**Rollout:** canary first", { text: "Rollout:", rest: "canary first" }],
    ["**Rollout**: canary first", { text: "Rollout", rest: "canary first" }],
    ["****", null],
    ["**unclosed", null],
    ["*italic*", null],
    ["Text **bold**", null],
  ])("%j", (line, expected) => {
    expect(readBoldHeading(line)).toEqual(expected);
  });
});
