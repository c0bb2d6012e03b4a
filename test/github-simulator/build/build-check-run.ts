// Builds GitHub's check-run object.
import type { CheckRunRecord } from "../types.js";
import { buildIntegration } from "./build-app.js";
import { nodeId, type BuildContext } from "./context.js";

export function buildCheckRun(run: CheckRunRecord, ctx: BuildContext) {
  const url = `${ctx.api}/repos/${run.owner}/${run.repo}/check-runs/${run.id}`;
  return {
    id: run.id,
    node_id: nodeId("CheckRun", run.id),
    head_sha: run.headSha,
    external_id: run.externalId,
    url,
    html_url: `${ctx.html}/${run.owner}/${run.repo}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      ...run.output,
      annotations_count: run.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.id + 1_000_000 },
    app: buildIntegration(run.app, ctx),
    pull_requests: [],
  };
}
