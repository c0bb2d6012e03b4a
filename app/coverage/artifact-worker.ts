// The artifact worker's entry (bundled to build/artifact-worker.mjs): reads one artifact's
// reports off the App's event loop and posts the result back, then exits with the thread.
import { parentPort } from "node:worker_threads";
import { readArtifactReports, type ArtifactReadOptions } from "./read-artifact-reports.js";

export interface ArtifactJob {
  zip: Uint8Array;
  options: ArtifactReadOptions;
}

parentPort?.once("message", (job: ArtifactJob) => {
  void readArtifactReports(job.zip, job.options).then((facts) => parentPort?.postMessage(facts));
});
