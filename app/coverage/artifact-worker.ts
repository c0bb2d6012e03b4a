// The artifact reader's process (bundled to build/artifact-worker.mjs, forked by
// create-artifact-reader.ts): reads one artifact's reports and sends the result back.
import { readArtifactReports, type ArtifactReadOptions } from "./read-artifact-reports.js";

export interface ArtifactJob {
  zip: Uint8Array;
  options: ArtifactReadOptions;
}

process.once("message", (job: ArtifactJob) => {
  void readArtifactReports(job.zip, job.options).then((facts) =>
    process.send?.(facts, () => process.disconnect()),
  );
});
