// Turns a test's pull-request file seed into the stored file record, deriving the commentable
// lines and the +/- counts from `patch` when the test did not give them.
import { createHash } from "node:crypto";
import { diffLines } from "./diff-lines.js";
import type { PrFile } from "./types.js";

export interface PrFileSeed {
  filename: string;
  status?: PrFile["status"];
  /** Omit for binary or too-large files: GitHub then sends no `patch`. */
  patch?: string;
  additions?: number;
  deletions?: number;
  previousFilename?: string;
  /** Head-side lines open to review comments; defaults to those in `patch`. */
  commentableLines?: number[];
}

export function toPrFile(seed: PrFileSeed): PrFile {
  const lines = seed.patch === undefined ? undefined : diffLines(seed.patch);
  return {
    filename: seed.filename,
    status: seed.status ?? "modified",
    additions: seed.additions ?? lines?.additions ?? 0,
    deletions: seed.deletions ?? lines?.deletions ?? 0,
    sha: fakeSha(`blob:${seed.filename}:${seed.patch ?? ""}`),
    ...(seed.patch === undefined ? {} : { patch: seed.patch }),
    ...(seed.previousFilename === undefined ? {} : { previousFilename: seed.previousFilename }),
    right: new Set(seed.commentableLines ?? lines?.right ?? []),
    left: lines?.left ?? new Set(),
    positions: lines?.positions ?? 0,
  };
}

/** A stable 40-hex "sha" for anything the tests did not name. */
export function fakeSha(seed: string): string {
  return createHash("sha1").update(seed).digest("hex");
}
