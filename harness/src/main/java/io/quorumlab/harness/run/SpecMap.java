package io.quorumlab.harness.run;

import io.quorumlab.store.config.WireNamed;
import java.util.Map;

/** Typed reads of {@code spec.json}'s flat map, a default for each key it lacks. */
record SpecMap(Map<String, Object> map) {

  String str(String k, String d) {
    Object v = map.get(k);
    return v == null ? d : v.toString();
  }

  double number(String k, double d) {
    Object v = map.get(k);
    if (v == null) return d;
    if (v instanceof Number num) return num.doubleValue();
    throw new IllegalArgumentException("spec option '" + k + "' is not a number: " + v);
  }

  long longNumber(String k, long d) {
    Object v = map.get(k);
    if (v == null) return d;
    if (v instanceof Number num) return num.longValue();
    throw new IllegalArgumentException("spec option '" + k + "' is not a number: " + v);
  }

  int integer(String k, int d) {
    return (int) number(k, d);
  }

  <E extends Enum<E> & WireNamed> E enumOf(Class<E> type, String k, E d) {
    Object v = map.get(k);
    if (v == null) return d;
    E e = WireNamed.parse(type, v.toString());
    if (e == null) throw new IllegalArgumentException("spec option '" + k + "' has an unknown value: " + v);
    return e;
  }
}
