package io.quorumlab.store.client;

import java.util.Arrays;
import java.util.Base64;

/**
 * The opaque causal context of a get (an encoded vector clock, or an ABD tag). Clients pass it back
 * unchanged on the next put of the same key.
 */
public record Context(byte[] bytes) {
  public static final Context EMPTY = new Context(new byte[0]);

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** URL-safe text form, for the CLI ({@code kv put --context}). */
  public String toText() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static Context fromText(String text) {
    return new Context(Base64.getUrlDecoder().decode(text));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Context c && Arrays.equals(bytes, c.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Context[" + toText() + "]";
  }
}
