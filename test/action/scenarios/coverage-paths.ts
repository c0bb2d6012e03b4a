// Coverage reports written with absolute CI paths (/home/runner/work/...): in a git checkout the
// action maps them onto repository files by suffix, using `git ls-files`; without one, using the
// head commit's tree from the API, as the App does.
import { spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createSimulator, type Simulator } from "../../github-simulator/index.js";
import { createShop, HEAD_SHA, lcov, type Shop } from "../shop-scenario.js";

const RUNNER_CHECKOUT = "/home/runner/work/shop/shop";

async function makeCheckout(shop: Shop): Promise<void> {
  for (const file of ["src/cart.ts", "lib/cart.ts", "README.md"]) {
    await mkdir(path.dirname(path.join(shop.workspace, file)), { recursive: true });
    await writeFile(path.join(shop.workspace, file), "export {};\n");
  }
  for (const args of [
    ["init", "-q"],
    ["add", "."],
  ]) {
    const git = spawnSync("git", args, { cwd: shop.workspace, encoding: "utf8" });
    if (git.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${git.stderr}`);
  }
}

export function describeCoveragePaths(): void {
  describe("coverage reports with absolute CI paths", () => {
    let sim: Simulator;
    let shop: Shop;
    beforeEach(async () => {
      sim = await createSimulator();
      shop = await createShop(sim);
      await shop.writeCoverage(lcov(`${RUNNER_CHECKOUT}/src/cart.ts`, 10, 5));
    });
    afterEach(async () => {
      await sim.close();
      expect(sim.violations).toEqual([]);
    });

    it("in a git checkout, map onto the repository's files by suffix", async () => {
      await makeCheckout(shop);
      const run = await shop.run();
      expect(run.stderr).toBe("");
      expect(run.outputs["patch-coverage"]).toBe("50");
      expect(sim.state.reviewComments.map((c) => [c.path, c.startLine, c.line])).toEqual([
        ["src/cart.ts", 6, 10],
      ]);
    });

    it("outside a git checkout, map by suffix onto the head's tree read from the API", async () => {
      for (const file of ["src/cart.ts", "lib/cart.ts", "README.md"]) {
        sim.state.setFile("acme", "shop", HEAD_SHA, file, "export {};\n");
      }
      const run = await shop.run();
      expect(run.stderr).toBe("");
      expect(run.outputs["patch-coverage"]).toBe("50");
      expect(sim.requests.map((r) => r.template)).toContain(
        "/repos/{owner}/{repo}/git/trees/{tree_sha}",
      );
    });

    it("with no file list at all, take paths as written and fail closed, naming the file", async () => {
      const run = await shop.run();
      expect(run.stderr).toBe("");
      expect(run.outputs["patch-coverage"]).toBe("");
      expect(run.summary).toContain("1 changed source file not in any coverage report");
      expect(run.summary).toContain("src/cart.ts");
      expect(sim.state.reviewComments).toEqual([]);
    });
  });
}
