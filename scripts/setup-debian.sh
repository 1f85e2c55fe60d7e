#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for Ownersight: the browsers the end-to-end tests and
# `npm start` drive (Debian's own Chromium and Firefox ESR: no browser is ever downloaded) and fonts for
# legible screenshots. Run as root (or with sudo). Safe to run again.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  exec sudo -E bash "$0" "$@"
fi
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing from Debian: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
echo "System packages ready: $(chromium --version 2>/dev/null | head -1); $(firefox-esr --version 2>/dev/null | head -1)"
