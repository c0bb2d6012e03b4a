// Reading a file at a commit through the contents API.
import { readFileAtRef } from "../../shared/github/read-file-at-ref.js";
import { startSimClient, type SimClient } from "./sim-client.js";

let s: SimClient;
beforeAll(async () => {
  s = await startSimClient();
  s.sim.state.setFile("acme", "shop", "base", ".gitattributes", "*.gen.ts linguist-generated\n");
  s.sim.state.setFile("acme", "shop", "base", "docs/ünïcode.md", "héllo ✓\n");
  s.sim.state.setFile("acme", "shop", "base", ".github/shipgate.yml", "rules: {}\n");
});
afterAll(async () => {
  await s.sim.close();
  expect(s.sim.violations).toEqual([]);
});

const read = (path: string, ref = "base") =>
  readFileAtRef(s.client, { owner: "acme", repo: "shop", ref, path });

describe("readFileAtRef", () => {
  it.each([
    [".gitattributes", "*.gen.ts linguist-generated\n"],
    ["docs/ünïcode.md", "héllo ✓\n"],
    ["missing.txt", null],
    // A directory is not a file.
    [".github", null],
  ])("reads %s", async (path, text) => {
    expect(await read(path)).toBe(text);
  });

  it("is null at a ref that does not exist", async () => {
    expect(await read(".gitattributes", "nope")).toBeNull();
  });
});
