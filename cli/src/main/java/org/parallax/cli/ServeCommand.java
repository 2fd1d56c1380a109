package org.parallax.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parallax serve --db corpus.db}: the web app and API on 127.0.0.1 by default. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve a corpus store: stories, articles, search, API.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "FILE", description = "the corpus database")
    Path db;

    @Option(names = "--port", defaultValue = "8080", description = "port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE}); "
            + "any other needs --token")
    String host;

    @Option(names = "--token", paramLabel = "TOKEN", description = "access token every request must carry "
            + "(Authorization: Bearer TOKEN, or ?token=TOKEN once in a browser); default: $PARALLAX_TOKEN")
    String token = System.getenv("PARALLAX_TOKEN");

    @Option(names = "--rate", paramLabel = "N", defaultValue = "20", description = "requests a second one client "
            + "address may make on average, bursts of 3 seconds' worth allowed (default ${DEFAULT-VALUE}); "
            + "clients on this machine are not limited unless --rate-loopback")
    double rate;

    @Option(names = "--rate-loopback", description = "apply --rate to clients on this machine too (behind a proxy on it)")
    boolean rateLoopback;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(db)) {
            System.err.println("parallax: serve: no store at " + db + " (make one with parallax ingest)");
            return 2;
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (!WebApp.loopback(host) && (token == null || token.length() < 16)) {
            System.err.println("parallax: serve: binding to " + host + " (reachable from other machines) needs "
                    + "--token with at least 16 characters (or PARALLAX_TOKEN)");
            return 2;
        }
        if (rate <= 0) {
            System.err.println("parallax: serve: --rate must be positive");
            return 2;
        }
        WebApp.Options options = new WebApp.Options(token, rate, (int) Math.max(1, Math.ceil(rate * 3)), rateLoopback);
        WebApp app = new WebApp(db, options).start(host, port);
        System.err.println("parallax: serving " + db + " on http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + app.port() + "/" + (token == null ? "" : " (access token required)"));
        Thread.currentThread().join();
        return 0;
    }
}
