// A tiny static server for dist/: serves it at / and at /shoplens/ (to prove the build works
// under a sub-path), on 127.0.0.1 only. No dependencies beyond node itself.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
};

/** Starts serving `root`; resolves to `{ origin, close() }`. `port` 0 picks a free port. */
export async function serve(root, { port = 0, prefixes = ["/", "/shoplens/"] } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    const prefix = prefixes
      .filter((p) => path === p.replace(/\/$/, "") || path.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix === undefined) {
      response.writeHead(404).end("not found");
      return;
    }
    if (path === prefix.replace(/\/$/, "") && prefix !== "/") {
      // `/shoplens` → `/shoplens/`, as static hosts do, so relative URLs resolve.
      response.writeHead(301, { location: prefix }).end();
      return;
    }
    let relative = path.slice(prefix.length) || "index.html";
    const file = normalize(join(base, relative));
    if (!file.startsWith(base)) {
      response.writeHead(403).end("forbidden");
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      response.end(body);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  await new Promise((done) => server.listen(port, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((done) => server.close(done)) };
}

// `node tests/e2e/server.mjs [dir] [port]` serves a directory by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { origin } = await serve(process.argv[2] ?? "dist", { port: Number(process.argv[3] ?? 8080) });
  console.log(`serving at ${origin}/ and ${origin}/shoplens/`);
}
