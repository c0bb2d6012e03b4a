// Fetching a file from a workflow run's artifact through the simulator (302 to the zip).
import { randomBytes } from "node:crypto";
import { downloadArtifactFile } from "../../shared/github/download-artifact-file.js";
import { makeZip } from "./make-zip.js";
import { startSimClient, type SimClient } from "./sim-client.js";

let s: SimClient;
beforeEach(async () => {
  s = await startSimClient();
  s.sim.state.addRepo("acme", "shop");
});
afterEach(async () => {
  await s.sim.close();
  expect(s.sim.violations).toEqual([]);
});

const request = {
  owner: "acme",
  repo: "shop",
  runId: 42,
  artifact: "shipgate-evaluation",
  file: "evaluation.json",
};

describe("downloadArtifactFile", () => {
  it("downloads the named artifact of the run and reads the file", async () => {
    s.sim.state.addArtifact("acme", "shop", 42, {
      name: "other",
      data: makeZip({ "evaluation.json": "wrong" }),
    });
    s.sim.state.addArtifact("acme", "shop", 42, {
      name: "shipgate-evaluation",
      data: makeZip({ "evaluation.json": "right" }),
    });
    const bytes = await downloadArtifactFile(s.client, request);
    expect(Buffer.from(bytes ?? []).toString()).toBe("right");
  });

  it.each([
    ["no artifact in the run", () => {}],
    [
      "only another run's artifact",
      () =>
        s.sim.state.addArtifact("acme", "shop", 41, {
          name: "shipgate-evaluation",
          data: makeZip({ "evaluation.json": "x" }),
        }),
    ],
    [
      "an expired artifact",
      () =>
        s.sim.state.addArtifact("acme", "shop", 42, {
          name: "shipgate-evaluation",
          data: makeZip({ "evaluation.json": "x" }),
          expired: true,
        }),
    ],
  ])("is null with %s", async (_name, seed) => {
    seed();
    expect(await downloadArtifactFile(s.client, request)).toBeNull();
  });

  it("refuses an artifact far larger than an evaluation file, naming it, without downloading it", async () => {
    const noise = randomBytes(15 << 20).toString("base64");
    s.sim.state.addArtifact("acme", "shop", 42, {
      name: "shipgate-evaluation",
      data: makeZip({ "evaluation.json": noise }),
    });
    await expect(downloadArtifactFile(s.client, request)).rejects.toThrow(
      /the "shipgate-evaluation" artifact of workflow run 42 is 1\d\.\d MB; it should hold one small evaluation.json, so it was not downloaded/,
    );
    expect(s.sim.requests.filter((r) => r.path.endsWith("/zip"))).toEqual([]);
  });
});
