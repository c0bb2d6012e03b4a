import { traceMerges, type GraphCommit } from "../../../shared/core/report/trace-merges.js";

/** `sha: parents@authorTime`, e.g. `m2: m1 b1@5`. */
function graphOf(spec: Record<string, string>): Map<string, GraphCommit> {
  return new Map(
    Object.entries(spec).map(([sha, text]) => {
      const [parents = "", time = "0"] = text.split("@");
      return [sha, { parents: parents.split(" ").filter(Boolean), authorTime: Number(time) }];
    }),
  );
}

describe("traceMerges", () => {
  it("finds the branch's commits and the newest first-parent commit it forked from", () => {
    //  m0 - m1 - m2 (merges b2)
    //    \- b1 - b2
    const graph = graphOf({ m0: "@0", m1: "m0@1", b1: "m0@5", b2: "b1@3", m2: "m1 b2@9" });
    expect(traceMerges(["m2", "m1", "m0"], graph).get("m2")).toEqual({
      commits: 2,
      firstAuthorTime: 3,
      mergeBase: "m0",
    });
  });

  it("takes the newest first-parent commit when the branch merged its base in", () => {
    const graph = graphOf({ m0: "@0", m1: "m0@1", b1: "m0@5", b2: "b1 m1@6", m2: "m1 b2@9" });
    expect(traceMerges(["m2", "m1", "m0"], graph).get("m2")).toEqual({
      commits: 2,
      firstAuthorTime: 5,
      mergeBase: "m1",
    });
  });

  it("leaves out commits an earlier merge brought in, and leaves that merge base to git", () => {
    // b2 is stacked on b1; m1 merged b1 first.
    const graph = graphOf({ m0: "@0", b1: "m0@2", m1: "m0 b1@3", b2: "b1@4", m2: "m1 b2@9" });
    const traces = traceMerges(["m2", "m1", "m0"], graph);
    expect(traces.get("m1")).toEqual({ commits: 1, firstAuthorTime: 2, mergeBase: "m0" });
    expect(traces.get("m2")).toEqual({ commits: 1, firstAuthorTime: 4, mergeBase: null });
  });

  it("leaves the merge base to git when the branch reaches outside the loaded history", () => {
    const graph = graphOf({ m1: "old@1", b1: "older@2", m2: "m1 b1@3" });
    expect(traceMerges(["m2", "m1"], graph).get("m2")).toEqual({
      commits: 1,
      firstAuthorTime: 2,
      mergeBase: null,
    });
  });

  it("says nothing was brought in when the second parent is already on the line", () => {
    const graph = graphOf({ m0: "@0", m1: "m0@1", m2: "m1 m0@2" });
    expect(traceMerges(["m2", "m1", "m0"], graph).get("m2")).toEqual({
      commits: 0,
      firstAuthorTime: null,
      mergeBase: "m0",
    });
  });
});
