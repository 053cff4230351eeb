package io.quorumlab.store.net;

import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.protocol.PeerMessage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Which cluster a node belongs to, as its hello says and as an accepting node checks it: the
 * cluster's name, and when the cluster has a shared secret, an HMAC-SHA256 of the name and the
 * sender's id keyed with it. So a node of another cluster, or a process that does not know the
 * secret, cannot make a connection count as a peer's. The secret itself never travels. This is not
 * transport security: whoever can read a link can replay its hello; keep the links on a private
 * network.
 */
public final class ClusterIdentity {
  private static final String MAC = "HmacSHA256";
  private static final byte[] NONE = new byte[0];

  private final String name;
  private final byte[] secret;

  public ClusterIdentity(String name, String secret) {
    this.name = name;
    this.secret = secret == null ? NONE : secret.getBytes(StandardCharsets.UTF_8);
  }

  public static ClusterIdentity of(NodeConfig config) {
    return new ClusterIdentity(config.clusterName(), config.clusterSecret());
  }

  public String name() {
    return name;
  }

  /** The hello that opens a connection from {@code nodeId} to another node of this cluster. */
  public PeerMessage.Hello hello(String nodeId) {
    return new PeerMessage.Hello(nodeId, name, proof(nodeId));
  }

  /** Why {@code hello} does not come from a node of this cluster, or empty when it does. */
  public Optional<String> refusal(PeerMessage.Hello hello) {
    if (!name.equals(hello.cluster())) {
      return Optional.of("hello from " + hello.nodeId() + " of cluster '" + hello.cluster() + "', but this node is in cluster '"
          + name + "'");
    }
    if (secret.length == 0) {
      return hello.proof().length == 0 ? Optional.empty()
          : Optional.of("hello from " + hello.nodeId() + " proves a cluster secret, but this node has none");
    }
    if (hello.proof().length == 0) {
      return Optional.of("hello from " + hello.nodeId() + " without the cluster's secret");
    }
    if (!MessageDigest.isEqual(proof(hello.nodeId()), hello.proof())) {
      return Optional.of("hello from " + hello.nodeId() + " with a wrong proof of the cluster's secret");
    }
    return Optional.empty();
  }

  private byte[] proof(String nodeId) {
    if (secret.length == 0) {
      return NONE;
    }
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(new SecretKeySpec(secret, MAC));
      return mac.doFinal(("quorumlab hello\0" + name + "\0" + nodeId).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }
}
