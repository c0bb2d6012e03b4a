// A port the OS says is free on `host`. Probot's Server reads port 0 as its default 3000, so
// `PORT=0` ("any free port", as node means it) is resolved here before the server starts.
import { createServer } from "node:net";

export function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
