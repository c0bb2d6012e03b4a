// `shipgate report`: reads the branch's history for the period, measures each merged pull
// request, and prints or writes the report as JSON, markdown or HTML.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import {
  buildDeliveryReport,
  type ClassifiedCommit,
} from "../../shared/core/report/build-delivery-report.js";
import { messageOf, statusOf } from "../../shared/github/github-client.js";
import type { DeliveryReport } from "../../shared/core/report/report-types.js";
import { renderReportHtml } from "../../shared/core/report/render-report-html.js";
import { renderReportJson } from "../../shared/core/report/render-report-json.js";
import { renderReportMarkdown } from "../../shared/core/report/render-report-markdown.js";
import type { ReportCommand, ReportFormat } from "../args.js";
import { cliError, isCliError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import { openRepository } from "../git/open-repository.js";
import { createReportClient } from "./github/create-report-client.js";
import { gatherGitHubFacts } from "./github/gather-github-facts.js";
import { measurePullRequests } from "./measure-pull-requests.js";
import { readHistory } from "./read-history.js";
import { resolvePeriod } from "./resolve-period.js";

export async function runReport(
  command: ReportCommand,
  io: CliIo,
  now: number = Date.now(),
): Promise<number> {
  const period = resolvePeriod(command, now);
  const dir = path.resolve(io.cwd, command.repo ?? ".");
  // The branch is opened as the "base": the same default (origin/HEAD, main, master) as check.
  const repo = await openRepository({ dir, env: io.env, base: command.branch, head: null }).catch(
    (error: unknown) => {
      // The default-branch lookup is check's, which names its own option in the hint.
      if (isCliError(error) && error.message.startsWith("cannot find a default base branch")) {
        throw cliError(
          "cannot find a default branch (no origin/HEAD, main or master): pass --branch REF",
        );
      }
      throw error;
    },
  );
  const git = { ...repo.git, cwd: repo.root };
  const seconds = { from: Math.ceil(period.from / 1000), to: Math.ceil(period.to / 1000) };
  const history = await readHistory(repo.base.sha, seconds, git);
  const measured = await measurePullRequests(history.commits, history.traces, git);
  const repository = command.github
    ? (io.env.GITHUB_REPOSITORY ?? repo.repository)
    : repo.repository;
  const github = command.github ? await readGitHub(command, io, repository, history.commits) : null;
  const report = buildDeliveryReport({
    repository,
    branch: repo.base.ref,
    period: { from: new Date(period.from).toISOString(), to: new Date(period.to).toISOString() },
    commits: history.commits,
    traces: history.traces,
    sizes: measured.sizes,
    notes: [...measured.notes, ...(github?.notes ?? [])],
    github,
  });
  const text = render(report, command.format);
  if (command.output === null) {
    io.stdout(text);
    return 0;
  }
  const file = path.resolve(io.cwd, command.output);
  try {
    await writeFile(file, text);
  } catch (error) {
    throw cliError(`cannot write ${command.output}: ${(error as Error).message}`);
  }
  io.stderr(`shipgate: wrote ${command.format} report to ${command.output}\n`);
  return 0;
}

async function readGitHub(
  command: ReportCommand,
  io: CliIo,
  repository: string | null,
  commits: readonly ClassifiedCommit[],
) {
  const token = io.env.GITHUB_TOKEN;
  if (!token)
    throw cliError(
      "--github needs a token in GITHUB_TOKEN (read access to pull requests and checks)",
    );
  if (repository === null) {
    throw cliError(
      "--github needs the repository: set GITHUB_REPOSITORY=owner/name or a github.com origin remote",
    );
  }
  const client = createReportClient({
    token,
    apiUrl: io.env.GITHUB_API_URL ?? "https://api.github.com",
    maxRequests: command.maxRequests,
  });
  const numbers = commits.flatMap(({ kind }) =>
    kind.kind === "merge" || kind.kind === "squash" ? [kind.number] : [],
  );
  try {
    const gathered = await gatherGitHubFacts(client, repository, numbers);
    return { ...gathered, requests: client.requests() };
  } catch (error) {
    const status = statusOf(error);
    throw cliError(
      `GitHub did not answer the report's requests${status === undefined ? "" : ` (HTTP ${status})`}: ${messageOf(error)}`,
    );
  }
}

function render(report: DeliveryReport, format: ReportFormat): string {
  switch (format) {
    case "json":
      return renderReportJson(report);
    case "markdown":
      return renderReportMarkdown(report);
    case "html":
      return renderReportHtml(report);
  }
}
