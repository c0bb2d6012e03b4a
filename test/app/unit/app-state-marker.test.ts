import fc from "fast-check";
import {
  appStateTrailer,
  decodeAppState,
  encodeAppState,
} from "../../../shared/core/app-state-marker.js";
import { MAX_REASON_CHARS } from "../../../app/overrides/parse-command.js";
import { RULE_IDS } from "../../../shared/core/rules/rule-definitions.js";
import { MAX_TRAILER_CHARS, renderComment } from "../../../shared/core/render/render-comment.js";
import { makeVerdict } from "../../builders/make-verdict.js";
import {
  EMPTY_STATE,
  stateForHead,
  type AppState,
} from "../../../app/overrides/override-record.js";

const state = (reason: string): AppState => ({
  version: 1,
  overrides: [
    { rule: "size", by: "maria", at: "2026-03-01T12:00:00Z", reason, sha: "c".repeat(40) },
  ],
  coverageRun: { sha: "c".repeat(40), runId: 5 },
});

describe("the hidden state marker", () => {
  it("round-trips any reason, and no reason can close the HTML comment", () => {
    fc.assert(
      fc.property(fc.string(), (reason) => {
        const encoded = encodeAppState(state(reason));
        expect(encoded.indexOf("-->")).toBe(encoded.length - 3);
        expect(encoded.slice(4, -3)).not.toMatch(/[<>\n]/);
        expect(decodeAppState(`body\n${encoded}\n`)).toEqual(state(reason));
      }),
    );
  });

  it.each([
    ["no marker", "<!-- shipgate:v1 -->\nhello"],
    ["broken JSON", "<!-- shipgate:state {nope} -->"],
    ["a forged override without fields", '<!-- shipgate:state {"overrides":[{"rule":"size"}]} -->'],
    [
      "an unknown rule",
      '<!-- shipgate:state {"overrides":[{"rule":"x","by":"a","at":"b","reason":"c","sha":"d"}]} -->',
    ],
  ])("reads %s as empty", (_name, body) => {
    expect(decodeAppState(body)).toEqual(EMPTY_STATE);
  });

  it("rides at the end of the sticky comment and is read back from it; none when empty", () => {
    const body = renderComment(makeVerdict(), { trailer: appStateTrailer(state("a")) });
    expect(body.match(/shipgate:state/g)).toHaveLength(1);
    expect(decodeAppState(body)).toEqual(state("a"));
    expect(appStateTrailer(EMPTY_STATE)).toBe("");
  });

  it("fits renderComment's trailer limit at its largest (every rule overridden, worst-case reasons)", () => {
    const worst: AppState = {
      version: 1,
      // Every character of the reason escapes to six (`\u003c`).
      overrides: RULE_IDS.map((rule) => ({
        rule,
        by: "x".repeat(39),
        at: "2026-03-01T12:00:00Z",
        reason: "<".repeat(MAX_REASON_CHARS),
        sha: "c".repeat(40),
      })),
      coverageRun: { sha: "c".repeat(40), runId: Number.MAX_SAFE_INTEGER, artifactMissing: true },
    };
    expect(appStateTrailer(worst).length).toBeLessThanOrEqual(MAX_TRAILER_CHARS);
  });

  it("drops overrides and the coverage run of other head commits", () => {
    expect(stateForHead(state("a"), "d".repeat(40))).toEqual(EMPTY_STATE);
    expect(stateForHead(state("a"), "c".repeat(40))).toEqual(state("a"));
  });
});
