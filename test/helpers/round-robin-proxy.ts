import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Proxy {
  url: string;
  /** How many requests each upstream has served, in the order given. */
  served: number[];
  close(): Promise<void>;
}

/**
 * A load balancer in a few lines: each request goes to the next upstream in turn, so a client
 * that makes several requests meets every server. Headers (Host too) and bodies pass through unchanged.
 */
export async function roundRobinProxy(upstreams: string[]): Promise<Proxy> {
  const served = upstreams.map(() => 0);
  let next = 0;
  const server: Server = createServer((req, res) => {
    const index = next++ % upstreams.length;
    served[index]!++;
    const target = new URL(req.url ?? "/", upstreams[index]);
    // The Host header passes through as a load balancer passes it, so the servers see the
    // origin the browser sees (their Origin check compares the two).
    const forwarded = request(target, { method: req.method, headers: req.headers }, (upstream) => {
      res.writeHead(upstream.statusCode ?? 502, upstream.headers);
      upstream.pipe(res);
    });
    forwarded.on("error", (err) => {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`upstream ${upstreams[index]}: ${err.message}`);
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, served, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
