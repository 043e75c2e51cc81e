package io.orderflow.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs from a command line. */
final class Options {

    private Options() {}

    /** {@code --settings "--a=b --c=d"}: the option's words (platform settings), none when it is not given. */
    static List<String> words(Map<String, String> options, String name) {
        String words = options.getOrDefault(name, "").trim();
        return words.isEmpty() ? List.of() : List.of(words.split("\\s+"));
    }

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
