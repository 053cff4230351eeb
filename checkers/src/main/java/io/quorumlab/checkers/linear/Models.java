package io.quorumlab.checkers.linear;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The linearizability models by name. To add one, add a line to the static block below. */
public final class Models {
  private static final Map<String, Supplier<Model<?>>> MODELS = new LinkedHashMap<>();

  static {
    // In the order the linearizability checker tries them when none is named.
    MODELS.put("register", RegisterModel::register);
    MODELS.put("cas-register", RegisterModel::casRegister);
    MODELS.put("kv", KvModel::new);
  }

  private Models() {}

  /**
   * @throws IllegalArgumentException naming the known models when {@code name} is not one
   */
  public static Model<?> byName(String name) {
    Supplier<Model<?>> s = MODELS.get(name);
    if (s == null) throw new IllegalArgumentException("unknown model '" + name + "' (known: " + String.join(", ", MODELS.keySet()) + ")");
    return s.get();
  }

  public static Set<String> names() {
    return Collections.unmodifiableSet(MODELS.keySet());
  }
}
