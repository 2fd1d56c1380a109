package org.parallax.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.parallax.model.Problem;

/**
 * Reads text and HTML files, single or by folder, into {@link Document}s. A file that cannot
 * be read becomes a {@link Problem} naming it; the rest go on.
 */
public final class Ingestor {
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private Ingestor() {
    }

    /**
     * Reads every path: files as given, folders recursively in name order (only files with a
     * configured extension; manifests are skipped). A manifest named {@code manifest.jsonl} or
     * {@code manifest.csv} inside a folder given here is used for that folder's files unless
     * {@code manifest} has an entry for them.
     */
    public static IngestResult ingest(List<Path> paths, Manifest manifest, IngestConfig config) {
        List<Document> docs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                Manifest local = folderManifest(p, problems);
                List<Path> files;
                try (Stream<Path> walk = Files.walk(p)) {
                    files = walk.filter(Files::isRegularFile)
                            .filter(f -> !Manifest.isManifestName(f))
                            .filter(f -> config.extensions().contains(extension(f)))
                            .sorted()
                            .toList();
                } catch (IOException | RuntimeException e) {
                    problems.add(new Problem(p.toString(), "ingest", "cannot list folder: " + e.getMessage()));
                    continue;
                }
                for (Path f : files) {
                    readOne(f, manifest, local, config, docs, problems);
                }
            } else {
                readOne(p, manifest, Manifest.EMPTY, config, docs, problems);
            }
        }
        return new IngestResult(docs, problems);
    }

    private static Manifest folderManifest(Path dir, List<Problem> problems) {
        for (String n : List.of("manifest.jsonl", "manifest.csv")) {
            Path m = dir.resolve(n);
            if (Files.isRegularFile(m)) {
                try {
                    return Manifest.read(m);
                } catch (IOException e) {
                    problems.add(new Problem(m.toString(), "ingest", e.getMessage()));
                }
            }
        }
        return Manifest.EMPTY;
    }

    private static void readOne(Path file, Manifest manifest, Manifest local, IngestConfig config,
                                List<Document> docs, List<Problem> problems) {
        String source = file.toString();
        String name = file.getFileName() == null ? source : file.getFileName().toString();
        try {
            Decoded d = decode(file, config);
            Metadata meta = manifest.lookup(name).orElse(local.lookup(name));
            docs.add(new Document("a" + docs.size(), source, name, d.format, d.text, meta));
        } catch (BadInput e) {
            problems.add(new Problem(source, "ingest", e.getMessage()));
        } catch (IOException e) {
            problems.add(new Problem(source, "ingest", "cannot read: " + describe(e)));
        }
    }

    private record Decoded(Format format, String text) {
    }

    /** An input the program understands but refuses: empty, binary, undecodable, too large. */
    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    static Decoded decode(Path file, IngestConfig config) throws IOException, BadInput {
        if (!Files.isReadable(file)) {
            throw new BadInput(Files.exists(file) ? "not readable (permission denied)" : "no such file");
        }
        long size = Files.size(file);
        if (size > config.maxBytes()) {
            throw new BadInput("too large: " + size + " bytes (limit " + config.maxBytes() + ")");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            throw new BadInput("empty file");
        }
        checkNotBinary(bytes, config.maxBinaryRatio());
        int bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String ext = extension(file);
        boolean html = ext.startsWith("htm") || ext.equals("xhtml") || looksLikeHtml(bytes, bom);
        Charset charset = StandardCharsets.UTF_8;
        if (html) {
            charset = declaredCharset(bytes);
        }
        String text = decodeStrict(bytes, bom, charset);
        if (text.isBlank()) {
            throw new BadInput("no text (only white space)");
        }
        return new Decoded(html ? Format.HTML : Format.TEXT, text);
    }

    private static void checkNotBinary(byte[] bytes, double maxRatio) throws BadInput {
        int n = Math.min(bytes.length, 1 << 16);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                throw new BadInput("binary content (NUL byte at offset " + i + ")");
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        if (control > maxRatio * n) {
            throw new BadInput("binary content (" + control + " control bytes in the first " + n + ")");
        }
    }

    private static boolean looksLikeHtml(byte[] bytes, int from) {
        String head = new String(bytes, from, Math.min(bytes.length - from, 512), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html")
                || (head.startsWith("<?xml") && head.contains("<html"));
    }

    private static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String decodeStrict(byte[] bytes, int from, Charset charset) throws BadInput {
        CharsetDecoder dec = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        try {
            CharBuffer out = dec.decode(in);
            return out.toString();
        } catch (MalformedInputException e) {
            throw new BadInput("invalid " + charset.name() + " at byte " + in.position());
        } catch (CharacterCodingException e) {
            throw new BadInput("cannot decode as " + charset.name() + " at byte " + in.position());
        }
    }

    static String extension(Path f) {
        String n = f.getFileName() == null ? "" : f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }
}
