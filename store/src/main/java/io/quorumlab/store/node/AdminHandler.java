package io.quorumlab.store.node;

/**
 * Answers {@link io.quorumlab.store.protocol.ClientRequest.Admin} commands (status, leave, repair)
 * on the node's thread. Throwing {@link IllegalArgumentException} refuses the command (the client
 * sees an invalid request, nothing was done); {@link IllegalStateException} reports it could not be
 * carried out now (unavailable).
 */
public interface AdminHandler {
  /** The JSON answer to {@code command}. */
  String handle(String command);

  AdminHandler NONE = command -> {
    throw new IllegalArgumentException("this node has no admin commands");
  };
}
