// The e2e world: acme/shop on the simulator with pull request #7 changing src/cart.ts, a config
// at the base commit, and a workspace holding the coverage report the tests wrote.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSimulator, type PrFileSeed, type Simulator } from "../github-simulator/index.js";
import { toPrFile } from "../github-simulator/to-pr-file.js";
import { pullRequestPayload } from "./payloads.js";
import { runBundledAction, type ActionRun, type ActionRunOptions } from "./run-bundled-action.js";

export const BASE_SHA = "1".repeat(40);
export const HEAD_SHA = "2".repeat(40);
export const NEXT_HEAD_SHA = "3".repeat(40);
export const CONFIG_PATH = ".github/shipgate.yml";

/** Size and coverage only, so each scenario says exactly what it is about. */
export const BASE_CONFIG = [
  "rules:",
  "  rollout-notes:",
  "    level: off",
  "  linked-risks:",
  "    level: off",
  "  dependencies:",
  "    level: off",
  "  focus:",
  "    level: off",
  "  coverage:",
  "    min-patch: 80",
  "    min-coverable-lines: 1",
  "",
].join("\n");

export function addedLines(path: string, count: number): PrFileSeed {
  const lines = Array.from({ length: count }, (_, i) => `+const line${i + 1} = ${i + 1};`);
  return {
    filename: path,
    status: "added",
    patch: [`@@ -0,0 +1,${count} @@`, ...lines].join("\n"),
  };
}

/** LCOV for `file`: lines 1..total executable, the first `covered` of them run. */
export function lcov(file: string, total: number, covered: number): string {
  const lines = Array.from({ length: total }, (_, i) => `DA:${i + 1},${i < covered ? 1 : 0}`);
  return ["TN:", `SF:${file}`, ...lines, `LF:${total}`, `LH:${covered}`, "end_of_record", ""].join(
    "\n",
  );
}

export interface ShopOptions {
  files?: PrFileSeed[];
  body?: string;
  title?: string;
  baseConfig?: string | null;
  /** Omits changed_files from the payload (as if unknown). */
  changedFiles?: number;
}

export interface Shop {
  workspace: string;
  headSha: string;
  payload(overrides?: {
    action?: string;
    headSha?: string;
    fork?: boolean;
  }): Record<string, unknown>;
  writeCoverage(text: string): Promise<void>;
  /** Moves the pull request to a new head commit (a push). */
  push(headSha: string, files?: PrFileSeed[]): void;
  run(options?: Partial<ActionRunOptions>): Promise<ActionRun>;
}

export async function createShop(sim: Simulator, options: ShopOptions = {}): Promise<Shop> {
  const files = options.files ?? [addedLines("src/cart.ts", 10)];
  const issue = sim.state.addPullRequest("acme", "shop", {
    number: 7,
    title: options.title ?? "Add the cart",
    body: options.body ?? "",
    user: "alice",
    base: { ref: "main", sha: BASE_SHA },
    head: { ref: "feature", sha: HEAD_SHA },
    files,
  });
  const baseConfig = options.baseConfig === undefined ? BASE_CONFIG : options.baseConfig;
  // Something must exist at the base commit for the contents API to know the ref.
  sim.state.setFile("acme", "shop", BASE_SHA, "README.md", "# shop\n");
  if (baseConfig !== null) sim.state.setFile("acme", "shop", BASE_SHA, CONFIG_PATH, baseConfig);
  const workspace = await mkdtemp(path.join(tmpdir(), "shipgate-shop-"));

  const shop: Shop = {
    workspace,
    headSha: HEAD_SHA,
    payload: (overrides = {}) =>
      pullRequestPayload({
        owner: "acme",
        repo: "shop",
        number: 7,
        action: overrides.action ?? "opened",
        title: issue.title,
        body: issue.body ?? "",
        baseSha: BASE_SHA,
        headSha: overrides.headSha ?? shop.headSha,
        changedFiles: options.changedFiles ?? issue.pull?.files.length ?? 0,
        fork: overrides.fork ?? false,
      }),
    async writeCoverage(text) {
      await mkdir(path.join(workspace, "coverage"), { recursive: true });
      await writeFile(path.join(workspace, "coverage/lcov.info"), text);
    },
    push(headSha, newFiles) {
      if (!issue.pull) return;
      issue.pull.head.sha = headSha;
      shop.headSha = headSha;
      if (newFiles) issue.pull.files = newFiles.map(toPrFile);
    },
    run: (runOptions = {}) =>
      runBundledAction({
        apiUrl: sim.url,
        graphqlUrl: sim.graphqlUrl,
        event: "pull_request",
        payload: shop.payload(),
        workspace,
        ...runOptions,
      }),
  };
  return shop;
}

export interface SimulatorFixture {
  readonly sim: Simulator;
}

/** A fresh simulator for each test, closed after it with no OpenAPI violations recorded. */
export function useSimulator(): SimulatorFixture {
  let sim: Simulator | undefined;
  beforeEach(async () => {
    sim = await createSimulator();
  });
  afterEach(async () => {
    await sim?.close();
    expect(sim?.violations).toEqual([]);
  });
  return {
    get sim() {
      if (!sim) throw new Error("the simulator exists only inside a test");
      return sim;
    },
  };
}

export interface ShopFixture extends SimulatorFixture {
  readonly shop: Shop;
}

/** The shop pull request with cart.ts half covered (5 of 10 lines), fresh for each test. */
export function useShop(): ShopFixture {
  const fixture = useSimulator();
  let shop: Shop | undefined;
  beforeEach(async () => {
    shop = await createShop(fixture.sim);
    await shop.writeCoverage(lcov("src/cart.ts", 10, 5));
  });
  return {
    get sim() {
      return fixture.sim;
    },
    get shop() {
      if (!shop) throw new Error("the shop exists only inside a test");
      return shop;
    },
  };
}
