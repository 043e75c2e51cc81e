package io.orderflow.standalone;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/**
 * Says in one line why the platform did not start and which setting to change: a {@link StartFailure}, the HTTP
 * port in use, an external PostgreSQL or MongoDB that cannot be reached. Runs before Spring Boot's own analyzers
 * (registered in {@code META-INF/spring.factories}), and {@link StandaloneApplication} prints its verdict last.
 */
public final class StartFailureAnalyzer implements FailureAnalyzer, Ordered {

    private static final Pattern MONGO_ADDRESS = Pattern.compile("address=([^,}]+)");

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartFailure start) {
                return new FailureAnalysis(start.getMessage(), start.action(), start);
            }
            if (cause instanceof PortInUseException port) {
                return new FailureAnalysis(
                        "The HTTP port " + port.getPort() + " is in use.",
                        "Stop what listens on port " + port.getPort()
                                + ", or set SERVER_PORT (--server.port) to a free port.",
                        port);
            }
            // 08xxx: connection exceptions (PostgreSQL's driver says which host and port it could not reach)
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return new FailureAnalysis(
                        "PostgreSQL cannot be reached: " + oneLine(sql.getMessage()),
                        "Start it or correct DATABASE_URL (spring.datasource.url); unset it to use the embedded"
                                + " PostgreSQL.",
                        sql);
            }
            if (cause.getClass().getName().equals("com.mongodb.MongoTimeoutException")) {
                Matcher address = MONGO_ADDRESS.matcher(String.valueOf(cause.getMessage()));
                return new FailureAnalysis(
                        "MongoDB cannot be reached" + (address.find() ? " at " + address.group(1) : "") + ".",
                        "Start it or correct MONGODB_URI (spring.mongodb.uri); unset it to use the embedded"
                                + " MongoDB wire server.",
                        cause);
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** The verdict on a failed start as one line: this analyzer's, or else the innermost cause's message. */
    static String verdict(Throwable failure) {
        FailureAnalysis analysis = new StartFailureAnalyzer().analyze(failure);
        if (analysis != null) {
            return oneLine(analysis.getDescription()) + " " + oneLine(analysis.getAction());
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return oneLine(root.getMessage() != null ? root.getMessage() : root.toString());
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
