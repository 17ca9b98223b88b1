// Trunk post-build hook: moves the inline module script Trunk writes into index.html (the
// wasm loader) into its own file, so the strict Content-Security-Policy in index.html
// (`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline') lets it run.
//
// Trunk runs this with the staging directory in TRUNK_STAGING_DIR (see Trunk.toml [[hooks]]).
// Each inline script becomes `boot-<sha256 prefix>.js` (content-addressed, so caches never
// serve an old one) loaded with a relative URL, which keeps dist/ working under a sub-path.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("externalize-inline-scripts: TRUNK_STAGING_DIR is not set (run by trunk)");
  process.exit(1);
}
const indexPath = join(dir, "index.html");
let html = await readFile(indexPath, "utf8");
let moved = 0;
const inline = /<script type="module"([^>]*)>([\s\S]*?)<\/script>/g;
const replacements = [];
for (const match of html.matchAll(inline)) {
  const [whole, attributes, body] = match;
  if (/\bsrc=/.test(attributes) || body.trim() === "") continue;
  const name = `boot-${createHash("sha256").update(body).digest("hex").slice(0, 16)}.js`;
  await writeFile(join(dir, name), body.trim() + "\n");
  replacements.push([whole, `<script type="module"${attributes} src="./${name}"></script>`]);
  moved++;
}
for (const [from, to] of replacements) html = html.replace(from, to);
await writeFile(indexPath, html);
console.log(`externalize-inline-scripts: moved ${moved} inline script(s) out of index.html`);
