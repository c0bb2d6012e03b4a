// Parity on the field corpus: the CLI, the bundled Action and the App, each run the way users run
// it, give the same JSON verdict on real reports whose paths only map with the head's file list
// (absolute CI paths, JaCoCo packages in two modules, a Go module in a subfolder), and fail closed
// alike when no report names the change. Issue 7, "Parity".
//
// One field case is one pull request: buildFieldRepo's repository is the CLI's repository and
// the Action's workspace; the simulator holds the same commits (every base file at the base sha,
// every head file at the head sha, so the App's recursive tree read and go.mod reads see them),
// the pull request's files with `git diff`'s own patches, and the reports zipped at their
// repository paths as the CI artifact the App waits for. See test/helpers/parity-adapters.ts
// for how the Action and the App are run and what is read from them.
import { pullRequestEvent } from "../app/payload-builders.js";
import type { Scenario } from "../app/webhook-payloads.js";
import { createSimulator, generateAppKey } from "../github-simulator/index.js";
import {
  buildFieldRepo,
  coverageRuleOf,
  FIELD_CONFIG,
  loadFieldCases,
  runFieldCli,
  type FieldCase,
  type FieldCliRun,
  type FieldRepo,
} from "../helpers/field-case.js";
import { readFieldPullRequest, seedFieldPullRequest } from "../helpers/field-pull-request.js";
import {
  runActionOnPullRequest,
  runAppOnPullRequest,
  type AppPublished,
  type Published,
} from "../helpers/parity-adapters.js";

/**
 * One case per ecosystem with absolute CI paths (a runner of each OS), the JaCoCo multi-module
 * case, the Go module in a subfolder, and a report that names none of the changed files.
 */
const CASE_NAMES = [
  "abs-js-linux",
  "abs-python-macos",
  "abs-go-windows",
  "java-two-modules",
  "go-submodule",
  "unmappable-report",
];
const cases = loadFieldCases().filter((c) => CASE_NAMES.includes(c.name));

const SCENARIO: Scenario = { owner: "acme", repo: "field", installationId: 77 };
const NUMBER = 7;
const RUN = { id: 901, path: ".github/workflows/ci.yml" };
/** The corpus's gate, with coverage read by the App from the CI run's `coverage` artifact. */
const CONFIG = `${FIELD_CONFIG}  coverage:
    artifact: { workflow: ci.yml, name: coverage }
`;

const key = generateAppKey();
const repos: FieldRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

interface Runs {
  cli: FieldCliRun;
  action: Published;
  app: AppPublished;
}

/** Builds the case's repository and pull request, and runs the three adapters on it once. */
function runCase(fieldCase: FieldCase): () => Runs {
  let runs: Runs | undefined;
  beforeAll(async () => {
    const repo = buildFieldRepo(fieldCase, CONFIG);
    repos.push(repo);
    const pr = readFieldPullRequest(repo);
    const sim = await createSimulator({ app: key.app });
    try {
      sim.state.addInstallation({ account: SCENARIO.owner, id: SCENARIO.installationId });
      seedFieldPullRequest(sim, { ...SCENARIO, number: NUMBER, runId: RUN.id }, pr);
      const payload = pullRequestEvent(
        "opened",
        { number: NUMBER, headSha: pr.headSha, baseSha: pr.baseSha, title: pr.title, body: "" },
        SCENARIO,
      );
      (payload.pull_request as { changed_files: number }).changed_files = pr.files.length;

      const cli = runFieldCli(repo);
      const action = await runActionOnPullRequest({
        sim,
        scenario: SCENARIO,
        number: NUMBER,
        payload,
        workspace: repo.dir,
        // The default `comment: auto`, as the App runs: its `pending` verdict (waiting for the
        // artifact) creates no comment, so both comment only when the final verdict needs it.
        inputs: { coverage: repo.reports.join("\n") },
      });
      const app = await runAppOnPullRequest({
        sim,
        key,
        scenario: SCENARIO,
        number: NUMBER,
        headSha: pr.headSha,
        payload: structuredClone(payload),
        run: RUN,
      });
      runs = { cli, action, app };
    } finally {
      await sim.close();
    }
  }, 120_000);
  return () => {
    if (runs === undefined) throw new Error(`${fieldCase.name}: the adapters did not run`);
    return runs;
  };
}

it("runs the cases the brief names, one per ecosystem with absolute paths", () => {
  expect(cases.map((c) => c.name).sort()).toEqual([...CASE_NAMES].sort());
});

describe.each(cases.map((c) => [c.name, c] as const))("%s", (_name, fieldCase) => {
  const runs = runCase(fieldCase);

  it("the App publishes coverage pending, then the verdict with the artifact's reports", () => {
    const statuses = runs().app.verdicts.map(
      (v) => v.rules.find((r) => r.id === "coverage")?.status,
    );
    expect(statuses).toEqual(["pending", coverageRuleOf(runs().action.json).status]);
  });

  it("the Action and the App publish byte-identical JSON verdicts and sticky comments", () => {
    const { action, app } = runs();
    expect(app.json).toBe(action.json);
    // A passing verdict gets no comment from either; any other gets one, the same from both.
    const passing = (JSON.parse(action.json) as { conclusion: string }).conclusion === "success";
    expect(app.comments).toHaveLength(passing ? 0 : 1);
    expect(app.comments).toEqual(action.comments);
  });

  it("the Action and the App put the same review comments on the same lines", () => {
    const { action, app } = runs();
    expect(app.reviewComments).toEqual(action.reviewComments);
    // On the answer's uncovered lines: every one inside a comment's range, every range bounded
    // by two of them (a range may step over lines no report records).
    const uncovered = fieldCase.answer?.uncovered ?? [];
    const inRange = uncovered.flatMap(({ path, lines }) =>
      lines.filter((line) =>
        action.reviewComments.some(
          (c) => c.path === path && (c.startLine ?? c.line ?? 0) <= line && line <= (c.line ?? 0),
        ),
      ),
    );
    expect(inRange).toEqual(uncovered.flatMap(({ lines }) => lines));
    for (const c of action.reviewComments) {
      const lines = uncovered.find((u) => u.path === c.path)?.lines ?? [];
      expect([c.startLine ?? c.line, c.line].every((n) => lines.includes(n ?? 0))).toBe(true);
    }
  });

  // Compared byte for byte, nothing normalised: the JSON contract carries no repository, number,
  // refs or shas; what only GitHub knows (whether a linked item exists) feeds linked-risks, which
  // the corpus config turns off; the pull request's title and body are the head commit's, as
  // the CLI reads them. The CLI's one note of its own (base equal to head) cannot occur here:
  // the feature branch is a commit ahead of main.
  it("the CLI prints the same JSON verdict", () => {
    const { cli, action } = runs();
    expect(cli.json).toBe(action.json);
  });

  /** The coverage rule as each adapter published it. */
  const coverageByAdapter = () => {
    const { cli, action, app } = runs();
    return [cli.json, action.json, app.json].map(coverageRuleOf);
  };

  if (fieldCase.expect === "figure") {
    const answer = fieldCase.answer;
    it(`all three measure the answer: ${answer?.covered}/${answer?.coverable} lines`, () => {
      for (const { metrics } of coverageByAdapter()) {
        expect({
          coverable: metrics.coverableLines,
          covered: metrics.coveredLines,
          uncovered: metrics.uncovered,
          unmapped: metrics.unmapped,
        }).toEqual({
          coverable: answer?.coverable,
          covered: answer?.covered,
          uncovered: answer?.uncovered,
          unmapped: [],
        });
      }
    });
  } else {
    it(`all three fail closed: "${fieldCase.failReasonIncludes}"`, () => {
      for (const { status, summary, details } of coverageByAdapter()) {
        expect(status).toBe("fail");
        const text = `${summary}\n${details}`;
        expect(text).toContain(fieldCase.failReasonIncludes);
        for (const path of fieldCase.unmapped ?? []) expect(text).toContain(path);
      }
      expect(runs().cli.code).toBe(1);
    });
  }
});
