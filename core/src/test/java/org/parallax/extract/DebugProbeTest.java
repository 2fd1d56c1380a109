package org.parallax.extract;
import java.nio.file.*; import java.util.*;
import org.junit.jupiter.api.Test;
import org.jsoup.parser.Parser; import org.jsoup.nodes.*;
class DebugProbeTest { @Test void probe() throws Exception {
  for (String id : System.getProperty("ids","").split(",")) {
    String html = Files.readString(Path.of("/tmp/p"+id+".html"));
    var page = Parser.htmlParser().parseInput(html, "");
    Element body = page.body();
    System.out.println("DBG " + id + " body text " + body.text().length() + " children " + body.children().size());
    Lexicon lex = Lexicon.defaults();
    for (Element e : body.getAllElements()) {
      String cid = e.className() + " " + e.id();
      List<String> w = Lexicon.hintWords(cid);
      RemovedKind k = lex.hintKind(w);
      int len = e.text().length();
      if (len > 1000 && (k != null || lex.dropTags.contains(e.normalName()) || lex.boilerplateTags.contains(e.normalName()) || e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden")) || e.attr("style").replace(" ","").contains("display:none")))
        System.out.println("DBG   " + e.normalName() + " ." + cid.trim() + " kind=" + k + " len=" + len + " pos=" + lex.positiveHint(w) + " style=" + e.attr("style"));
    }
  }
}}
