#!/usr/bin/env bash
# Builds the container tests' base image (a jlink'd JRE 17 + the shared libraries it links + static busybox)
# from this machine's JDK, with `docker import`: no registry is contacted. Idempotent: an existing tag is kept
# unless REBUILD=1. Usage: bash .ci/build-jre-image.sh [tag]   (default local/jre17:1, the tag the tests use)
set -euo pipefail
TAG=${1:-local/jre17:1}
if [ "${REBUILD:-0}" != 1 ] && docker image inspect "$TAG" >/dev/null 2>&1; then echo "[image] $TAG already present"; exit 0; fi
JDK=${JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
[ -d "$JDK/jmods" ] || { echo "[image] no jmods under $JDK (set JDK=... to a full JDK 17)" >&2; exit 1; }
# The modules the runnable jars need (jdeps on the *-all.jars) plus java.desktop for java.beans users
# (Jackson, Jetty inside the embedded LLM stub) and the usual crypto/locale providers.
MODULES=${MODULES:-java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.sql,java.xml,java.instrument,jdk.crypto.ec,jdk.unsupported,jdk.management,jdk.jfr,jdk.zipfs,jdk.localedata,jdk.charsets,jdk.net}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/jre-image.XXXXXX"); trap 'rm -rf "$WORK"' EXIT
ROOT=$WORK/rootfs; mkdir -p "$ROOT"/{etc,tmp,lib64,opt,root,app}; chmod 1777 "$ROOT/tmp"
"$JDK/bin/jlink" --module-path "$JDK/jmods" --add-modules "$MODULES" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$ROOT/opt/jre"
find "$ROOT/opt/jre" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 |
  xargs -0 -n1 ldd 2>/dev/null | awk '/=> \//{print $3} /^\s*\/[^ ]+ \(/{print $1}' | sort -u |
  while read -r lib; do
    case "$lib" in "$ROOT"/*) continue ;; esac          # the JRE's own libs are found via $ORIGIN
    mkdir -p "$ROOT$(dirname "$lib")"; cp -L "$lib" "$ROOT$lib"
  done
for l in /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 /lib/x86_64-linux-gnu/libresolv.so.2; do
  if [ -e "$l" ]; then mkdir -p "$ROOT$(dirname "$l")"; cp -L "$l" "$ROOT$l"; fi
done
[ -e "$ROOT/lib64/ld-linux-x86-64.so.2" ] || cp -L /lib64/ld-linux-x86-64.so.2 "$ROOT/lib64/"
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$ROOT/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$ROOT/etc/group"
printf 'hosts: files dns\n' > "$ROOT/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' > "$ROOT/etc/hosts"
# Static busybox: /bin/sh for execInContainer and shell-form commands.
if [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1; then
  mkdir -p "$ROOT/bin"; cp /bin/busybox "$ROOT/bin/busybox"
  for app in $(/bin/busybox --list); do [ -e "$ROOT/bin/$app" ] || ln -s busybox "$ROOT/bin/$app"; done
else
  echo "[image] no static /bin/busybox: the image has no shell (apt-get install busybox-static)" >&2
fi
tar -C "$ROOT" -c . | docker import \
  --change 'ENV PATH=/opt/jre/bin:/usr/bin:/bin' --change 'ENV JAVA_HOME=/opt/jre' \
  --change 'WORKDIR /' --change 'CMD ["java","-version"]' - "$TAG" >/dev/null
echo "[image] built $TAG ($(docker image inspect -f '{{.Size}}' "$TAG" | awk '{printf "%.1f MB", $1/1e6}'))"
