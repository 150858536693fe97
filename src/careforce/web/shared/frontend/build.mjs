// Builds the web service's front-end assets from the pinned npm packages (run by `npm run build`,
// which `make setup` runs after `npm ci`). Everything is served from the service itself: no CDN.
//
// Output (git-ignored): src/careforce/web/assets/
//   careforce/careforce.css        GOV.UK Frontend compiled with the council's font stack, plus ours
//   govuk/govuk-frontend.min.js    GOV.UK Frontend's components (an ES module)
//   vendor/vega*.min.js            Vega, Vega-Lite and vega-embed for charts
//   versions.json                  the versions built, for the footer of docs/web.md and checks

import { access, copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..", "..", "..");
const modules = join(root, "node_modules");
const out = join(root, "src", "careforce", "web", "assets");

const vendor = {
  "govuk/govuk-frontend.min.js": "govuk-frontend/dist/govuk/govuk-frontend.min.js",
  "vendor/vega.min.js": "vega/build/vega.min.js",
  "vendor/vega-lite.min.js": "vega-lite/build/vega-lite.min.js",
  "vendor/vega-embed.min.js": "vega-embed/build/vega-embed.min.js",
};

async function version(name) {
  const manifest = JSON.parse(await readFile(join(modules, name, "package.json"), "utf8"));
  return manifest.version;
}

await rm(out, { recursive: true, force: true });
await mkdir(join(out, "careforce"), { recursive: true });
await mkdir(join(out, "govuk"), { recursive: true });
await mkdir(join(out, "vendor"), { recursive: true });

const css = sass.compile(join(here, "careforce.scss"), {
  loadPaths: [modules],
  style: "compressed",
  quietDeps: true,
});
await writeFile(join(out, "careforce", "careforce.css"), css.css);

async function exists(path) {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

for (const [target, source] of Object.entries(vendor)) {
  await copyFile(join(modules, source), join(out, target));
  // The source maps the bundles name come too: collectstatic checks every reference.
  if (await exists(join(modules, `${source}.map`))) {
    await copyFile(join(modules, `${source}.map`), join(out, `${target}.map`));
  }
}

const versions = {};
for (const name of ["govuk-frontend", "vega", "vega-lite", "vega-embed"]) {
  versions[name] = await version(name);
}
await writeFile(join(out, "versions.json"), JSON.stringify(versions, null, 2) + "\n");
console.log(`careforce web assets built in ${out}`);
