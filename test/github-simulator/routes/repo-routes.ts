// Repository-level reads: the repository itself and a collaborator's permission.
import { buildRepository } from "../build/build-repository.js";
import { buildUser } from "../build/build-user.js";
import { ok, repoOf, type Route } from "../route-kit.js";
import type { RepoRole } from "../types.js";

// The legacy `permission` field folds the finer roles into admin/write/read/none.
const LEGACY: Record<RepoRole, string> = {
  admin: "admin",
  maintain: "write",
  write: "write",
  triage: "read",
  read: "read",
  none: "none",
};

export const repoRoutes: Route[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}",
    handle: (ctx) => ok(buildRepository(repoOf(ctx), ctx.build)),
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/collaborators/{username}/permission",
    handle(ctx) {
      const repo = repoOf(ctx);
      const username = ctx.params.username ?? "";
      const role = repo.roles.get(username.toLowerCase()) ?? "none";
      const user = buildUser(
        { login: username, type: username.endsWith("[bot]") ? "Bot" : "User" },
        ctx.build,
      );
      const permissions = {
        admin: role === "admin",
        maintain: role === "admin" || role === "maintain",
        push: ["admin", "maintain", "write"].includes(role),
        triage: role !== "read" && role !== "none",
        pull: role !== "none",
      };
      return ok({
        permission: LEGACY[role],
        role_name: role,
        user: { ...user, permissions, role_name: role },
      });
    },
  },
];
