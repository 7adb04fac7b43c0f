#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing (run by `npm test` as its
# pretest step, so the README's test command works on a fresh machine):
# chromium renders report.html in the headless-browser test; fonts-noto-cjk draws its Chinese text.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# dpkg, not `fc-list | grep -q`: under pipefail grep's early exit fails the pipe.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing Debian packages the tests need: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
