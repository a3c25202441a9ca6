// Bundle the npm build of @sveltia/cms into a self-contained ES module tree
// that the site serves under /admin/: no CDN, no bare imports left.
// Run by tools/vendor_sveltia.sh inside a scratch npm project; usage:
//   node build.mjs <outdir>
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const outdir = process.argv[2];
if (!outdir) throw new Error('usage: node build.mjs <outdir>');
const pkgDir = join(process.cwd(), 'node_modules/@sveltia/cms');
const KEEP_LOCALES = new Set(['vi']);  // en-US is built into the main file

// The markdown editor can highlight code blocks with Shiki's ~300 grammars;
// a school news editor does not need them, so every grammar/theme is an
// empty module (no highlighting, no network). Locales other than Vietnamese
// become empty objects: the UI falls back to the built-in English strings.
const slimPlugin = {
  name: 'slim',
  setup(b) {
    b.onResolve({ filter: /^@shikijs\/(langs|themes)\// }, (args) => ({
      path: 'shiki', namespace: 'stub-shiki',  // one shared empty chunk
    }));
    b.onLoad({ filter: /.*/, namespace: 'stub-shiki' }, () => ({
      contents: 'export default [];', loader: 'js',
    }));
    b.onResolve({ filter: /locales\/[A-Za-z-]+\.json$/ }, (args) => {
      const name = args.path.split('/').pop().replace('.json', '');
      if (KEEP_LOCALES.has(name)) return undefined;
      return { path: 'locale', namespace: 'stub-locale' };  // one shared empty chunk
    });
    b.onLoad({ filter: /.*/, namespace: 'stub-locale' }, () => ({
      contents: '{}', loader: 'json',
    }));
  },
};

// The sign-in page polls githubstatus.com / GitLab's status page every 5 minutes,
// even for the local workflow: a third-party request from the site. Point both at
// an empty local data: URL; Sveltia then treats the status as "unknown" (no banner).
const STATUS_URLS = [
  'https://www.githubstatus.com/api/v2/status.json',
  'https://status-api.hostedstatus.com/1.0/status/5b36dc6502d06804c08349f7',
];
const noStatusPlugin = {
  name: 'no-status-poll',
  setup(b) {
    b.onLoad({ filter: /@sveltia[\/]cms[\/]npm[\/]index\.js$/ }, async (args) => {
      let code = readFileSync(args.path, 'utf8');
      for (const url of STATUS_URLS) {
        if (!code.includes(url)) throw new Error(`status URL not found (Sveltia changed?): ${url}`);
        code = code.replaceAll(url, 'data:application/json,{}');
      }
      return { contents: code, loader: 'js' };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const entry = join(outdir, '.entry.js');
writeFileSync(entry, "import CMS from '@sveltia/cms';\nwindow.CMS = CMS;\nCMS.init();\n");
await build({
  entryPoints: { 'sveltia-cms': entry },
  absWorkingDir: process.cwd(),
  nodePaths: [join(process.cwd(), 'node_modules')],
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  legalComments: 'none',
  charset: 'utf8',  // module scripts are always read as UTF-8; smaller than \u escapes
  target: 'es2022',
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [slimPlugin, noStatusPlugin],
  logLevel: 'warning',
});
rmSync(entry);
// Fonts, icons and wasm files are referenced as new URL('assets/…', import.meta.url):
// copy them next to the main file (source maps are left out).
mkdirSync(join(outdir, 'assets'));
for (const f of readdirSync(join(pkgDir, 'npm/assets'))) {
  if (!f.endsWith('.map')) cpSync(join(pkgDir, 'npm/assets', f), join(outdir, 'assets', f));
}
cpSync(join(pkgDir, 'LICENSE.txt'), join(outdir, 'LICENSE.txt'));
