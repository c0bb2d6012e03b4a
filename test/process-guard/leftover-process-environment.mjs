// Jest's node environment plus a check that each test file stops every process it starts. Jest on
// two cores (CI) runs all files in one process, where a redis-server, an App or a browser that one
// file leaves running takes CPU and memory from every later file and can keep Jest from exiting.
// After the file's last afterAll, the processes below this one that were not there when the file
// started fail the file, one message each, and are killed. Linux only (it reads /proc).
import NodeEnvironment from "jest-environment-node";
import path from "node:path";
import { isMainThread } from "node:worker_threads";
import {
  describeLeftover,
  findDescendants,
  readProcessTable,
  waitForLeftovers,
} from "./find-leftover-processes.mjs";

export default class LeftoverProcessEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    this.suite = path.relative(config.globalConfig.rootDir, context.testPath);
    this.before = new Set();
  }

  async setup() {
    // Before the file is loaded (it may start a process as it loads). In band, a process an
    // earlier file left, and the guard could not kill, is not this file's.
    this.before = new Set(findDescendants(readProcessTable(), process.pid).map((p) => p.pid));
    await super.setup();
  }

  async handleTestEvent(event, state) {
    // Jest's workerThreads option runs files side by side in threads of one process, whose
    // children then belong to whichever file started them: the check cannot tell, so it is off.
    if (event.name === "run_finish" && isMainThread) {
      // run_finish comes after every afterAll hook, so the file's own cleanup has run.
      const left = await waitForLeftovers({ before: this.before });
      for (const entry of left) {
        const error = new Error(describeLeftover(this.suite, entry));
        error.stack = error.message; // where the guard noticed it says nothing about the leak
        state.unhandledErrors.push(error);
        try {
          process.kill(entry.pid, "SIGKILL");
        } catch {
          // It exited meanwhile.
        }
      }
    }
  }
}
