package io.quorumlab.harness.gate;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.results.CheckSummary;
import io.quorumlab.results.Phase;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunResults;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the gate as JUnit XML (the dialect Jenkins, GitLab, GitHub test reporters and surefire
 * share): one {@code <testsuite>} per configuration, holding one {@code <testcase>} per checker
 * (per run, when a configuration ran several times) and one for the configuration's expectation.
 *
 * <p>A checker case fails when its checker found anomalies and the configuration is expected
 * valid (the explanation is the failure's text), or when it could not decide. Under
 * {@code expect invalid} a checker's anomalies are the point, so they pass (the explanation goes to
 * {@code system-out}), and the configuration case fails when no run found any.
 */
public final class JUnitReport {
  private static final int MAX_TEXT_CHARS = 60_000;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private JUnitReport() {}

  /** A test case as written; exposed so that tests and consoles can count without parsing XML. */
  public record Case(String name, String classname, double seconds, Outcome outcome, String message, String type, String text) {}

  public enum Outcome { PASSED, FAILED, SKIPPED }

  /** The cases of one configuration, checker cases first, the expectation's case last. */
  public static List<Case> cases(GateCase c) {
    List<Case> out = new ArrayList<>();
    String classname = "quorumlab." + c.workload() + "." + c.name();
    Expectation expect = c.effectiveExpect();
    boolean several = c.runs().size() > 1;
    for (GateRun run : c.runs()) {
      RunResults r = run.results();
      String suffix = several ? " [seed " + run.seed() + "]" : "";
      String where = "report: " + run.runDir().resolve(RunDirectory.REPORT);
      for (CheckSummary check : r.checks()) {
        String text = explanation(check) + where;
        Case k;
        if (check.verdict() == Verdict.VALID) {
          k = new Case(check.name() + suffix, classname, 0, Outcome.PASSED, null, null, check.summary() + "\n" + where);
        } else if (check.verdict() == Verdict.INVALID) {
          k = expect == Expectation.VALID
              ? new Case(check.name() + suffix, classname, 0, Outcome.FAILED, check.summary(), "anomaly", text)
              : new Case(check.name() + suffix, classname, 0, Outcome.PASSED, null, null, "anomalies, as expected:\n" + text);
        } else {
          String msg = "the checker could not decide: " + check.summary();
          k = expect == Expectation.VALID
              ? new Case(check.name() + suffix, classname, 0, Outcome.FAILED, msg, "unknown", text)
              : new Case(check.name() + suffix, classname, 0, Outcome.SKIPPED, msg, null, text);
        }
        out.add(k);
      }
    }
    Judgement j = Gate.judge(c);
    StringBuilder runs = new StringBuilder();
    for (GateRun run : c.runs()) {
      runs.append("seed ").append(run.seed()).append(": ").append(run.results().verdict().wireName())
          .append(run.results().anomalies().isEmpty() ? "" : " (" + Gate.anomalies(run.results()) + ")")
          .append(run.results().info().error() == null ? "" : ", error: " + run.results().info().error())
          .append(", report: ").append(run.runDir().resolve(RunDirectory.REPORT)).append('\n');
    }
    double seconds = c.runs().stream().mapToDouble(r -> seconds(r.results())).sum();
    String name = "expect " + expect.wireName() + (c.expect() == null ? " (default)" : "");
    out.add(j.passed()
        ? new Case(name, classname, seconds, Outcome.PASSED, null, null, j.message() + "\n" + runs)
        : new Case(name, classname, seconds, Outcome.FAILED, j.message(), "expectation", c.settings() + "\n" + runs));
    return out;
  }

  /** Writes {@code file} (its directory is created). */
  public static void write(Path file, String name, List<GateCase> cases) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream os = Files.newOutputStream(tmp)) {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(os, "UTF-8");
      writeTo(x, name, cases);
      x.close();
    } catch (XMLStreamException e) {
      Files.deleteIfExists(tmp);
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static void writeTo(XMLStreamWriter x, String name, List<GateCase> gateCases) throws XMLStreamException {
    List<List<Case>> all = gateCases.stream().map(JUnitReport::cases).toList();
    x.writeStartDocument("UTF-8", "1.0");
    x.writeCharacters("\n");
    x.writeStartElement("testsuites");
    x.writeAttribute("name", clean(name));
    counts(x, all.stream().flatMap(List::stream).toList());
    for (int i = 0; i < gateCases.size(); i++) {
      GateCase c = gateCases.get(i);
      List<Case> cases = all.get(i);
      x.writeCharacters("\n  ");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", clean(c.name()));
      counts(x, cases);
      long started = c.runs().isEmpty() ? System.currentTimeMillis() : c.runs().get(0).results().info().startedAtEpochMs();
      x.writeAttribute("timestamp", STAMP.format(Instant.ofEpochMilli(started)));
      x.writeAttribute("hostname", "localhost");
      x.writeCharacters("\n    ");
      x.writeStartElement("properties");
      property(x, "settings", c.settings());
      property(x, "workload", c.workload());
      property(x, "expect", c.expect() == null ? "valid (default)" : c.expect().wireName());
      for (int r = 0; r < c.runs().size(); r++) {
        GateRun run = c.runs().get(r);
        String p = c.runs().size() == 1 ? "" : "run " + (r + 1) + " ";
        property(x, p + "seed", Long.toString(run.seed()));
        property(x, p + "verdict", run.results().verdict().wireName());
        property(x, p + "report", run.runDir().resolve(RunDirectory.REPORT).toString());
        if (c.runs().size() == 1) {
          // Every option of a single run, so that a CI page shows how to reproduce it.
          for (Map.Entry<String, Object> e : run.results().info().spec().entrySet()) {
            property(x, "spec." + e.getKey(), String.valueOf(e.getValue()));
          }
        }
      }
      x.writeCharacters("\n    ");
      x.writeEndElement();
      for (Case k : cases) testcase(x, k);
      x.writeCharacters("\n  ");
      x.writeEndElement();
    }
    x.writeCharacters("\n");
    x.writeEndElement();
    x.writeCharacters("\n");
    x.writeEndDocument();
  }

  private static void counts(XMLStreamWriter x, List<Case> cases) throws XMLStreamException {
    x.writeAttribute("tests", Integer.toString(cases.size()));
    x.writeAttribute("failures", Long.toString(cases.stream().filter(k -> k.outcome() == Outcome.FAILED).count()));
    x.writeAttribute("errors", "0");
    x.writeAttribute("skipped", Long.toString(cases.stream().filter(k -> k.outcome() == Outcome.SKIPPED).count()));
    x.writeAttribute("time", seconds(cases.stream().mapToDouble(Case::seconds).sum()));
  }

  private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeCharacters("\n      ");
    x.writeEmptyElement("property");
    x.writeAttribute("name", clean(name));
    x.writeAttribute("value", clean(value));
  }

  private static void testcase(XMLStreamWriter x, Case k) throws XMLStreamException {
    x.writeCharacters("\n    ");
    x.writeStartElement("testcase");
    x.writeAttribute("classname", clean(k.classname()));
    x.writeAttribute("name", clean(k.name()));
    x.writeAttribute("time", seconds(k.seconds()));
    if (k.outcome() == Outcome.FAILED) {
      x.writeCharacters("\n      ");
      x.writeStartElement("failure");
      x.writeAttribute("message", clean(k.message()));
      x.writeAttribute("type", clean(k.type()));
      x.writeCharacters(clean(k.text()));
      x.writeEndElement();
    } else if (k.outcome() == Outcome.SKIPPED) {
      x.writeCharacters("\n      ");
      x.writeEmptyElement("skipped");
      x.writeAttribute("message", clean(k.message()));
    }
    if (k.outcome() != Outcome.FAILED && k.text() != null) {
      x.writeCharacters("\n      ");
      x.writeStartElement("system-out");
      x.writeCharacters(clean(k.text()));
      x.writeEndElement();
    }
    x.writeCharacters("\n    ");
    x.writeEndElement();
  }

  private static String explanation(CheckSummary c) {
    StringBuilder b = new StringBuilder();
    b.append(c.summary()).append('\n');
    if (!c.anomalies().isEmpty()) b.append("anomalies: ").append(Gate.anomalies(c.anomalies())).append('\n');
    for (String line : c.explanation()) {
      if (b.length() > MAX_TEXT_CHARS) {
        b.append("... (the rest is in the report)\n");
        break;
      }
      b.append(line).append('\n');
    }
    return b.toString();
  }

  static double seconds(RunResults r) {
    List<Phase> phases = r.info().phases();
    if (phases.isEmpty()) return 0;
    return (phases.get(phases.size() - 1).endNanos() - phases.get(0).startNanos()) / 1e9;
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  /** Drops what XML 1.0 cannot carry at all (control characters other than tab, newline, return). */
  static String clean(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
          || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (ok) b.appendCodePoint(cp);
      else b.append('?');
      i += Character.charCount(cp);
    }
    return b.toString();
  }
}
