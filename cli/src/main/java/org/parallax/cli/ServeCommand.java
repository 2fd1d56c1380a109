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

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE})")
    String host;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(db)) {
            System.err.println("parallax: serve: no store at " + db + " (make one with parallax ingest)");
            return 2;
        }
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            System.err.println("parallax: serve: binding to " + host + " needs an access token, which is not built yet; "
                    + "use 127.0.0.1");
            return 2;
        }
        WebApp app = new WebApp(db).start(host, port);
        System.err.println("parallax: serving " + db + " on http://" + host + ":" + app.port() + "/");
        Thread.currentThread().join();
        return 0;
    }
}
