package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cli.store.ClusterState;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.IndeterminateException;
import io.quorumlab.store.client.InvalidRequestException;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.net.Addresses;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quorumlab kv get|put|delete}: one request to one node of a running cluster. */
@Command(
    name = "kv",
    mixinStandardHelpOptions = true,
    description = {
      "Sends one request to one node, which coordinates it.",
      "Exit codes: 0 ok, 1 failed without effect (unavailable), 2 indeterminate (may have been applied), 254 bad arguments."
    },
    subcommands = {KvCommand.Get.class, KvCommand.Put.class, KvCommand.Delete.class})
public final class KvCommand implements Runnable {
  static final int DEFINITE_FAILURE = 1;
  static final int INDETERMINATE = 2;

  @Override
  public void run() {
    throw new SpecException("kv needs a subcommand: get, put or delete");
  }

  /** Where to send the request and with which overrides. */
  static final class Target {
    @Option(names = "--node", paramLabel = "ID", description = "Node of the cluster in --dir (default n1).")
    String node;

    @Option(names = "--address", paramLabel = "HOST:PORT", description = "Talk to this address instead of a node of --dir.")
    String address;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ClusterCommand.DEFAULT_DIR, description = "Cluster directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--w", paramLabel = "W", description = "Write quorum for this request.")
    Integer w;

    @Option(names = "--r", paramLabel = "R", description = "Read quorum for this request.")
    Integer r;

    @Option(names = "--quorum", paramLabel = "strict|sloppy", description = "Quorum kind for this request.")
    Quorum quorum;

    @Option(names = "--timeout-ms", paramLabel = "MS", description = "How long to wait for the answer.")
    Long timeoutMs;

    InetSocketAddress resolve() {
      if (address != null && node != null) {
        throw new SpecException("give --node or --address, not both");
      }
      if (w != null && w < 1 || r != null && r < 1) {
        throw new SpecException("--w and --r must be at least 1");
      }
      if (timeoutMs != null && timeoutMs < 1) {
        throw new SpecException("--timeout-ms must be positive");
      }
      if (address != null) {
        try {
          return Addresses.parse(address);
        } catch (IllegalArgumentException e) {
          throw new SpecException(e.getMessage());
        }
      }
      ClusterState state = ClusterState.read(dir, ", or pass --address HOST:PORT");
      if (w != null && w > state.n()) {
        throw new SpecException("--w " + w + " exceeds N=" + state.n() + " of the cluster in " + dir);
      }
      if (r != null && r > state.n()) {
        throw new SpecException("--r " + r + " exceeds N=" + state.n() + " of the cluster in " + dir);
      }
      ClusterState.Node n = state.node(node == null ? "n1" : node, dir);
      return new InetSocketAddress(n.host(), n.port());
    }

    RequestOptions options() {
      RequestOptions o = RequestOptions.DEFAULTS;
      if (w != null) o = o.withW(w);
      if (r != null) o = o.withR(r);
      if (quorum != null) o = o.withQuorum(quorum);
      if (timeoutMs != null) o = o.withTimeoutMs(timeoutMs);
      return o;
    }
  }

  interface Request {
    void run(NettyStoreClient client, RequestOptions options) throws StoreException;
  }

  static int execute(Target target, Request request) {
    InetSocketAddress address = target.resolve();
    RequestOptions options = target.options();
    try (NettyStoreClient client = NettyStoreClient.connect(address, ClientOptions.DEFAULTS)) {
      request.run(client, options);
      return ExitCodes.VALID;
    } catch (InvalidRequestException e) {
      throw new SpecException("refused by " + Addresses.format(address) + ": " + e.getMessage());
    } catch (IndeterminateException e) {
      System.err.println("indeterminate: " + e.getMessage());
      return INDETERMINATE;
    } catch (StoreException e) {
      System.err.println("failed: " + e.getMessage());
      return DEFINITE_FAILURE;
    }
  }

  static Context context(String text) {
    if (text == null) {
      return Context.EMPTY;
    }
    try {
      return Context.fromText(text);
    } catch (IllegalArgumentException e) {
      throw new SpecException("--context is not a context printed by 'kv get': " + e.getMessage());
    }
  }

  /** UTF-8 text as is; anything else as base64. */
  static String show(byte[] value) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
    } catch (CharacterCodingException e) {
      return "base64:" + Base64.getEncoder().encodeToString(value);
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true,
      description = "Prints every sibling (one per line) and the context that covers them all.")
  static final class Get implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KEY") String key;
    @Mixin Target target;

    @Override
    public Integer call() {
      return execute(target, (client, options) -> {
        GetResult r = client.get(key, options);
        System.out.println(r.siblings().isEmpty() ? "not found" : r.siblings().size() == 1 ? "1 sibling" : r.siblings().size() + " siblings");
        for (byte[] v : r.siblings()) {
          System.out.println("  " + show(v));
        }
        System.out.println("context: " + (r.context().isEmpty() ? "-" : r.context().toText()));
        System.out.println("replies: " + r.replies());
      });
    }
  }

  @Command(name = "put", mixinStandardHelpOptions = true,
      description = "Writes VALUE. Without --context a blind write (concurrent with what is stored); with the context of a get it supersedes what that get saw.")
  static final class Put implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KEY") String key;
    @Parameters(index = "1", paramLabel = "VALUE") String value;
    @Option(names = "--context", paramLabel = "C", description = "The context printed by 'kv get'.") String context;
    @Mixin Target target;

    @Override
    public Integer call() {
      Context c = context(context);
      return execute(target, (client, options) -> {
        PutResult r = client.put(key, value.getBytes(StandardCharsets.UTF_8), c, options);
        System.out.println("ok, " + r.acks() + " acks, context: " + r.context().toText());
      });
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Writes a tombstone; with --context it supersedes what that get saw.")
  static final class Delete implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KEY") String key;
    @Option(names = "--context", paramLabel = "C", description = "The context printed by 'kv get'.") String context;
    @Mixin Target target;

    @Override
    public Integer call() {
      Context c = context(context);
      return execute(target, (client, options) -> {
        PutResult r = client.delete(key, c, options);
        System.out.println("deleted, " + r.acks() + " acks, context: " + r.context().toText());
      });
    }
  }
}
