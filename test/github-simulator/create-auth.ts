// Who is calling: maps tokens to identities and write permission, verifies GitHub App JWTs and
// issues installation tokens (which then act as the app's bot).
import { randomBytes, type KeyObject } from "node:crypto";
import { GITHUB_ACTIONS_APP } from "./build/build-app.js";
import type { AppInfo, Identity, InstallationRecord } from "./types.js";
import { verifyJwt, type JwtCheck } from "./verify-jwt.js";

export type TokenPermission = "read" | "write";

export interface AppConfig {
  id: number;
  /** Public half of the app's key, PEM or KeyObject; JWTs must verify against it. */
  publicKey: string | KeyObject;
  slug?: string;
  name?: string;
  owner?: string;
  /** Also accepted as JWT `iss` (GitHub accepts the client id). */
  clientId?: string;
}

export interface Caller {
  identity: Identity;
  token: string | undefined;
  canWrite: boolean;
  /** The app whose check runs this caller creates. */
  app: AppInfo;
}

export interface AuthRegistry {
  readonly app: AppInfo | undefined;
  identify(authorization: string | undefined): Caller;
  setIdentity(token: string, identity: Identity): void;
  setTokenPermissions(token: string, permission: TokenPermission): void;
  verifyAppJwt(authorization: string | undefined): JwtCheck;
  issueInstallationToken(installation: InstallationRecord): { token: string; expiresAt: string };
  /** The installation an installation token was issued for (GET /installation/repositories). */
  installationOf(authorization: string | undefined): number | undefined;
}

export interface AuthOptions {
  defaultIdentity?: Identity;
  tokens?: Record<string, Identity>;
  app?: AppConfig;
  now: () => Date;
}

export function createAuth(options: AuthOptions): AuthRegistry {
  const fallback = options.defaultIdentity ?? { login: "github-actions[bot]", type: "Bot" };
  const identities = new Map(Object.entries(options.tokens ?? {}));
  const readOnly = new Set<string>();
  const appTokens = new Set<string>();
  const installationTokens = new Map<string, number>();
  const config = options.app;
  const app: AppInfo | undefined = config && {
    id: config.id,
    slug: config.slug ?? "shipgate",
    name: config.name ?? "Shipgate",
    owner: config.owner ?? "shipgate",
  };
  const bot = app && { login: `${app.slug}[bot]`, type: "Bot" as const };
  const tokenOf = (authorization: string | undefined) =>
    authorization?.replace(/^(token|bearer)\s+/i, "").trim() || undefined;

  return {
    app,
    identify(authorization) {
      const token = tokenOf(authorization);
      const identity = (token && identities.get(token)) || fallback;
      const isApp =
        app !== undefined && (appTokens.has(token ?? "") || identity.login === bot?.login);
      return {
        identity,
        token,
        canWrite: token === undefined || !readOnly.has(token),
        app: isApp ? app : GITHUB_ACTIONS_APP,
      };
    },
    setIdentity: (token, identity) => void identities.set(token, identity),
    setTokenPermissions(token, permission) {
      if (permission === "read") readOnly.add(token);
      else readOnly.delete(token);
    },
    installationOf: (authorization) => installationTokens.get(tokenOf(authorization) ?? ""),
    verifyAppJwt(authorization) {
      const jwt = tokenOf(authorization);
      if (!config || !jwt) return { ok: false, message: "A JSON web token could not be decoded" };
      const check = verifyJwt(jwt, config.publicKey, Math.floor(options.now().getTime() / 1000));
      if (check.ok && check.issuer !== String(config.id) && check.issuer !== config.clientId) {
        return { ok: false, message: "Integration not found" };
      }
      return check;
    },
    issueInstallationToken(installation) {
      const token = `ghs_${randomBytes(18).toString("base64url")}`;
      if (bot) identities.set(token, bot);
      appTokens.add(token);
      installationTokens.set(token, installation.id);
      const expires = new Date(options.now().getTime() + 3600_000);
      return { token, expiresAt: expires.toISOString().replace(/\.\d{3}Z$/, "Z") };
    },
  };
}
