// Downloads a workflow run's artifact (a zip) by name. The newest artifact of that name wins (a
// re-run uploads again); a missing or expired artifact is an answer, not an error, and so is one
// larger than the caller accepts: the listing gives its size (GitHub measures it, the uploader
// cannot set it), so an oversized zip is refused before a byte of it is downloaded.
import { z } from "zod";
import { statusOf, type GitHubClient, type RepoRef } from "./github-client.js";
import { parseAnswer } from "./parse-answer.js";

const LIST_ROUTE = "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts";

/** The listing's shape; anything else (a proxy's page) is an error, never "no artifact". */
const artifactListSchema = z.object({
  artifacts: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      expired: z.boolean().optional(),
      size_in_bytes: z.number().optional(),
    }),
  ),
});

export interface ArtifactRequest extends RepoRef {
  runId: number;
  /** The artifact's name, as upload-artifact was given it. */
  artifact: string;
  /** The largest zip to download, in bytes; a larger one is `too-large`, not downloaded. */
  maxBytes: number;
}

export type ArtifactDownload =
  | { found: true; zip: Uint8Array }
  | { found: false; reason: "missing" | "expired" }
  | { found: false; reason: "too-large"; bytes: number };

export async function downloadArtifact(
  client: GitHubClient,
  request: ArtifactRequest,
): Promise<ArtifactDownload> {
  const where = { owner: request.owner, repo: request.repo };
  const listed = await client.request(LIST_ROUTE, {
    ...where,
    run_id: request.runId,
    name: request.artifact,
    per_page: 100,
  });
  const { artifacts } = parseAnswer(listed, LIST_ROUTE, artifactListSchema, "a list of artifacts");
  const artifact = artifacts
    .filter((a) => a.name === request.artifact)
    .sort((a, b) => b.id - a.id)[0];
  if (!artifact) return { found: false, reason: "missing" };
  if (artifact.expired) return { found: false, reason: "expired" };
  const tooLarge = (bytes: number) => ({
    found: false as const,
    reason: "too-large" as const,
    bytes,
  });
  if ((artifact.size_in_bytes ?? 0) > request.maxBytes) return tooLarge(artifact.size_in_bytes!);
  try {
    // GitHub answers 302 to a short-lived download URL; fetch follows it.
    const response = await client.request(
      "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
      { ...where, artifact_id: artifact.id, archive_format: "zip" },
    );
    const zip = toBytes(response.data);
    // A listing without the size (an older GitHub Enterprise Server): the same limit, afterwards.
    return zip.byteLength > request.maxBytes ? tooLarge(zip.byteLength) : { found: true, zip };
  } catch (error) {
    // It expired between the list and the download.
    if (statusOf(error) === 410) return { found: false, reason: "expired" };
    throw error;
  }
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new Error("the artifact download did not return binary data");
}

/** An artifact's size as its refusal names it (`12.3 MB`). */
export const formatMegabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
