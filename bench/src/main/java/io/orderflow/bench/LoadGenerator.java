package io.orderflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Places orders against a running platform through its HTTP API, like a shop's front end: customers sign up and
 * sign in, every order carries an idempotency key, a share of them is paid with a declined card or cancelled right
 * after. Orders start at a fixed rate (open loop): a platform that slows down does not slow the arrivals, and when
 * every connection is busy the order is counted as not sent rather than queued.
 * <pre>
 * java -Dloader.path=bench/target/orderflow-bench.jar -Dloader.main=io.orderflow.bench.LoadGenerator \
 *   -cp standalone/target/orderflow-standalone.jar org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --url http://localhost:8080 --rate 20 --duration 60s --concurrency 16 --customers 20 \
 *   --products PROD-001:3,PROD-002:1 --declines 0.1 --cancellations 0.05 [--seed 42]
 * </pre>
 */
public final class LoadGenerator {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String PASSWORD = "load generator passphrase";
    private static final String USAGE = "usage: LoadGenerator [--url http://localhost:8080] [--rate 10]"
            + " [--duration 60s] [--concurrency 16] [--customers 10] [--products PROD-001:3,PROD-002:1]"
            + " [--declines 0.1] [--cancellations 0.05] [--seed 42]";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Settings settings;
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private volatile long sendingStartedAt;
    private volatile long sendingEndedAt;
    /** The customers' access tokens, once signed up. */
    private List<String> tokens;

    /** When each accepted order's POST was sent and answered (System.nanoTime), by order id. */
    public record Accepted(long sentAt, long answeredAt) {}

    /**
     * What load to make.
     *
     * @param products each product as often as its weight in the mix ({@code PROD-001:3,PROD-002:1})
     * @param declines share of orders paid with a declined card
     * @param cancellations share of orders cancelled right after they are placed
     * @param seed the same orders (product, card, cancellation, in sending order) on every run; none for a new mix
     */
    public record Settings(
            String url,
            double rate,
            Duration duration,
            int concurrency,
            int customers,
            List<String> products,
            double declines,
            double cancellations,
            Long seed) {

        public Settings {
            if (rate <= 0
                    || duration.isNegative()
                    || duration.isZero()
                    || concurrency < 1
                    || customers < 1
                    || products.isEmpty()
                    || declines < 0
                    || declines > 1
                    || cancellations < 0
                    || cancellations > 1) {
                throw new IllegalArgumentException("rate, duration, concurrency and customers must be positive,"
                        + " products not empty; declines and cancellations between 0 and 1");
            }
            products = List.copyOf(products);
        }

        /** From {@code --name value} options, with the defaults of the usage line; refuses what makes no load. */
        public static Settings of(Map<String, String> options) {
            try {
                return new Settings(
                        options.getOrDefault("url", "http://localhost:8080"),
                        Double.parseDouble(options.getOrDefault("rate", "10")),
                        Duration.parse(
                                "PT" + options.getOrDefault("duration", "60s").toUpperCase()),
                        Integer.parseInt(options.getOrDefault("concurrency", "16")),
                        Integer.parseInt(options.getOrDefault("customers", "10")),
                        productMix(options.getOrDefault("products", "PROD-001:1,PROD-002:1,PROD-003:1,PROD-004:1")),
                        Double.parseDouble(options.getOrDefault("declines", "0")),
                        Double.parseDouble(options.getOrDefault("cancellations", "0")),
                        options.containsKey("seed") ? Long.valueOf(options.get("seed")) : null);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("duration must look like 60s or 2m: " + e.getMessage(), e);
            }
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

    /**
     * What the load was and how the platform answered it.
     *
     * @param responses answers by kind and status ({@code place 201}, {@code cancel 409}, {@code error ...})
     * @param acceptMillis how long {@code POST /api/orders} took to answer
     */
    public record Figures(
            long ordersSent,
            int ordersNotSentAllConnectionsBusy,
            double seconds,
            double sentPerSecond,
            Map<String, Integer> responses,
            Percentiles acceptMillis,
            int ordersWithDeclinedCard,
            int ordersCancelledAfterPlacing) {}

    public LoadGenerator(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        try {
            var load = new LoadGenerator(Settings.of(Options.parse(args)));
            System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(load.run()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
    }

    public Map<String, Accepted> accepted() {
        return accepted;
    }

    /** When the first order was due (System.nanoTime), once the customers were signed up. */
    public long sendingStartedAt() {
        return sendingStartedAt;
    }

    /** When the last order was sent (System.nanoTime), before the last answers came. */
    public long sendingEndedAt() {
        return sendingEndedAt;
    }

    /**
     * Signs the customers up and in, unless done already; {@link #run} does it first, and a caller may call it before
     * to leave it out of what it measures.
     */
    public void signUp() throws Exception {
        if (tokens == null) {
            tokens = signUpCustomers(settings.customers());
        }
    }

    /** Runs the load and answers its figures. */
    public Figures run() throws Exception {
        var random = settings.seed() != null ? new Random(settings.seed()) : new Random();
        signUp();
        System.out.printf(
                "load: %s, %.1f orders/s for %s, %d connections, %d customers, declines %.0f%%, cancellations %.0f%%%n",
                settings.url(),
                settings.rate(),
                settings.duration(),
                settings.concurrency(),
                settings.customers(),
                settings.declines() * 100,
                settings.cancellations() * 100);

        ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency());
        var connections = new Semaphore(settings.concurrency());
        var latencies = new CopyOnWriteArrayList<Long>();
        var statuses = new ConcurrentHashMap<String, AtomicInteger>();
        int notSent = 0;
        long interval = Math.round(1_000_000_000 / settings.rate());
        long start = System.nanoTime();
        sendingStartedAt = start;
        long end = start + settings.duration().toNanos();
        long sent = 0;
        int declinedCards = 0;
        int cancellationsAsked = 0;
        for (long next = start; next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!connections.tryAcquire()) {
                notSent++;
                continue;
            }
            sent++;
            String token = tokens.get((int) (sent % tokens.size()));
            // what each order is, decided here in sending order, so a seed gives the same orders every run
            String product =
                    settings.products().get(random.nextInt(settings.products().size()));
            boolean declined = random.nextDouble() < settings.declines();
            boolean cancelled = random.nextDouble() < settings.cancellations();
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
        sendingEndedAt = Math.max(end, System.nanoTime());
        double seconds = (sendingEndedAt - start) / 1e9;
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        var byStatus = new TreeMap<String, Integer>();
        statuses.forEach((status, count) -> byStatus.put(status, count.get()));
        return new Figures(
                sent,
                notSent,
                Percentiles.oneDecimal(seconds),
                Percentiles.oneDecimal(sent / seconds),
                byStatus,
                Percentiles.ofNanos(latencies),
                declinedCards,
                cancellationsAsked);
    }

    private void placeOne(
            String token,
            String product,
            boolean declined,
            boolean cancelled,
            List<Long> latencies,
            Map<String, AtomicInteger> statuses) {
        String card = declined ? "pm_card_chargeDeclined" : "pm_card_visa";
        String body = """
                {"items":[{"productId":"%s","quantity":1}],"paymentMethod":"%s",
                 "shippingAddress":{"recipient":"Load Test","line1":"1 Bench St","city":"Berlin","postalCode":"10115","country":"DE"}}""".formatted(product, card);
        long begin = System.nanoTime();
        try {
            HttpResponse<String> placed = send(request("/api/orders", token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            long answered = System.nanoTime();
            latencies.add(answered - begin);
            count(statuses, "place " + placed.statusCode());
            if (placed.statusCode() / 100 != 2) {
                return;
            }
            String orderId = json.readTree(placed.body()).get("orderId").asString();
            accepted.put(orderId, new Accepted(begin, answered));
            if (cancelled) {
                HttpResponse<String> cancel = send(request("/api/orders/" + orderId + "/cancel", token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
                count(statuses, "cancel " + cancel.statusCode());
            }
        } catch (Exception e) {
            count(statuses, "error " + e.getClass().getSimpleName());
        }
    }

    private static void count(Map<String, AtomicInteger> statuses, String answer) {
        statuses.computeIfAbsent(answer, key -> new AtomicInteger()).incrementAndGet();
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

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(settings.url() + path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(settings.url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
