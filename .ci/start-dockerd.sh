#!/usr/bin/env bash
# Installs Debian's docker.io (first time only) and starts dockerd without systemd, for the container tests.
# Idempotent: exits 0 at once when a daemon already answers. Exits non-zero when no daemon could be started;
# .ci/run then lets the container tests skip themselves (they check for Docker) instead of failing the build.
# Host networking only: --bridge=none and --iptables=false, so no container traffic leaves 127.0.0.1.
set -euo pipefail
LOG=${DOCKERD_LOG:-/tmp/dockerd.log}
STORAGES=${DOCKERD_STORAGE:-overlay2 vfs}     # tried in order; vfs is the slow fallback
WAIT_S=${DOCKERD_WAIT_S:-60}
PIDFILE=${DOCKERD_PIDFILE:-/tmp/dockerd.pid}

if docker info >/dev/null 2>&1; then echo "[docker] dockerd already running"; exit 0; fi

# A daemon that is still starting or shutting down holds /var/run/docker.pid, and a second one refuses to start:
# wait for it to answer or to go away (a stale pid file of a dead daemon is handled by dockerd itself).
existing=$(cat /var/run/docker.pid 2>/dev/null || true)
if [ -n "$existing" ] && kill -0 "$existing" 2>/dev/null; then
  echo "[docker] dockerd pid $existing exists but does not answer yet; waiting up to ${WAIT_S}s"
  for _ in $(seq 1 $((WAIT_S * 10))); do
    if docker info >/dev/null 2>&1; then echo "[docker] dockerd pid $existing ready"; exit 0; fi
    kill -0 "$existing" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$existing" 2>/dev/null; then
    echo "[docker] dockerd pid $existing never answered; stopping it" >&2
    kill "$existing" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$existing" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$existing" 2>/dev/null || true
  fi
fi

if ! command -v dockerd >/dev/null 2>&1 || [ ! -x /bin/busybox ]; then
  if [ "$(id -u)" != 0 ]; then echo "[docker] dockerd is not installed and this is not root: cannot install it" >&2; exit 1; fi
  echo "[docker] installing docker.io and busybox-static from Debian's packages ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || echo "[docker] apt-get update failed; trying the install with the lists we have" >&2
  # busybox-static gives the base image /bin/sh, nc and grep.
  apt-get install -y -qq --no-install-recommends docker.io busybox-static >/dev/null
fi

# The probe machines mount cgroups at boot; a machine that does not needs cgroupfs-mount.
if [ ! -d /sys/fs/cgroup/memory ] && [ ! -f /sys/fs/cgroup/cgroup.controllers ] && command -v cgroupfs-mount >/dev/null; then
  cgroupfs-mount || true
fi

start_one() {
  local args=(--storage-driver="$1" --iptables=false --bridge=none)
  setsid nohup dockerd "${args[@]}" >>"$LOG" 2>&1 </dev/null &
  echo $! > "$PIDFILE"
  for _ in $(seq 1 $((WAIT_S * 10))); do
    if docker info >/dev/null 2>&1; then echo "[docker] dockerd ready (pid $(cat "$PIDFILE"), ${args[*]}, log $LOG)"; return 0; fi
    kill -0 "$(cat "$PIDFILE")" 2>/dev/null || { echo "[docker] dockerd with storage driver $1 died:" >&2; tail -5 "$LOG" >&2; return 1; }
    sleep 0.1
  done
  echo "[docker] dockerd with storage driver $1 did not answer within ${WAIT_S}s" >&2
  kill "$(cat "$PIDFILE")" 2>/dev/null || true
  sleep 2
  return 1
}
for d in $STORAGES; do start_one "$d" && exit 0; done
rm -f "$PIDFILE"
exit 1
