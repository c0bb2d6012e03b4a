import { parseCommand } from "../../../app/overrides/parse-command.js";

describe("parseCommand", () => {
  it.each([
    ["/shipgate recheck", { kind: "recheck" }],
    ["  /Shipgate   RECHECK  ", { kind: "recheck" }],
    ["Thanks!\n/shipgate recheck\nmore", { kind: "recheck" }],
    [
      "/shipgate override size Generated code, reviewed",
      { kind: "override", rule: "size", reason: "Generated code, reviewed" },
    ],
    [
      "/shipgate override Rollout-Notes  flag is off by default",
      { kind: "override", rule: "rollout-notes", reason: "flag is off by default" },
    ],
    [
      "/shipgate override size ABC1234 reviewed this commit",
      { kind: "override", rule: "size", sha: "abc1234", reason: "reviewed this commit" },
    ],
    [
      `/shipgate override coverage ${"e".repeat(40)} generated`,
      { kind: "override", rule: "coverage", sha: "e".repeat(40), reason: "generated" },
    ],
    [
      "/shipgate override size abc123 is not a commit (six digits)",
      { kind: "override", rule: "size", reason: "abc123 is not a commit (six digits)" },
    ],
  ])("%j", (body, expected) => {
    expect(parseCommand(body)).toEqual(expected);
  });

  it.each([
    ["/shipgate override size", /needs a reason/],
    ["/shipgate override size abc1234", /needs a reason/],
    ["/shipgate override", /Name the rule/],
    ["/shipgate override speed fast", /Name the rule/],
    ["/shipgate", /Unknown command/],
    ["/shipgate merge", /Unknown command/],
  ])("%j is invalid with a usage message", (body, message) => {
    const command = parseCommand(body);
    expect(command?.kind).toBe("invalid");
    expect(command?.kind === "invalid" && command.message).toMatch(message);
  });

  it.each(["LGTM", "see /shipgate recheck later", "/shipgatex recheck", ""])(
    "%j holds no command",
    (body) => expect(parseCommand(body)).toBeNull(),
  );

  it("cuts a very long reason to 500 characters", () => {
    const command = parseCommand(`/shipgate override size ${"x".repeat(900)}`);
    expect(command?.kind === "override" && command.reason.length).toBe(500);
  });
});
