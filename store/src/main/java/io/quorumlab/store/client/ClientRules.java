package io.quorumlab.store.client;

import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.ErrorKind;
import io.quorumlab.store.protocol.WireOptions;
import java.util.concurrent.CompletionException;

/**
 * What every {@link StoreClient} transport shares: how a request is built from the API call, how
 * long the client waits for it, and how an answer (or its absence) becomes a result or a
 * {@link StoreException}. The socket client and the simulator's client both follow these rules, so
 * a history means the same whichever backend produced it.
 */
public final class ClientRules {
  private ClientRules() {}

  public static ClientRequest.Get get(long id, String key, RequestOptions options) {
    return new ClientRequest.Get(id, key, wire(options));
  }

  /** A put, or a delete when {@code value} is null. */
  public static ClientRequest.Put put(long id, String key, byte[] value, Context context, RequestOptions options) {
    return new ClientRequest.Put(id, key, value, context == null ? new byte[0] : context.bytes(), wire(options));
  }

  /** How long the client waits for an answer: the request's timeout plus the grace for the coordinator's own answer. */
  public static long waitMs(RequestOptions o, ClientOptions options) {
    long timeout = o != null && o.timeoutMs() != null ? o.timeoutMs() : options.requestTimeoutMs();
    return timeout + options.graceMs();
  }

  /** The answer to a get: its result, or (thrown as a {@link CompletionException}) its failure. */
  public static GetResult getResult(ClientReply reply) {
    if (reply instanceof ClientReply.GetOk ok) {
      return new GetResult(ok.siblings(), new Context(ok.context()), ok.replies());
    }
    throw new CompletionException(failure(reply, false));
  }

  /** The answer to a put or delete: its result, or (thrown as a {@link CompletionException}) its failure. */
  public static PutResult putResult(ClientReply reply) {
    if (reply instanceof ClientReply.PutOk ok) {
      return new PutResult(new Context(ok.context()), ok.acks());
    }
    throw new CompletionException(failure(reply, true));
  }

  /**
   * A request that was sent and got no answer ({@code why}: a timeout, a lost connection): a write
   * may have been applied, a read had no effect.
   */
  public static StoreException noAnswer(ClientRequest request, boolean write, String why) {
    return write
        ? new IndeterminateException(what(request) + ": " + why + "; it may have been applied")
        : new UnavailableException(what(request) + ": " + why);
  }

  /** The exception an error reply (or an unexpected one) stands for. */
  public static StoreException failure(ClientReply reply, boolean write) {
    if (reply instanceof ClientReply.Error e) {
      return e.kind() == ErrorKind.INVALID ? new InvalidRequestException(e.message())
          : e.kind() == ErrorKind.UNAVAILABLE ? new UnavailableException(e.message())
          : new IndeterminateException(e.message());
    }
    String msg = "unexpected reply " + reply.getClass().getSimpleName();
    return write ? new IndeterminateException(msg) : new UnavailableException(msg);
  }

  private static String what(ClientRequest r) {
    if (r instanceof ClientRequest.Put p) {
      return (p.isDelete() ? "delete of '" : "put of '") + p.key() + "'";
    }
    return r instanceof ClientRequest.Get ? "get of '" + r.key() + "'" : "ping";
  }

  private static WireOptions wire(RequestOptions o) {
    if (o == null) {
      return WireOptions.DEFAULTS;
    }
    return new WireOptions(o.w() == null ? 0 : checkPositive(o.w(), "w"), o.r() == null ? 0 : checkPositive(o.r(), "r"),
        o.quorum(), o.timeoutMs() == null ? 0 : checkPositive(o.timeoutMs(), "timeoutMs"));
  }

  private static <T extends Number> T checkPositive(T v, String what) {
    if (v.longValue() < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, got " + v);
    }
    return v;
  }
}
