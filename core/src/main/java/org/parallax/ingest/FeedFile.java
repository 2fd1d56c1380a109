package org.parallax.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.parallax.model.Problem;
import org.xml.sax.InputSource;

/**
 * Reads an RSS or Atom feed file (Rome) into one {@link Document} per item that carries its
 * article: the item's full content ({@code content:encoded}, Atom {@code content}) as HTML, or
 * its description when that is the whole text. Document type declarations are refused, so
 * entity expansion ("billion laughs") and external entities cannot run. An item with only a
 * teaser: from a feed file, a {@link Problem} naming the item's link; from a feed fetched by its
 * address, its page is fetched through a {@link PoliteFetcher}.
 */
final class FeedFile {
    /** A description shorter than this many characters is a teaser, not the article. */
    static final int MIN_TEXT = 400;

    private FeedFile() {
    }

    static boolean isFeed(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".rss") || n.endsWith(".atom") || n.endsWith(".rss.xml") || n.endsWith(".atom.xml")
                || n.equals("feed.xml") || n.endsWith(".feed.xml");
    }

    static void read(Path file, IngestConfig config, DocumentSink docs, List<Problem> problems) {
        try {
            if (Files.size(file) > config.maxBytes()) {
                problems.add(new Problem(file.toString(), "ingest", "too large: " + Files.size(file) + " bytes"));
                return;
            }
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), "ingest", "cannot read: " + e.getMessage()));
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            items(in, file.toString(), null, config, docs, problems);
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), "ingest", "cannot read: " + e.getMessage()));
        }
    }

    /**
     * Fetches a feed by its address and reads its items; an item that carries only a teaser
     * has its linked page fetched (politely: robots.txt, rate limit, size cap).
     */
    static void read(java.net.URI feed, PoliteFetcher fetcher, IngestConfig config, DocumentSink docs,
                     List<Problem> problems) {
        try {
            PoliteFetcher.Fetched f = fetcher.fetch(feed);
            if (f.status() != 200) {
                problems.add(new Problem(feed.toString(), "ingest", "HTTP status " + f.status()));
                return;
            }
            items(new java.io.ByteArrayInputStream(f.body()), feed.toString(), fetcher, config, docs, problems);
        } catch (PoliteFetcher.Refused e) {
            problems.add(new Problem(feed.toString(), "ingest", e.getMessage()));
        } catch (IOException e) {
            problems.add(new Problem(feed.toString(), "ingest", "cannot read: " + e.getMessage()));
        }
    }

    private static void items(InputStream in, String source, PoliteFetcher fetcher, IngestConfig config,
                              DocumentSink docs, List<Problem> problems) throws IOException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new InputSource(in));
        } catch (FeedException | IllegalArgumentException e) {
            problems.add(new Problem(source, "ingest", "not a readable RSS or Atom feed: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
            return;
        }
        String outlet = SiteNames.clean(feed.getTitle(), null); // a feed title often adds "RSS" or a section
        for (SyndEntry e : feed.getEntries()) {
            String link = e.getLink() != null ? e.getLink() : e.getUri();
            String where = source + " item " + (link != null ? link : String.valueOf(e.getTitle()));
            String html = null;
            for (SyndContent c : e.getContents()) {
                if (c.getValue() != null && !c.getValue().isBlank()) {
                    html = c.getValue();
                    break;
                }
            }
            if (html == null && e.getDescription() != null && e.getDescription().getValue() != null
                    && e.getDescription().getValue().length() >= MIN_TEXT) {
                html = e.getDescription().getValue();
            }
            LocalDate published = e.getPublishedDate() == null ? null
                    : e.getPublishedDate().toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
            if (html == null) {
                if (fetcher == null || link == null) {
                    problems.add(new Problem(where, "ingest", "the item carries only a teaser; its page is not fetched"));
                    continue;
                }
                try {
                    PoliteFetcher.Fetched page = fetcher.fetch(java.net.URI.create(link));
                    if (page.status() != 200) {
                        problems.add(new Problem(link, "ingest", "HTTP status " + page.status()));
                        continue;
                    }
                    String charset = page.contentType() == null ? null : org.netpreserve.jwarc.MediaType
                            .parseLeniently(page.contentType()).parameters().get("charset");
                    Decoder.Decoded d = Decoder.decode(page.body(), "page.html", charset, config);
                    docs.accept(new Document(docs.nextId(), link, link, d.format(), d.text(),
                            new Metadata(outlet, host(link), link, published)));
                } catch (PoliteFetcher.Refused | Decoder.BadInput | IllegalArgumentException ex) {
                    problems.add(new Problem(link, "ingest", ex.getMessage()));
                }
                continue;
            }
            String title = e.getTitle() == null ? "" : e.getTitle();
            String page = "<html><head><title>" + org.jsoup.nodes.Entities.escape(title) + "</title></head><body><article><h1>"
                    + org.jsoup.nodes.Entities.escape(title) + "</h1>" + html + "</article></body></html>";
            String src = link != null ? link : where;
            docs.accept(new Document(docs.nextId(), src, src, Format.HTML, page,
                    new Metadata(outlet, host(link), link, published)));
        }
    }

    private static String host(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            String h = java.net.URI.create(uri).getHost();
            return h == null ? null : h.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
