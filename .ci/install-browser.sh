#!/usr/bin/env bash
# Make sure headless Chromium and its driver are there for the page tests (tests/server):
# Debian's chromium and chromium-driver packages, installed with apt-get when missing.
# (A test tool's own browser download cannot be fetched here; Debian's build can.)
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "install-browser: chromium and chromium-driver are missing and this is not root;" \
         "install them (apt-get install chromium chromium-driver) to run the page tests" >&2
    exit 1
fi
echo "install-browser: installing Debian's chromium and chromium-driver ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
command -v chromium >/dev/null && command -v chromedriver >/dev/null
