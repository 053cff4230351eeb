#!/usr/bin/env bash
# Stand-in machines for the ssh backend on this one machine: Docker containers of the ssh host image
# (scripts/build-ssh-host-image.sh) with NET_ADMIN, reached over the Docker bridge, as Jepsen's Docker
# setup does. `up` makes a throwaway key pair (with the containers' ssh-keygen), puts its public half in
# root's authorized_keys, writes known_hosts from the containers' host keys and the hosts, one a line:
#   scripts/ssh-hosts.sh up 5 runs/ssh-hosts
#   ./quorumlab run --backend ssh --nodes 5 --hosts-file runs/ssh-hosts/hosts --ssh-user root \
#       --ssh-key runs/ssh-hosts/id_ed25519 --ssh-known-hosts runs/ssh-hosts/known_hosts
#   scripts/ssh-hosts.sh down runs/ssh-hosts
set -euo pipefail
IMAGE=${QUORUMLAB_SSH_HOST_IMAGE:-quorumlab/ssh-host:bookworm}
cmd=${1:-}
case "$cmd" in
  up)
    n=${2:?usage: ssh-hosts.sh up N DIR}; dir=${3:?usage: ssh-hosts.sh up N DIR}
    [ ! -e "$dir/hosts" ] || { echo "$dir/hosts exists: run ssh-hosts.sh down $dir first" >&2; exit 1; }
    mkdir -p "$dir"; dir=$(cd "$dir" && pwd); tag=$(echo "$dir" | sha1sum | cut -c1-12)
    ids=()
    for _ in $(seq 1 "$n"); do
      ids+=("$(docker run -d --init --cap-add NET_ADMIN --label io.quorumlab.ssh-hosts="$tag" "$IMAGE")")
    done
    rm -f "$dir/id_ed25519" "$dir/id_ed25519.pub"
    docker exec "${ids[0]}" sh -c 'ssh-keygen -q -t ed25519 -N "" -C quorumlab-test -f /tmp/k' 
    docker exec "${ids[0]}" cat /tmp/k > "$dir/id_ed25519"
    docker exec "${ids[0]}" sh -c 'cat /tmp/k.pub && rm /tmp/k /tmp/k.pub' > "$dir/id_ed25519.pub"
    chmod 600 "$dir/id_ed25519"
    : > "$dir/known_hosts"; : > "$dir/hosts"
    for id in "${ids[@]}"; do
      ip=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$id")
      docker exec -i "$id" sh -c 'cat > /root/.ssh/authorized_keys && chmod 600 /root/.ssh/authorized_keys' < "$dir/id_ed25519.pub"
      for _ in $(seq 1 100); do docker exec "$id" test -f /etc/ssh/ssh_host_ecdsa_key.pub && break; sleep 0.1; done
      docker exec "$id" sh -c 'cat /etc/ssh/ssh_host_ecdsa_key.pub /etc/ssh/ssh_host_rsa_key.pub' | awk -v ip="$ip" '{print ip, $1, $2}' >> "$dir/known_hosts"
      echo "$ip" >> "$dir/hosts"
    done
    echo "$n ssh hosts up ($(paste -sd, "$dir/hosts")); key, known_hosts and hosts in $dir"
    ;;
  down)
    dir=${2:?usage: ssh-hosts.sh down DIR}; dir=$(cd "$dir" && pwd); tag=$(echo "$dir" | sha1sum | cut -c1-12)
    ids=$(docker ps -aq --filter label=io.quorumlab.ssh-hosts="$tag")
    [ -z "$ids" ] || docker rm -f $ids >/dev/null
    rm -f "$dir/hosts" "$dir/known_hosts" "$dir/id_ed25519" "$dir/id_ed25519.pub"
    echo "ssh hosts of $dir removed"
    ;;
  *) echo "usage: ssh-hosts.sh up N DIR | down DIR" >&2; exit 2 ;;
esac
