// Test helpers for GitHub App auth: a fresh RSA key pair as an app config, and RS256 JWTs
// signed the way @octokit/auth-app signs them.
import { generateKeyPairSync, sign } from "node:crypto";
import type { AppConfig } from "./create-auth.js";

export interface TestAppKey {
  /** PKCS#8 PEM, what a GitHub App's private key file holds (Probot accepts it). */
  privateKey: string;
  app: AppConfig;
}

export function generateAppKey(id = 4242, slug = "shipgate"): TestAppKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    app: { id, slug, publicKey },
  };
}

export function signAppJwt(
  privateKey: string,
  appId: number | string,
  claims: { iat?: number; exp?: number } = {},
): string {
  // Like @octokit/auth-app: backdate iat by 30 s for clock drift, expire within 10 minutes.
  const now = Math.floor(Date.now() / 1000);
  const payload = { iat: now - 30, exp: now + 9 * 60, iss: appId, ...claims };
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${encode({ alg: "RS256", typ: "JWT" })}.${encode(payload)}`;
  return `${unsigned}.${sign("sha256", Buffer.from(unsigned), privateKey).toString("base64url")}`;
}
