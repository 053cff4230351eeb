package io.quorumlab.store.protocol;

/** A request a client (or a node forwarding for one) sends; {@code id} matches the reply. */
public sealed interface ClientRequest extends Message {
  long id();

  String key();

  WireOptions options();

  record Get(long id, String key, WireOptions options) implements ClientRequest {}

  /** A put, or a delete when {@code value} is null. */
  record Put(long id, String key, byte[] value, byte[] context, WireOptions options) implements ClientRequest {
    public boolean isDelete() {
      return value == null;
    }
  }

  /** A request for the receiving node itself, about no key: it has no key and default options. */
  sealed interface ForNode extends ClientRequest {
    @Override
    default String key() {
      return "";
    }

    @Override
    default WireOptions options() {
      return WireOptions.DEFAULTS;
    }
  }

  /** Liveness probe. */
  record Ping(long id) implements ForNode {}

  /**
   * An administrative command for the receiving node itself ({@code status}, {@code leave},
   * {@code repair}); never forwarded. The answer is an {@link ClientReply.AdminOk} carrying JSON.
   */
  record Admin(long id, String command) implements ForNode {}
}
