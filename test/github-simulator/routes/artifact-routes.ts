// Workflow run artifacts: the list for a run, and the zip download, which (like GitHub) answers
// 302 to a short-lived URL; here that URL is the simulator's own blob route.
import { buildArtifact } from "../build/build-artifact.js";
import { paginate } from "../paginate.js";
import { errorResult, intParam, notFound, ok, repoOf, sameRepo, type Route } from "../route-kit.js";

export const BLOB_TEMPLATE = "/_simulator/artifacts/{artifact_id}/blob";

export const artifactRoutes: Route[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts",
    handle(ctx) {
      const repo = repoOf(ctx);
      const runId = intParam(ctx, "run_id");
      const name = ctx.query.get("name");
      const all = ctx.state.artifacts.filter(
        (a) => sameRepo(a, repo) && a.runId === runId && (!name || a.name === name),
      );
      const page = paginate(all, ctx.url);
      const artifacts = page.items.map((a) => buildArtifact(a, ctx.build));
      return ok({ total_count: all.length, artifacts }, 200, page.headers);
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
    handle(ctx) {
      const repo = repoOf(ctx);
      const id = intParam(ctx, "artifact_id");
      const artifact = ctx.state.artifacts.find((a) => a.id === id && sameRepo(a, repo));
      if (!artifact || ctx.params.archive_format !== "zip") return notFound();
      if (artifact.expired) return errorResult(410, "Artifact has expired");
      return {
        status: 302,
        headers: {
          location: `${ctx.build.api}${BLOB_TEMPLATE.replace("{artifact_id}", String(id))}`,
        },
      };
    },
  },
  {
    method: "GET",
    template: BLOB_TEMPLATE,
    handle(ctx) {
      const id = intParam(ctx, "artifact_id");
      const artifact = ctx.state.artifacts.find((a) => a.id === id);
      return artifact
        ? { status: 200, raw: { data: artifact.data, contentType: "application/zip" } }
        : notFound();
    },
  },
];
