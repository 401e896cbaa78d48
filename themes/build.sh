#!/usr/bin/env bash
# Compiles every theme's Sass from the govuk-frontend npm package and copies GOV.UK Frontend's
# JavaScript and assets next to the default theme's CSS. Output is not committed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
frontend="$root/node_modules/govuk-frontend/dist/govuk"
for scss in "$root"/themes/*/scss/theme.scss; do
  theme_dir=$(dirname "$(dirname "$scss")")
  out="$theme_dir/static/theme/build"
  mkdir -p "$out"
  "$root/node_modules/.bin/sass" --load-path="$root/node_modules" --no-source-map \
    --style=compressed --quiet-deps "$scss" "$out/theme.css"
done
default_out="$root/themes/govuk/static/theme/build"
cp "$frontend/govuk-frontend.min.js" "$default_out/"
rm -rf "$default_out/assets"
cp -r "$frontend/assets" "$default_out/assets"
