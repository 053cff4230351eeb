#!/usr/bin/env bash
# Removes every container and network the docker backend created (label io.quorumlab.run), running
# or not, and the node images (label io.quorumlab.image=node). The harness already removes its own
# at exit and those of crashed runs at the next start; this is for a machine you want clean now.
set -euo pipefail
containers=$(docker ps -aq --filter label=io.quorumlab.run)
[ -n "$containers" ] && docker rm -f -v $containers >/dev/null
networks=$(docker network ls -q --filter label=io.quorumlab.run)
[ -n "$networks" ] && docker network rm $networks >/dev/null
images=$(docker images -q --filter label=io.quorumlab.image=node | sort -u)
[ -n "$images" ] && docker rmi -f $images >/dev/null
echo "removed $(echo -n "$containers" | grep -c . || true) containers, $(echo -n "$networks" | grep -c . || true) networks, $(echo -n "$images" | grep -c . || true) node images"
