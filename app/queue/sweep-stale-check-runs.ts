// The backstop for "no check run is ever left in progress": at start-up and then every interval,
// find this App's `shipgate` check runs that have been `in_progress` longer than a timeout on the
// current head of an open pull request, and queue a re-evaluation into each (a `stale_check` job;
// process-evaluation-job.ts completes the run, or leaves it if it was completed meanwhile).
// A check run blocks a merge until it completes, so re-evaluating beats completing it as neutral.
//
// Bounded: a sweep walks installations → repositories → open pull requests, at most
// `maxRepositories` repositories and `maxRequests` API requests per sweep, and continues where it
// stopped at the next one (every repository is visited in turn, however many there are); per
// repository, only the `maxPulls` most recently updated open pull requests are looked at. One
// instance sweeps at a time (a lease in the job store).
import type { GitHubClient } from "../../shared/github/github-client.js";
import { listCheckRuns } from "../../shared/github/list-check-runs.js";
import type { AppLogger } from "../app-logger.js";
import type { EvaluationQueue } from "./create-evaluation-queue.js";

export interface StaleCheckSweepOptions {
  queue: EvaluationQueue;
  /** The App's own client (JWT) without an id; an installation's client with one. */
  /**
   * A client for the App (no id) or an installation, whose requests and retries stop when
   * `signal` is aborted: stop() aborts it, so a redeploy does not wait for GitHub's retries.
   */
  auth(installationId: number | undefined, signal: AbortSignal): Promise<GitHubClient>;
  log: AppLogger;
  now?: () => Date;
  /** A check run in progress longer than this is stale (STALE_CHECK_MINUTES, default 10). */
  staleAfterMs: number;
  /** Time between sweeps (STALE_CHECK_SWEEP_MINUTES, default 5); 0: only the one at start-up. */
  everyMs: number;
  /**
   * Until one sweep has run, a failed one is tried again after this (default 5 s): at start-up the
   * job store's Redis connection is often not ready yet, and the next interval is minutes away.
   */
  retryMs?: number;
  /** Repositories looked at per sweep (STALE_CHECK_SWEEP_REPOSITORIES, default 20). */
  maxRepositories?: number;
  /** Open pull requests looked at per repository, most recently updated first (default 20). */
  maxPulls?: number;
  /** API requests per sweep, listings included (default 500). */
  maxRequests?: number;
  /** Told of each sweep's figures (logs; tests). */
  onSwept?: (report: SweepReport) => void;
}

export interface SweepReport {
  /** Another instance held the sweep's lease: this one did nothing. */
  skipped: boolean;
  repositories: number;
  pulls: number;
  requests: number;
  /** Stale check runs a re-evaluation was queued for (not counting ones already queued). */
  requeued: number;
}

export interface StaleCheckSweep {
  /** One sweep now. */
  sweep(): Promise<SweepReport>;
  /** A sweep now and one every `everyMs` (skipped while the previous one still runs). */
  start(): void;
  /** No more sweeps; the one running (if any) stops at its next request, and is awaited. */
  stop(): Promise<void>;
}

interface Repository {
  installationId: number;
  owner: string;
  repo: string;
}

const PAGE = 100;
const LEASE_MS = 60_000;

export function createStaleCheckSweep(options: StaleCheckSweepOptions): StaleCheckSweep {
  const maxRepositories = options.maxRepositories ?? 20;
  const maxPulls = options.maxPulls ?? 20;
  const maxRequests = options.maxRequests ?? 500;
  const now = options.now ?? (() => new Date());
  // The walk outlives a sweep: the next sweep continues with the repositories after the last one.
  let walk: AsyncGenerator<Repository | "request"> | undefined;
  let slug: string | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<SweepReport> | undefined;
  let swept = false;
  let stopped = false;
  const abort = new AbortController();
  const auth = (installationId?: number) => options.auth(installationId, abort.signal);

  const sweepOnce = async (): Promise<SweepReport> => {
    const report: SweepReport = {
      skipped: false,
      repositories: 0,
      pulls: 0,
      requests: 0,
      requeued: 0,
    };
    const lease = await options.queue.store.lease("shipgate-stale-check-sweep", LEASE_MS);
    if (!lease) return { ...report, skipped: true };
    try {
      if (slug === undefined) {
        const app = await auth();
        report.requests++;
        slug = String(((await app.request("GET /app")).data as { slug?: string }).slug ?? "");
      }
      const started = now().getTime();
      while (report.repositories < maxRepositories && report.requests < maxRequests) {
        walk ??= walkRepositories(auth);
        const next = await walk.next();
        if (next.done) {
          walk = undefined;
          break; // every repository visited: the next sweep starts over
        }
        if (next.value === "request") {
          report.requests++;
          continue;
        }
        report.repositories++;
        await sweepRepository(next.value, started, report);
      }
    } finally {
      await lease.release().catch(() => undefined);
    }
    return report;
  };

  const sweepRepository = async (at: Repository, started: number, report: SweepReport) => {
    const client = await auth(at.installationId);
    const repo = { owner: at.owner, repo: at.repo };
    report.requests++;
    const pulls = (
      await client.request("GET /repos/{owner}/{repo}/pulls", {
        ...repo,
        state: "open",
        sort: "updated",
        direction: "desc",
        per_page: maxPulls,
      })
    ).data as { number: number; head: { sha: string } }[];
    for (const pull of pulls.slice(0, maxPulls)) {
      if (report.requests >= maxRequests) return;
      report.pulls++;
      report.requests++;
      const runs = await listCheckRuns(client, repo, pull.head.sha, { status: "in_progress" });
      for (const run of runs) {
        const since = Date.parse(run.started_at ?? "");
        if (run.status !== "in_progress" || run.app?.slug !== slug) continue;
        if (!(started - since > options.staleAfterMs)) continue;
        // One id per run and timeout window: instances sweeping the same window queue it once,
        // and a re-evaluation that got stuck again is queued again in a later window.
        const window = Math.floor(started / options.staleAfterMs);
        const added = await options.queue.add({
          kind: "stale_check",
          deliveryId: `stale-check-run-${run.id}-${window}`,
          installationId: at.installationId,
          ...repo,
          number: pull.number,
          headSha: pull.head.sha,
          checkRunId: run.id,
        });
        if (added === "queued") {
          report.requeued++;
          options.log.warn(
            {
              jobId: `stale-check-run-${run.id}-${window}`,
              pr: `${at.owner}/${at.repo}#${pull.number}`,
              head: pull.head.sha,
              checkRunId: run.id,
            },
            `shipgate: ${at.owner}/${at.repo}#${pull.number}: check run ${run.id} in progress since ${run.started_at ?? "?"}; re-evaluating`,
          );
        }
      }
    }
  };

  const sweep = async () => {
    running ??= sweepOnce().finally(() => void (running = undefined));
    const report = await running;
    swept = true;
    options.onSwept?.(report);
    return report;
  };
  const tick = () => {
    if (running) return;
    sweep().catch((error: unknown) => {
      options.log.warn({ err: error }, "shipgate: the sweep for stale check runs failed");
      if (swept || stopped) return;
      clearTimeout(retry);
      retry = setTimeout(tick, options.retryMs ?? 5000);
      retry.unref();
    });
  };

  return {
    sweep,
    start() {
      tick();
      if (options.everyMs > 0 && !timer) {
        timer = setInterval(tick, options.everyMs);
        timer.unref();
      }
    },
    async stop() {
      stopped = true;
      // The sweep in flight ends at its next request or retry; a later sweep would find the rest.
      abort.abort(new Error("shipgate is stopping"));
      clearInterval(timer);
      clearTimeout(retry);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}

/** Every repository of every installation, page by page; "request" after each listing request. */
async function* walkRepositories(
  auth: (installationId?: number) => Promise<GitHubClient>,
): AsyncGenerator<Repository | "request"> {
  const app = await auth();
  for (let page = 1; ; page++) {
    const installations = (await app.request("GET /app/installations", { per_page: PAGE, page }))
      .data as { id: number; suspended_at?: string | null }[];
    yield "request";
    for (const installation of installations) {
      if (installation.suspended_at) continue;
      const client = await auth(installation.id);
      for (let repoPage = 1; ; repoPage++) {
        const { repositories } = (
          await client.request("GET /installation/repositories", { per_page: PAGE, page: repoPage })
        ).data as {
          repositories: { name: string; archived?: boolean; owner: { login: string } }[];
        };
        yield "request";
        for (const repo of repositories) {
          if (repo.archived) continue;
          yield { installationId: installation.id, owner: repo.owner.login, repo: repo.name };
        }
        if (repositories.length < PAGE) break;
      }
    }
    if (installations.length < PAGE) return;
  }
}
