// GitHub App endpoints that authenticate with the app's JWT: the app itself, its installations,
// a repository's installation, and exchanging the JWT for an installation access token; and the
// repositories an installation token can reach.
import { buildInstallation, buildIntegration } from "../build/build-app.js";
import { buildRepository } from "../build/build-repository.js";
import { paginate } from "../paginate.js";
import {
  errorResult,
  notFound,
  ok,
  RouteError,
  type Route,
  type RouteContext,
} from "../route-kit.js";
import type { AppInfo } from "../types.js";

export const appRoutes: Route[] = [
  {
    method: "GET",
    template: "/app",
    handle: (ctx) => ok(buildIntegration(requireApp(ctx), ctx.build)),
  },
  {
    method: "GET",
    template: "/app/installations",
    handle(ctx) {
      const app = requireApp(ctx);
      const page = paginate(ctx.state.installations, ctx.url);
      const body = page.items.map((installation) =>
        buildInstallation(app, installation, ctx.build),
      );
      return ok(body, 200, page.headers);
    },
  },
  {
    method: "GET",
    template: "/installation/repositories",
    handle(ctx) {
      const id = ctx.auth.installationOf(ctx.headers.authorization);
      const installation = ctx.state.installations.find((i) => i.id === id);
      if (!installation) {
        return errorResult(403, "This endpoint requires you to use an installation token");
      }
      const account = installation.account.toLowerCase();
      const repos = [...ctx.state.repos.values()].filter(
        (r) =>
          r.owner.toLowerCase() === account &&
          (!installation.repositories ||
            installation.repositories.some((name) => name.toLowerCase() === r.name.toLowerCase())),
      );
      const page = paginate(repos, ctx.url);
      return ok(
        {
          total_count: repos.length,
          repository_selection: installation.repositories ? "selected" : "all",
          repositories: page.items.map((repo) => buildRepository(repo, ctx.build)),
        },
        200,
        page.headers,
      );
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/installation",
    handle(ctx) {
      const app = requireApp(ctx);
      const { owner = "", repo = "" } = ctx.params;
      const installation = ctx.state.installations.find(
        (i) =>
          i.account.toLowerCase() === owner.toLowerCase() &&
          (!i.repositories || i.repositories.some((r) => r.toLowerCase() === repo.toLowerCase())),
      );
      return installation ? ok(buildInstallation(app, installation, ctx.build)) : notFound();
    },
  },
  {
    method: "POST",
    template: "/app/installations/{installation_id}/access_tokens",
    handle(ctx) {
      requireApp(ctx);
      const id = Number(ctx.params.installation_id);
      const installation = ctx.state.installations.find((i) => i.id === id);
      if (!installation) return notFound();
      const { token, expiresAt } = ctx.auth.issueInstallationToken(installation);
      return ok(
        {
          token,
          expires_at: expiresAt,
          permissions: {
            checks: "write",
            contents: "read",
            issues: "write",
            metadata: "read",
            pull_requests: "write",
          },
          repository_selection: installation.repositories ? "selected" : "all",
        },
        201,
      );
    },
  },
];

/** The configured app, once the request's JWT checks out; 401 otherwise (as GitHub answers). */
function requireApp(ctx: RouteContext): AppInfo {
  const check = ctx.auth.verifyAppJwt(ctx.headers.authorization);
  if (!check.ok) throw new RouteError(errorResult(401, check.message));
  if (!ctx.auth.app) throw new RouteError(errorResult(401, "Integration not found"));
  return ctx.auth.app;
}
