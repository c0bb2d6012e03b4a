// The App under attack (printed figures, not a test): `npx tsx scripts/bench/app-attacks.ts`.
// Each attack runs against a fresh App process (build/app.mjs, against the simulator) while /ping
// is timed every 50 ms and the process's peak resident memory (VmHWM) is read from /proc.
import {
  checkRunsOf,
  lcovBombZip,
  MB,
  postHugeBody,
  seedCoveragePull,
  startAttackTarget,
  watchProcess,
  type AttackTarget,
  type PostResult,
} from "../../test/security/app-attack-kit.js";
import { makeZip } from "../../test/github/make-zip.js";

interface Row {
  attack: string;
  answers: string;
  peakRssMb: number;
  longestPingMs: number;
  evaluations: string;
  survived: boolean;
}

async function measure(
  attack: string,
  run: (target: AttackTarget) => Promise<{ answers: string; evaluations: string }>,
): Promise<Row> {
  const target = await startAttackTarget();
  const watch = watchProcess(target.app);
  try {
    const { answers, evaluations } = await run(target);
    const figures = await watch.stop();
    return { attack, answers, evaluations, ...figures };
  } finally {
    await target.close();
  }
}

const describe = (results: PostResult[]) =>
  [...new Set(results.map((r) => (r.status === null ? "connection closed" : String(r.status))))]
    .map((status) => {
      const mine = results.filter((r) => String(r.status ?? "connection closed") === status);
      const slowest = Math.max(...mine.map((r) => r.ms));
      const sent = Math.max(...mine.map((r) => r.sentBytes)) / MB;
      return `${mine.length} × ${status} (slowest ${slowest} ms, ≤ ${Math.round(sent)} MB sent)`;
    })
    .join(", ");

const webhook = (count: number, size: number, contentLength: "honest" | "absent") => () =>
  measure(
    `${count} unsigned ${size / MB} MB POST${count > 1 ? "s at once" : ""}, ${contentLength === "honest" ? "Content-Length" : "chunked, no Content-Length"}`,
    async ({ app }) => {
      const results = await Promise.all(
        Array.from({ length: count }, () => postHugeBody(app.url, size, contentLength)),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { answers: describe(results), evaluations: "—" };
    },
  );

const artifact = (count: number, zip: Buffer) => () =>
  measure(
    `${count} coverage artifact${count > 1 ? "s at once" : ""}: a ${(zip.length / MB).toFixed(1)} MB zip inflating to 250 MB of LCOV`,
    async ({ sim, app }) => {
      const pulls = Array.from({ length: count }, (_, i) => seedCoveragePull(sim, 40 + i, zip));
      const sends = pulls.map((pull) =>
        app.send("workflow_run", pull.event).then(
          (r) => String(r.status),
          () => "no answer",
        ),
      );
      const deadline = Date.now() + 180_000;
      const settled = () =>
        pulls.every((p) => {
          const runs = checkRunsOf(sim, p.headSha);
          return runs.completed.length > 0 && runs.inProgress.length === 0;
        });
      while (!settled() && app.alive() && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const answers = (await Promise.all(sends)).join(", ");
      const completed = pulls.filter((p) => checkRunsOf(sim, p.headSha).completed.length > 0);
      const stuck = pulls.filter((p) => checkRunsOf(sim, p.headSha).inProgress.length > 0);
      const titles = [
        ...new Set(
          pulls.flatMap((p) => checkRunsOf(sim, p.headSha).completed.map((r) => r.output.title)),
        ),
      ].join("; ");
      return {
        answers,
        evaluations: `${completed.length} of ${count} completed, ${stuck.length} left in progress${titles ? ` ("${titles}")` : ""}`,
      };
    },
  );

/** LCOV for src/module-1.ts … src/module-N.ts, 20 lines each, every third line not run. */
const wideLcov = (files: number) =>
  Array.from(
    { length: files },
    (_, i) =>
      `SF:src/module-${i + 1}.ts\n${Array.from({ length: 20 }, (_, j) => `DA:${j + 1},${j % 3 ? 1 : 0}`).join("\n")}\nend_of_record`,
  ).join("\n");

const widePull = (files: number) => () =>
  measure(
    `a ${files.toLocaleString("en")}-file pull request with its ${files.toLocaleString("en")}-file LCOV`,
    async ({ sim, app }) => {
      const pull = seedCoveragePull(sim, 60, makeZip({ "lcov.info": wideLcov(files) }), files);
      const answer = await app.send("workflow_run", pull.event);
      const deadline = Date.now() + 180_000;
      while (checkRunsOf(sim, pull.headSha).completed.length === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const [run] = checkRunsOf(sim, pull.headSha).completed;
      return {
        answers: String(answer.status),
        evaluations: run ? `completed: ${run.conclusion}` : "not completed",
      };
    },
  );

console.log("\n## shipgate App under attack (build/app.mjs, one instance, one attack per process)");
const zip = await lcovBombZip(250 * MB);
const scenarios = [
  () =>
    measure("none (idle, 2 s)", async () => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      return { answers: "—", evaluations: "—" };
    }),
  webhook(1, 200 * MB, "honest"),
  webhook(1, 200 * MB, "absent"),
  webhook(8, 300 * MB, "absent"),
  artifact(1, zip),
  artifact(3, zip),
  widePull(3000),
];
console.log(
  "| attack | the App's answers | peak RSS | longest /ping | evaluations | process survived |",
);
console.log("|---|---|---|---|---|---|");
for (const scenario of scenarios) {
  const r = await scenario();
  console.log(
    `| ${r.attack} | ${r.answers} | ${r.peakRssMb} MB | ${r.longestPingMs} ms | ${r.evaluations} | ${r.survived ? "yes" : "**no**"} |`,
  );
}
process.exit(0);
