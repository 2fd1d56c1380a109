package org.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedFileTest {
    @TempDir
    Path dir;

    static final String STORY = "<p>Heavy rain flooded the lower town on Tuesday night and forced the evacuation of the "
            + "riverside hospital, officials said.</p><p>Engineers closed the old stone bridge after cracks appeared in "
            + "two of its arches.</p>";

    @Test
    void rssItemsWithTheirArticleBecomeDocumentsAndTeasersAreNamed() throws Exception {
        Path feed = dir.resolve("news.rss");
        Files.writeString(feed, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>The Valley Herald</title><link>https://herald.example/</link>
                <item><title>Flood in the lower town</title><link>https://www.herald.example/flood</link>
                <pubDate>Tue, 06 Dec 2016 21:00:00 GMT</pubDate>
                <content:encoded><![CDATA[%s]]></content:encoded></item>
                <item><title>Council meets</title><link>https://www.herald.example/council</link>
                <description>The council meets on Friday.</description></item>
                </channel></rss>
                """.formatted(STORY));
        IngestResult r = Ingestor.ingest(List.of(feed), Manifest.EMPTY, IngestConfig.defaults());
        assertThat(r.documents()).hasSize(1);
        Document d = r.documents().get(0);
        assertThat(d.format()).isEqualTo(Format.HTML);
        assertThat(d.content()).contains("riverside hospital").contains("<title>Flood in the lower town</title>");
        assertThat(d.metadata().outlet()).isEqualTo("The Valley Herald");
        assertThat(d.metadata().url()).isEqualTo("https://www.herald.example/flood");
        assertThat(d.metadata().domain()).isEqualTo("herald.example");
        assertThat(d.metadata().published()).hasToString("2016-12-06");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.line())
                .contains("news.rss").contains("https://www.herald.example/council").contains("teaser"));
    }

    @Test
    void atomEntriesAreReadToo() throws Exception {
        Path feed = dir.resolve("news.atom");
        Files.writeString(feed, """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Post</title><id>urn:harbour</id>
                <updated>2016-12-07T10:00:00Z</updated>
                <entry><title>Bridge closed</title><id>urn:harbour:1</id><link href="https://harbour.example/bridge"/>
                <updated>2016-12-07T10:00:00Z</updated><published>2016-12-07T09:00:00Z</published>
                <content type="html"><![CDATA[%s]]></content></entry></feed>
                """.formatted(STORY));
        IngestResult r = Ingestor.ingest(List.of(feed), Manifest.EMPTY, IngestConfig.defaults());
        assertThat(r.problems()).isEmpty();
        assertThat(r.documents()).singleElement().satisfies(d -> {
            assertThat(d.metadata().url()).isEqualTo("https://harbour.example/bridge");
            assertThat(d.metadata().outlet()).isEqualTo("Harbour Post");
        });
    }

    @Test
    void entityExpansionIsRefusedWithAClearProblem() throws Exception {
        Path feed = dir.resolve("laughs.rss");
        Files.writeString(feed, """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss version="2.0"><channel><title>&lol3;</title></channel></rss>
                """);
        IngestResult r = Ingestor.ingest(List.of(feed), Manifest.EMPTY, IngestConfig.defaults());
        assertThat(r.documents()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.line()).contains("laughs.rss")
                .contains("not a readable RSS or Atom feed"));
    }
}
