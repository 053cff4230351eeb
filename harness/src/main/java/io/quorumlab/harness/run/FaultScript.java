package io.quorumlab.harness.run;

import io.quorumlab.harness.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * An explicit list of faults, each at its own time, in addition to whatever the nemesis draws (a
 * shrunk run has only these: its nemesis is "none"). Faults of one kind must not overlap, since
 * each one's end undoes its kind's fault in force.
 */
public record FaultScript(List<ScriptedFault> faults) {
  static final String KEY = "faults";
  public static final FaultScript NONE = new FaultScript(List.of());

  /** @throws SpecException when two faults of one kind overlap */
  public FaultScript {
    faults = List.copyOf(faults);
    for (int i = 0; i < faults.size(); i++) {
      for (int j = i + 1; j < faults.size(); j++) {
        ScriptedFault a = faults.get(i);
        ScriptedFault b = faults.get(j);
        if (a.kind().equals(b.kind()) && a.startNanos() < b.endNanos() && b.startNanos() < a.endNanos()) {
          throw new SpecException("scripted faults " + i + " and " + j + " are both a " + a.kind() + " and overlap in time");
        }
      }
    }
  }

  public boolean isEmpty() {
    return faults.isEmpty();
  }

  public int size() {
    return faults.size();
  }

  List<Object> toList() {
    List<Object> out = new ArrayList<>();
    for (ScriptedFault f : faults) out.add(f.toMap());
    return out;
  }

  static FaultScript fromMap(Object o) {
    if (o == null) return NONE;
    if (!(o instanceof List<?> l)) throw new SpecException("spec option '" + KEY + "' is not a list of faults");
    List<ScriptedFault> out = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) out.add(ScriptedFault.fromMap(l.get(i), i));
    return new FaultScript(out);
  }
}
