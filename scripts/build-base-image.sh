#!/usr/bin/env bash
# Builds the base image for the docker backend without any registry: a minimal Debian with a
# JRE, iptables and iproute2, made by debootstrap from Debian's packages and imported into Docker.
# On a machine with a registry, any JRE 17 image works instead (--base-image / QUORUMLAB_BASE_IMAGE).
set -euo pipefail
IMAGE=${1:-${QUORUMLAB_BASE_IMAGE:-quorumlab/base:bookworm}}
if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "base image $IMAGE already present"; exit 0
fi
command -v debootstrap >/dev/null || { echo "debootstrap is not installed (apt-get install -y debootstrap)" >&2; exit 1; }
DIR=$(mktemp -d /tmp/quorumlab-rootfs.XXXXXX)
trap 'rm -rf "$DIR"' EXIT
echo "building $IMAGE with debootstrap into $DIR (about 2 minutes)"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,iptables,iproute2,procps bookworm "$DIR" >"$DIR.log" 2>&1 \
  || { tail -20 "$DIR.log" >&2; exit 1; }
tar -C "$DIR" -c . | docker import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$IMAGE" >/dev/null
rm -f "$DIR.log"
echo "built $IMAGE"
