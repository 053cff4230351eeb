#!/usr/bin/env bash
# Builds the image whose containers stand in for remote machines in the ssh backend's tests: the
# offline base image (scripts/build-base-image.sh: Debian, a JRE 17, iptables, iproute2, procps)
# plus Debian's openssh-server, installed from a Debian mirror (no registry is used). Each container
# makes fresh host keys when it starts, so no two hosts share one; sshd runs in the foreground.
set -euo pipefail
IMAGE=${1:-${QUORUMLAB_SSH_HOST_IMAGE:-quorumlab/ssh-host:bookworm}}
BASE=${QUORUMLAB_BASE_IMAGE:-quorumlab/base:bookworm}
if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "ssh host image $IMAGE already present"; exit 0
fi
docker image inspect "$BASE" >/dev/null 2>&1 || { echo "base image $BASE is missing: run scripts/build-base-image.sh first" >&2; exit 1; }
DIR=$(mktemp -d /tmp/quorumlab-ssh-host.XXXXXX)
trap 'rm -rf "$DIR"' EXIT
cat >"$DIR/Dockerfile" <<DOCKERFILE
FROM $BASE
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssh-server >/dev/null \
 && rm -rf /var/lib/apt/lists/* /etc/ssh/ssh_host_*_key* && mkdir -p /run/sshd /root/.ssh && chmod 700 /root/.ssh
EXPOSE 22
CMD ["/bin/sh", "-c", "ssh-keygen -A >/dev/null && exec /usr/sbin/sshd -D -e"]
DOCKERFILE
echo "building $IMAGE from $BASE with openssh-server from Debian (under a minute)"
docker build -q -t "$IMAGE" "$DIR" >"$DIR/build.log" 2>&1 || { tail -20 "$DIR/build.log" >&2; exit 1; }
echo "built $IMAGE"
