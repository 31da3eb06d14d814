// Bundles the portal's scripts and styles into ../wwwroot/dist (app.js, app.css), and each page script
// src/pages/<name>.js into dist/pages/<name>.js, which only the page that needs it loads (bpmn-js, ECharts).
// Run by the CityOps.Flow.Web build (target ClientAppBuild) or by `npm run build`.
import * as esbuild from "esbuild";
import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, "..", "wwwroot", "dist");

await esbuild.build({
  absWorkingDir: here,
  entryPoints: { app: "src/app.js", "app-styles": "src/app.css", ...await pageEntries() },
  entryNames: "[dir]/[name]",
  bundle: true,
  minify: true,
  sourcemap: true,
  format: "iife",
  target: ["es2020"],
  outdir,
  loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".svg": "file", ".png": "file" },
  assetNames: "assets/[name]-[hash]",
  logLevel: "warning",
});

// esbuild names CSS after its entry; the page links dist/app.css.
import { rename } from "node:fs/promises";
await rename(path.join(outdir, "app-styles.css"), path.join(outdir, "app.css"));
await rename(path.join(outdir, "app-styles.css.map"), path.join(outdir, "app.css.map"));

async function pageEntries() {
  const folder = path.join(here, "src", "pages");
  const files = await readdir(folder).catch(() => []);
  return Object.fromEntries(files.filter((file) => /\.(js|css)$/.test(file))
    .map((file) => [`pages/${file.replace(/\.(js|css)$/, "")}`, `src/pages/${file}`]));
}
