package io.orderflow.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs from a command line. */
final class Options {

    private Options() {}

    /** The pairs by name without the dashes; refuses a word that is not a {@code --name} followed by a value. */
    static Map<String, String> parse(String... args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("unexpected " + args[i] + "; options are --name value pairs");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
