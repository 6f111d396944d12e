#!/usr/bin/env bash
# Makes sure Debian's Chromium and its chromedriver are installed, for the browser test
# (platform/app BrowserStreamIT). Idempotent: does nothing when both are on the PATH; otherwise, as
# root, installs the Debian packages `chromium` and `chromium-driver` with apt-get (the only source
# the build machines reach besides Maven Central). Run by Maven before the platform's ITs.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "install-chromium: $(chromium --version 2>/dev/null || echo chromium) and chromedriver present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  cat >&2 <<'MSG'
install-chromium: Chromium and/or chromedriver are missing, and installing them needs root.
  Install them once with:  sudo apt-get install -y chromium chromium-driver
  (or skip the integration tests with -DskipITs / -Pquick).
MSG
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: no apt-get here; install Chromium and chromedriver by hand." >&2
  exit 1
fi

echo "install-chromium: installing Debian's chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet; wait for a concurrent apt run rather than fail.
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium chromium-driver

for tool in chromium chromedriver; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "install-chromium: $tool still missing after apt-get install" >&2
    exit 1
  fi
done
echo "install-chromium: installed $(chromium --version 2>/dev/null) and $(chromedriver --version)"
