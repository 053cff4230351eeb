package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cli.store.ClusterIdentityOptions;
import io.quorumlab.harness.cli.store.StoreOptions;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.node.NodeConfigCheck;
import io.quorumlab.store.server.NodeConfigJson;
import io.quorumlab.store.server.NodeServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quorumlab serve}: one store node in the foreground. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    defaultValueProvider = StoreOptions.StoreDefaults.class,
    description = {
      "Runs one store node in the foreground, logging to stdout, until SIGTERM or Ctrl-C stop it cleanly.",
      "Takes a JSON node config (--config), options, or both (options override the file)."
    })
public final class ServeCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "Node config as JSON (nodeId, port and members are required).")
  Path config;

  @Option(names = "--id", paramLabel = "ID", description = "This node's id (default n1 without --config).")
  String id;

  @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default 127.0.0.1).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", description = "Port for clients and peers (default 7001 without --config).")
  Integer port;

  @Option(names = "--members", split = ",", paramLabel = "ID=HOST:PORT",
      description = "Every member and where this node reaches it, this node included (default: this node alone).")
  Map<String, String> members;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Storage directory (default data/ID).")
  String dataDir;

  @Mixin StoreOptions settings;
  @Mixin ClusterIdentityOptions identity;

  @Override
  public Integer call() throws Exception {
    NodeServer.configureLogging();
    NodeConfig c = resolve();
    List<String> problems = NodeConfigCheck.problems(c);
    if (!problems.isEmpty()) {
      throw new SpecException("refusing to start " + c.nodeId() + ": " + String.join("; ", problems));
    }
    try {
      NodeServer.runForeground(c);
    } catch (RuntimeException e) {
      System.err.println("quorumlab: node " + c.nodeId() + " could not start: " + e.getMessage());
      return ExitCodes.UNKNOWN;
    }
    return ExitCodes.VALID;
  }

  NodeConfig resolve() {
    NodeConfig c;
    if (config != null) {
      try {
        c = NodeConfigJson.read(config);
      } catch (IOException e) {
        throw new SpecException("cannot read " + config + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new SpecException(e.getMessage());
      }
    } else {
      String nodeId = id == null ? "n1" : id;
      int p = port == null ? 7001 : port;
      String h = host == null ? "127.0.0.1" : host;
      Map<String, String> m = members == null ? Map.of(nodeId, h + ":" + p) : new LinkedHashMap<>(members);
      c = NodeConfig.defaults(nodeId, p, "data/" + nodeId, m).withListenHost(h);
      if (m.size() < c.n() && !settings.setsQuorumSizes()) {
        // A node started alone (or in a small cluster) without explicit quorum sizes: fit them.
        int n = m.size();
        c = c.toBuilder().n(n).w(Math.min(c.w(), n)).r(Math.min(c.r(), n)).build();
      }
    }
    NodeConfig.Builder b = c.toBuilder();
    if (id != null) b.nodeId(id);
    if (host != null) b.listenHost(host);
    if (port != null) b.port(port);
    if (members != null) b.members(new LinkedHashMap<>(members)).seeds(List.copyOf(members.keySet()));
    if (dataDir != null) b.dataDir(dataDir);
    return identity.applyTo(settings.applyTo(b.build()));
  }
}
