package org.cohortplanner.backend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.h2.JdbcPlanStore;
import org.cohortplanner.store.h2.SqlDialect;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference booking backend: the plan's resources for planners and supply officers, the booking endpoint for
 * citizens and the live counts for the console, under {@code /api/v1} (docs/api.md). Plain HTTP on loopback unless
 * given a host and a keystore.
 * <p>
 * The log has one line per request (method, path, status, user) and never a header or a body, so no token and no
 * birth date or person id reaches it.
 */
public final class BackendServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackendServer.class);
    /** One line per request; the load run turns it down, as thousands a second would measure the log. */
    public static final String REQUEST_LOG = "org.cohortplanner.backend.requests";
    private static final Logger REQUESTS = LoggerFactory.getLogger(REQUEST_LOG);
    private static final String STARTED = "cohort-planner.started";

    private final BackendConfig config;
    private final JdbcPlanStore store;
    private final PlanService plans;
    private final BookingDesk desk;
    private final SecondDoseMover mover;
    private final Javalin app;
    private ServerConnector connector;

    private BackendServer(BackendConfig config, JdbcPlanStore store, PlanService plans, BookingDesk desk,
                          SecondDoseMover mover) {
        this.config = config;
        this.store = store;
        this.plans = plans;
        this.desk = desk;
        this.mover = mover;
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.startupWatcherEnabled = false;
            javalin.http.defaultContentType = Api.JSON;
            javalin.jetty.addConnector((server, http) -> {
                connector = connector(server, http);
                return connector;
            });
            routes(javalin.routes);
        });
    }

    private void routes(RoutesConfig routes) {
        routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        routes.before(Api.PREFIX + "/*", this::authenticate);
        routes.before(Api.PREFIX + "/*", BackendServer::requireJson);
        // Logged before the answer is sent, so that a client that has its answer finds the line written.
        routes.after(this::logRequest);
        new PlanRoutes(plans).register(routes);
        new BookingRoutes(desk).register(routes);
        new NotificationRoutes(mover).register(routes);
        new ScenarioRoutes(store).register(routes);
        routes.get(Api.PREFIX + "/health", ctx -> Api.json(ctx, 200, PlanJson.text(health())));
        routes.get(Api.PREFIX + "/session", ctx -> Api.json(ctx, 200, PlanJson.text(session(ctx))));
        routes.exception(ApiException.class, BackendServer::refuse);
        routes.exception(StoreException.class, (failure, ctx) -> refuse(new ApiException(503,
                "the backend's database failed: " + failure.getMessage()), ctx));
        routes.exception(Exception.class, (failure, ctx) -> {
            LOG.warn("request {} {} failed", ctx.method(), ctx.path(), failure);
            refuse(new ApiException(500, "the backend failed: " + failure.getClass().getSimpleName()), ctx);
        });
        routes.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (ctx.result() == null || ctx.result().isEmpty() || type == null || !type.startsWith(Api.JSON)) {
                refuse(ApiException.notFound("no resource " + ctx.method() + " " + ctx.path()
                        + "; see docs/api.md"), ctx);
            }
        });
        routes.error(405, ctx -> refuse(new ApiException(405, ctx.method() + " is not allowed on " + ctx.path()),
                ctx));
    }

    /**
     * Opens the database (migrations applied, the sample plan seeded into an empty one when configured) and starts
     * listening.
     *
     * @throws StoreException when the database cannot be used
     * @throws IllegalStateException when the port cannot be bound or the keystore cannot be read
     */
    public static BackendServer start(BackendConfig config) {
        JdbcPlanStore store = JdbcPlanStore.open(config.databaseUrl(), config.databaseUser(),
                config.databasePassword(), config.clock());
        BookingLedger ledger = null;
        try {
            ledger = BookingLedger.open(config.databaseUrl(), config.databaseUser(), config.databasePassword());
            SecondDoseMover mover = new SecondDoseMover(ledger, config.clock());
            PlanService plans = new PlanService(store, mover::move);
            if (config.seed() != null) {
                plans.seed(config.seed(), "backend");
            }
            BookingDesk desk = new BookingDesk(plans, config.clock(), ledger, config.personKey());
            BackendServer server = new BackendServer(config, store, plans, desk, mover);
            server.listen();
            return server;
        } catch (RuntimeException failure) {
            if (ledger != null) {
                ledger.close();
            }
            store.close();
            throw failure;
        }
    }

    private void listen() {
        if (config.tls() && !Files.isReadable(config.keystore())) {
            throw new IllegalStateException("the keystore " + config.keystore() + " cannot be read");
        }
        try {
            app.start();
        } catch (RuntimeException failure) {
            app.stop();
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + rootMessage(failure), failure);
        }
        LOG.info("Cohort Planner backend listening on {} (database {}, {} token(s))", url(),
                SqlDialect.shown(config.databaseUrl()), config.tokens().size());
    }

    private ServerConnector connector(org.eclipse.jetty.server.Server server, HttpConfiguration http) {
        ServerConnector made;
        if (config.tls()) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(config.keystore().toString());
            tls.setKeyStorePassword(new String(config.keystorePassword()));
            tls.setKeyStoreType(config.keystore().toString().toLowerCase(Locale.ROOT).endsWith(".jks")
                    ? "JKS" : "PKCS12");
            HttpConfiguration https = new HttpConfiguration(http);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // Clients reach a loopback backend by address; the certificate names the host, which is enough.
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            made = new ServerConnector(server, tls, new HttpConnectionFactory(https));
        } else {
            made = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        made.setHost(config.host());
        made.setPort(config.port());
        return made;
    }

    /** Bookings, their tickets and the health check are public; everything else needs a valid bearer token. */
    private void authenticate(Context ctx) {
        String path = ctx.path();
        if (path.equals(Api.PREFIX + "/health") || path.equals(Api.PREFIX + "/bookings")
                || path.startsWith(Api.PREFIX + "/bookings/")) {
            return;
        }
        if (ctx.method() == HandlerType.OPTIONS || ctx.method() == HandlerType.HEAD && path.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        Optional<Caller> caller = Optional.empty();
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            caller = config.tokens().caller(header.substring(7).strip());
        }
        if (caller.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"cohort-planner\"");
            throw new ApiException(401, header == null ? "this needs a bearer token (Authorization: Bearer ...)"
                    : "the bearer token is not valid on this backend", null, "UNAUTHENTICATED", null, null);
        }
        ctx.attribute(Api.CALLER, caller.get());
    }

    /**
     * Every body the API takes is JSON: a write sent as a form, text or anything else is refused with 415 before it
     * is read, rather than parsed as if it were JSON.
     */
    private static void requireJson(Context ctx) {
        HandlerType method = ctx.method();
        if (method != HandlerType.POST && method != HandlerType.PUT && method != HandlerType.PATCH) {
            return;
        }
        String type = ctx.header("Content-Type");
        if (type == null ? ctx.body().isEmpty() : isJson(type)) {
            return;
        }
        throw new ApiException(415, "this takes a JSON body: send it with Content-Type: application/json"
                + (type == null ? " (the request had no Content-Type)" : " (the request's was " + type + ")"),
                "Content-Type", "UNSUPPORTED_MEDIA_TYPE", null, null);
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }

    private void logRequest(Context ctx) {
        Caller caller = ctx.attribute(Api.CALLER);
        Long started = ctx.attribute(STARTED);
        long millis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
        REQUESTS.info("{} {} -> {} {} ({} ms)", ctx.method(), ctx.path(), ctx.statusCode(),
                caller == null ? "-" : caller.user(), millis);
    }

    /** The most of an unread body a refusal reads and drops to keep the connection usable. */
    static final long DRAIN_LIMIT = 4L << 20;

    /**
     * A request refused before its body was read (a role check, a wrong content type) leaves that body on the
     * connection. Closing the connection then is not safe: the client may still be sending, and a socket closed with
     * unread bytes is reset, which can throw away the refusal itself before the client reads it. So the rest of a body
     * of up to {@link #DRAIN_LIMIT} bytes is read and dropped and the connection stays open; only a larger one (or one
     * that cannot be read) ends the connection, said in the refusal so the client opens a new one.
     */
    private static void drainUnreadBody(Context ctx) {
        try {
            jakarta.servlet.ServletInputStream in = ctx.req().getInputStream();
            if (in.isFinished()) {
                return;
            }
            long declared = ctx.req().getContentLengthLong();
            if (declared <= DRAIN_LIMIT) {
                byte[] buffer = new byte[16384];
                long read = 0;
                for (int n; read <= DRAIN_LIMIT && (n = in.read(buffer)) >= 0; ) {
                    read += n;
                }
                if (read <= DRAIN_LIMIT) {
                    return;
                }
            }
        } catch (java.io.IOException | IllegalStateException notReadable) {
            // fall through: the connection cannot be trusted any more
        }
        ctx.header("Connection", "close");
    }

    private static void refuse(ApiException failure, Context ctx) {
        drainUnreadBody(ctx);
        ObjectNode body = PlanJson.MAPPER.createObjectNode();
        body.put("status", failure.status());
        body.put("error", HttpStatus.forStatus(failure.status()).getMessage());
        body.put("message", failure.getMessage());
        if (failure.field() != null) {
            body.put("field", failure.field());
        }
        if (failure.reason() != null) {
            body.put("reason", failure.reason());
        }
        if (failure.currentTag() != null) {
            ctx.header("ETag", failure.currentTag());
            body.put("currentETag", failure.currentTag());
        }
        if (failure.current() != null) {
            body.set("current", failure.current());
        }
        Api.json(ctx, failure.status(), PlanJson.text(body));
    }

    private ObjectNode health() {
        ObjectNode body = PlanJson.MAPPER.createObjectNode();
        body.put("service", "cohort-planner-backend");
        body.put("api", Api.PREFIX);
        body.put("planVersion", plans.snapshot().version());
        body.put("hasPlan", !plans.snapshot().isEmpty());
        return body;
    }

    /** Who the token belongs to and what it may do: the console's connection test shows it. */
    private static ObjectNode session(Context ctx) {
        Caller caller = ctx.attribute(Api.CALLER);
        ObjectNode body = PlanJson.MAPPER.createObjectNode();
        body.put("user", caller.user());
        caller.roles().stream().map(Role::label).sorted().forEach(body.putArray("roles")::add);
        return body;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** The port it listens on (the one chosen when configured with 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URL, e.g. http://127.0.0.1:8080 (the API is under /api/v1). */
    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return (config.tls() ? "https" : "http") + "://" + host + ":" + port();
    }

    public PlanService plans() {
        return plans;
    }

    /** Stops listening and closes the database. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            desk.close();
            store.close();
        }
    }
}
