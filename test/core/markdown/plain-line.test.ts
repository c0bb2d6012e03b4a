import { plainLine } from "../../../shared/core/markdown/plain-line.js";

describe("plainLine", () => {
  it.each([
    ["Rollback: revert", "Rollback: revert", null],
    ["  - **Rollback:** revert", "Rollback: revert", null],
    ["> 1. `Rollback`: ~~no~~ revert", "Rollback: no revert", null],
    ["### __Monitoring__", "Monitoring", null],
    ["- [x] Rollback tested", "Rollback tested", "ticked"],
    ["* [X] Rollback tested", "Rollback tested", "ticked"],
    ["- [ ] Rollback tested", "Rollback tested", "unticked"],
    ["Rollback: <describe how>", "Rollback:", null],
    ["errors < 1% and p99 <200ms", "errors < 1% and p99 <200ms", null],
    ["Rollback: <unclosed tag", "Rollback: <unclosed tag", null],
  ])("%j reads as %j", (line, text, checkbox) => {
    expect(plainLine(line)).toEqual({ text, checkbox });
  });
});
