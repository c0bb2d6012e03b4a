// Builds GitHub App objects: the integration (app) itself and an installation of it.
import type { AppInfo, InstallationRecord } from "../types.js";
import { buildUser } from "./build-user.js";
import { nodeId, type BuildContext } from "./context.js";

/** GitHub Actions' own app, which owns check runs created with GITHUB_TOKEN. */
export const GITHUB_ACTIONS_APP: AppInfo = {
  id: 15368,
  slug: "github-actions",
  name: "GitHub Actions",
  owner: "github",
};

const PERMISSIONS = {
  checks: "write",
  contents: "read",
  issues: "write",
  metadata: "read",
  pull_requests: "write",
};
const EVENTS = ["check_run", "issue_comment", "pull_request"];
const CREATED_AT = "2024-01-01T00:00:00Z";

export function buildIntegration(app: AppInfo, ctx: BuildContext) {
  return {
    id: app.id,
    slug: app.slug,
    client_id: `Iv1.${app.id.toString(16).padStart(16, "0")}`,
    node_id: nodeId("Integration", app.id),
    owner: buildUser({ login: app.owner, type: "Organization" }, ctx),
    name: app.name,
    description: null,
    external_url: `${ctx.html}/apps/${app.slug}`,
    html_url: `${ctx.html}/apps/${app.slug}`,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
    permissions: PERMISSIONS,
    events: EVENTS,
  };
}

export function buildInstallation(
  app: AppInfo,
  installation: InstallationRecord,
  ctx: BuildContext,
) {
  return {
    id: installation.id,
    // GET /app/installations describes the account as a user AND an enterprise (allOf), so it
    // carries the enterprise's required fields too; other routes accept either.
    account: {
      ...buildUser({ login: installation.account, type: installation.accountType }, ctx),
      name: installation.account,
      slug: installation.account.toLowerCase(),
      created_at: CREATED_AT,
      updated_at: CREATED_AT,
    },
    repository_selection: installation.repositories ? "selected" : "all",
    access_tokens_url: `${ctx.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${ctx.api}/installation/repositories`,
    html_url: `${ctx.html}/organizations/${installation.account}/settings/installations/${installation.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: installation.id,
    target_type: installation.accountType === "User" ? "User" : "Organization",
    permissions: PERMISSIONS,
    events: EVENTS,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
    single_file_name: null,
    suspended_by: null,
    suspended_at: null,
  };
}
