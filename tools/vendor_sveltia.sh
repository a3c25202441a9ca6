#!/usr/bin/env bash
# Re-create plugins/web_editor/sveltia-cms/ from the npm package pinned in
# tools/sveltia/package.json (+ package-lock.json): installs @sveltia/cms and
# esbuild into a scratch folder, bundles the package's npm/ build with its
# Vietnamese locale, fonts and icons (tools/sveltia/build.mjs), and replaces
# plugins/web_editor/sveltia-cms/. The site build itself never needs npm.
# Usage: bash tools/vendor_sveltia.sh   (to upgrade: edit the version in
# tools/sveltia/package.json, delete package-lock.json, run, commit the result)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/tools/sveltia/package.json" "$root/tools/sveltia/build.mjs" "$work/"
if [ -f "$root/tools/sveltia/package-lock.json" ]; then
  cp "$root/tools/sveltia/package-lock.json" "$work/"
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
else
  (cd "$work" && npm install --no-audit --no-fund --loglevel=error)
  cp "$work/package-lock.json" "$root/tools/sveltia/"
fi
version="$(node -p "require('$work/node_modules/@sveltia/cms/package.json').version")"
(cd "$work" && node build.mjs "$work/out")
echo "$version" > "$work/out/VERSION"
rm -rf "$root/plugins/web_editor/sveltia-cms"
mkdir -p "$root/plugins/web_editor"
cp -r "$work/out" "$root/plugins/web_editor/sveltia-cms"
echo "plugins/web_editor/sveltia-cms: @sveltia/cms $version, $(du -sh "$root/plugins/web_editor/sveltia-cms" | cut -f1)"
