// GitHub App endpoints that authenticate with the app's JWT: the app itself, a repository's
// installation, and exchanging the JWT for an installation access token.
import { buildInstallation, buildIntegration } from "../build/build-app.js";
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
