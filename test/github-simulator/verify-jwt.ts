// Verifies a GitHub App JWT (RS256, signed with the app's private key) the way GitHub does:
// signature, issuer, and an expiry at most ten minutes ahead. Messages mimic GitHub's 401s.
import { createPublicKey, verify, type KeyObject } from "node:crypto";

export type JwtCheck = { ok: true; issuer: string } | { ok: false; message: string };

const UNDECODABLE = "A JSON web token could not be decoded";

export function verifyJwt(
  jwt: string,
  publicKey: string | KeyObject,
  nowSeconds: number,
): JwtCheck {
  const [header, payload, signature, extra] = jwt.split(".");
  if (
    header === undefined ||
    payload === undefined ||
    signature === undefined ||
    extra !== undefined
  ) {
    return { ok: false, message: UNDECODABLE };
  }
  const head = parse(header);
  const claims = parse(payload);
  if (!head || !claims || head.alg !== "RS256") return { ok: false, message: UNDECODABLE };
  const key = typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey;
  const signed = verify(
    "sha256",
    Buffer.from(`${header}.${payload}`),
    key,
    Buffer.from(signature, "base64url"),
  );
  if (!signed) return { ok: false, message: UNDECODABLE };
  const { iat, exp, iss } = claims;
  if (typeof iat !== "number") {
    return {
      ok: false,
      message:
        "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
    };
  }
  if (typeof exp !== "number" || exp <= nowSeconds) {
    return {
      ok: false,
      message:
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    };
  }
  if (exp - nowSeconds > 600 + 30) {
    return { ok: false, message: "'Expiration time' claim ('exp') is too far in the future" };
  }
  if (iat > nowSeconds + 60) {
    return {
      ok: false,
      message: "'Issued at' claim ('iat') must be an Integer representing a time in the past",
    };
  }
  if (typeof iss !== "string" && typeof iss !== "number")
    return { ok: false, message: "Integration not found" };
  return { ok: true, issuer: String(iss) };
}

function parse(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
