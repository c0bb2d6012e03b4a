// The runner's proxy (HTTP_PROXY / HTTPS_PROXY, NO_PROXY): the bundled Action sends every API
// request through it when it applies to the API's host, and loads its proxy code (undici, a chunk
// beside dist/index.js) only then. The proxy here tunnels (CONNECT) `api.github.test`, a name
// that resolves nowhere, to the simulator: a run that succeeds went through the proxy.
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { useShop } from "./shop-scenario.js";

const HOST = "api.github.test";

interface RecordingProxy {
  url: string;
  /** `host:port` of each CONNECT, with its Proxy-Authorization header. */
  tunnels: { target: string; authorization: string | undefined }[];
  /** Requests sent to the proxy without a tunnel (refused). */
  plain: string[];
  close(): Promise<void>;
}

/** A CONNECT proxy that tunnels HOST to 127.0.0.1 and refuses everything else. */
async function startProxy(): Promise<RecordingProxy> {
  const tunnels: RecordingProxy["tunnels"] = [];
  const plain: string[] = [];
  const server: Server = createServer((req, res) => {
    plain.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on("connect", (req, client, head) => {
    const target = req.url ?? "";
    tunnels.push({ target, authorization: req.headers["proxy-authorization"] });
    const [host, port] = target.split(":");
    if (host !== HOST) {
      client.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    const upstream = connect(Number(port), "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    plain,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("behind the runner's proxy", () => {
  const t = useShop();
  let proxy: RecordingProxy;
  beforeEach(async () => {
    proxy = await startProxy();
  });
  afterEach(() => proxy.close());

  it("sends every API request through the proxy, with the credentials in HTTP_PROXY", async () => {
    const api = new URL(t.sim.url);
    api.hostname = HOST;
    const proxyUrl = new URL(proxy.url);
    proxyUrl.username = "runner";
    proxyUrl.password = "s3cret";

    const run = await t.shop.run({
      apiUrl: api.href.replace(/\/$/, ""),
      graphqlUrl: new URL("/graphql", api).href,
      env: { HTTP_PROXY: proxyUrl.href },
    });

    expect(run.stderr).toBe("");
    expect(run.outputs.conclusion).toBe("failure");
    expect(t.sim.state.commentsOn("acme", "shop", 7)).toHaveLength(1);
    expect(proxy.plain).toEqual([]);
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    const basic = `Basic ${Buffer.from("runner:s3cret").toString("base64")}`;
    expect(proxy.tunnels).toContainEqual({ target: `${HOST}:${api.port}`, authorization: basic });
    expect(proxy.tunnels.every((tunnel) => tunnel.target === `${HOST}:${api.port}`)).toBe(true);
  });

  it("goes straight to an API on a loopback address, as @actions/http-client does", async () => {
    const run = await t.shop.run({ env: { HTTP_PROXY: proxy.url } });

    expect(run.stderr).toBe("");
    expect(run.outputs.conclusion).toBe("failure");
    expect(t.sim.state.commentsOn("acme", "shop", 7)).toHaveLength(1);
    expect(proxy.tunnels).toEqual([]);
    expect(proxy.plain).toEqual([]);
  });
});
