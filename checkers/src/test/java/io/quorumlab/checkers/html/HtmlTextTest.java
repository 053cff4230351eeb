package io.quorumlab.checkers.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void escapesEveryCharacterWithAMeaningInContentOrAttributes() {
    assertThat(HtmlText.escape("<a href=\"x\" title='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    assertThat(HtmlText.escape("plain · text")).isEqualTo("plain · text");
  }

  @Test
  void escapesAnyObjectsTextAndNullAsNothing() {
    assertThat(HtmlText.escape(null)).isEmpty();
    assertThat(HtmlText.escape(java.util.List.of("<1>", 2))).isEqualTo("[&lt;1&gt;, 2]");
  }

  @Test
  void linkTargetsArePercentEncodedOnceThenEscaped() {
    assertThat(HtmlText.href("runs/a b/#1?x=100%&y")).isEqualTo("runs/a%20b/%231%3Fx=100%25&amp;y");
  }
}
