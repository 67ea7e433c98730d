#!/usr/bin/env bash
# Installs everything the build and the tests need on Debian 12, then builds the extension.
# System packages: the test PBX (Kamailio with WebSocket and TLS, rtpengine, sipp), a desk phone
# (baresip), a CardDAV server (Radicale), Chromium and Firefox ESR, openssl and NSS's certutil for
# the test PBX's throwaway CA.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  kamailio kamailio-websocket-modules kamailio-extra-modules kamailio-utils-modules kamailio-tls-modules kamailio-presence-modules
  rtpengine-daemon sip-tester chromium firefox-esr openssl libnss3-tools
  baresip-core radicale
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund
npm run build
