package io.orderflow.standalone.tools;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places orders against a running platform through its HTTP API, like a shop's front end: customers sign up and
 * sign in, every order carries an idempotency key, a share of them is paid with a declined card or cancelled right
 * after. Orders start at a fixed rate (open loop): a platform that slows down does not slow the arrivals, and when
 * every connection is busy the order is counted as not sent rather than queued.
 * <pre>
 * java -cp standalone/target/orderflow-standalone.jar -Dloader.main=io.orderflow.standalone.tools.LoadGenerator \
 *   org.springframework.boot.loader.launch.PropertiesLauncher --url http://localhost:8080 --rate 20 --duration 60s \
 *   --concurrency 16 --customers 20 --products PROD-001:3,PROD-002:1 --declines 0.1 --cancellations 0.05 [--seed 42]
 * </pre>
 */
public final class LoadGenerator {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String PASSWORD = "load generator passphrase";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final Map<String, String> options;

    /** When each accepted order's POST was sent and answered (System.nanoTime), by order id. */
    public record Accepted(long sentAt, long answeredAt) {
    }

    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();

    public LoadGenerator(Map<String, String> options) {
        this.options = options;
        this.url = options.getOrDefault("url", "http://localhost:8080");
    }

    public static void main(String[] args) throws Exception {
        var options = new HashMap<String, String>();
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 == args.length) {
                    throw new IllegalArgumentException("unexpected " + args[i]);
                }
                options.put(args[i].substring(2), args[i + 1]);
            }
            System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(new LoadGenerator(options).run()));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            System.err.println(e.getMessage() + "\nusage: LoadGenerator [--url http://localhost:8080] [--rate 10]"
                    + " [--duration 60s] [--concurrency 16] [--customers 10] [--products PROD-001:3,PROD-002:1]"
                    + " [--declines 0.1] [--cancellations 0.05] [--seed 42]");
            System.exit(2);
        }
    }

    public Map<String, Accepted> accepted() {
        return accepted;
    }

    /** Runs the load and answers its figures. */
    public Map<String, Object> run() throws Exception {
        double rate = Double.parseDouble(options.getOrDefault("rate", "10"));
        Duration duration = Duration.parse("PT" + options.getOrDefault("duration", "60s").toUpperCase());
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        int customerCount = Integer.parseInt(options.getOrDefault("customers", "10"));
        double declines = Double.parseDouble(options.getOrDefault("declines", "0"));
        double cancellations = Double.parseDouble(options.getOrDefault("cancellations", "0"));
        List<String> mix = productMix(options.getOrDefault("products", "PROD-001:1,PROD-002:1,PROD-003:1,PROD-004:1"));
        if (rate <= 0 || duration.isNegative() || duration.isZero() || concurrency < 1 || customerCount < 1
                || declines < 0 || declines > 1 || cancellations < 0 || cancellations > 1) {
            throw new IllegalArgumentException("rate, duration, concurrency and customers must be positive;"
                    + " declines and cancellations between 0 and 1");
        }

        var random = options.containsKey("seed") ? new Random(Long.parseLong(options.get("seed"))) : new Random();
        List<String> tokens = signUpCustomers(customerCount);
        System.out.printf("load: %s, %.1f orders/s for %s, %d connections, %d customers, declines %.0f%%, cancellations %.0f%%%n",
                url, rate, duration, concurrency, customerCount, declines * 100, cancellations * 100);

        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        var connections = new Semaphore(concurrency);
        var latencies = new CopyOnWriteArrayList<Long>();
        var statuses = new ConcurrentHashMap<String, AtomicInteger>();
        var notSent = new AtomicInteger();
        long interval = Math.round(1_000_000_000 / rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        int declinedCards = 0;
        int cancellationsAsked = 0;
        for (long next = start; next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!connections.tryAcquire()) {
                notSent.incrementAndGet();
                continue;
            }
            sent++;
            String token = tokens.get((int) (sent % tokens.size()));
            // what each order is, decided here in sending order, so a seed gives the same orders every run
            String product = mix.get(random.nextInt(mix.size()));
            boolean declined = random.nextDouble() < declines;
            boolean cancelled = random.nextDouble() < cancellations;
            declinedCards += declined ? 1 : 0;
            cancellationsAsked += cancelled ? 1 : 0;
            workers.submit(() -> {
                try {
                    placeOne(token, product, declined, cancelled, latencies, statuses);
                } finally {
                    connections.release();
                }
            });
        }
        // the rate offered: orders sent over the time they were sent in, not counting the wait for the last answers
        double seconds = (Math.max(end, System.nanoTime()) - start) / 1e9;
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        Map<String, Object> figures = report(sent, notSent.get(), seconds, latencies, statuses);
        figures.put("ordersWithDeclinedCard", declinedCards);
        figures.put("ordersCancelledAfterPlacing", cancellationsAsked);
        return figures;
    }

    private void placeOne(String token, String product, boolean declined, boolean cancelled, List<Long> latencies,
                          Map<String, AtomicInteger> statuses) {
        String card = declined ? "pm_card_chargeDeclined" : "pm_card_visa";
        String body = """
                {"items":[{"productId":"%s","quantity":1}],"paymentMethod":"%s",
                 "shippingAddress":{"recipient":"Load Test","line1":"1 Bench St","city":"Berlin","postalCode":"10115","country":"DE"}}"""
                .formatted(product, card);
        long begin = System.nanoTime();
        try {
            HttpResponse<String> placed = send(HttpRequest.newBuilder(URI.create(url + "/api/orders"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            long answered = System.nanoTime();
            latencies.add(answered - begin);
            statuses.computeIfAbsent("place " + placed.statusCode(), key -> new AtomicInteger()).incrementAndGet();
            if (placed.statusCode() / 100 != 2) {
                return;
            }
            String orderId = json.readTree(placed.body()).get("orderId").asString();
            accepted.put(orderId, new Accepted(begin, answered));
            if (cancelled) {
                HttpResponse<String> cancel = send(HttpRequest.newBuilder(URI.create(url + "/api/orders/" + orderId + "/cancel"))
                        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());
                statuses.computeIfAbsent("cancel " + cancel.statusCode(), key -> new AtomicInteger()).incrementAndGet();
            }
        } catch (Exception e) {
            statuses.computeIfAbsent("error " + e.getClass().getSimpleName(), key -> new AtomicInteger()).incrementAndGet();
        }
    }

    private List<String> signUpCustomers(int count) throws Exception {
        var tokens = new ArrayList<String>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            String credentials = "{\"email\":\"load-%s-%d@example.com\",\"name\":\"Load %d\",\"password\":\"%s\"}"
                    .formatted(run, i, i, PASSWORD);
            HttpResponse<String> signedUp = post("/api/auth/signup", credentials);
            HttpResponse<String> signedIn = post("/api/auth/signin", credentials);
            if (signedUp.statusCode() != 201 || signedIn.statusCode() != 200) {
                throw new IllegalStateException("could not sign up a customer: " + signedUp.statusCode() + " "
                        + signedIn.statusCode() + " " + signedIn.body());
            }
            tokens.add(json.readTree(signedIn.body()).get("accessToken").asString());
        }
        return tokens;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> report(long sent, int notSent, double seconds, List<Long> latencies,
                                              Map<String, AtomicInteger> statuses) {
        var sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        var byStatus = new TreeMap<String, Integer>();
        statuses.forEach((status, count) -> byStatus.put(status, count.get()));
        var figures = new LinkedHashMap<String, Object>();
        figures.put("ordersSent", sent);
        figures.put("ordersNotSentAllConnectionsBusy", notSent);
        figures.put("seconds", Math.round(seconds * 10) / 10.0);
        figures.put("sentPerSecond", Math.round(sent / seconds * 10) / 10.0);
        figures.put("responses", byStatus);
        figures.put("acceptMillisP50", percentile(sorted, 0.50));
        figures.put("acceptMillisP95", percentile(sorted, 0.95));
        figures.put("acceptMillisP99", percentile(sorted, 0.99));
        figures.put("acceptMillisMax", sorted.isEmpty() ? 0 : Math.round(sorted.get(sorted.size() - 1) / 1e5) / 10.0);
        return figures;
    }

    /** The share's percentile of sorted nanoseconds, in milliseconds with one decimal. */
    static double percentile(List<Long> sorted, double share) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(share * sorted.size()) - 1;
        return Math.round(sorted.get(Math.max(0, index)) / 1e5) / 10.0;
    }

    /** {@code PROD-001:3,PROD-002:1}: each product as often as its weight. */
    private static List<String> productMix(String spec) {
        var mix = new ArrayList<String>();
        for (String entry : spec.split(",")) {
            String[] parts = entry.split(":");
            int weight = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            for (int i = 0; i < weight; i++) {
                mix.add(parts[0].strip());
            }
        }
        return mix;
    }
}
