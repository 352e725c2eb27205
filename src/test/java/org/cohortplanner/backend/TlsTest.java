package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.remote.RemotePlanStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend over HTTPS with a self-signed keystore made by the JDK's keytool. */
class TlsTest {
    private static final String PASSWORD = "changeit-" + UUID.randomUUID();

    @TempDir
    Path folder;

    private Path keystore() throws Exception {
        Path keystore = folder.resolve("backend.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "backend",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, process.exitValue(), output);
        return keystore;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void withAKeystoreTheBackendServesHttpsOnlyAndTheRemoteStoreTrustsItsCertificate() throws Exception {
        Path keystore = keystore();
        BackendConfig config = TestBackend.config("jdbc:h2:mem:tls-" + UUID.randomUUID(), TestBackend.initialSample())
                .withTls(keystore, PASSWORD.toCharArray());
        try (TestBackend backend = new TestBackend(config)) {
            String url = backend.server.url();
            assertTrue(url.startsWith("https://127.0.0.1:"), url);
            RemotePlanStore trusting = new RemotePlanStore(URI.create(url), TestBackend.VIEWER,
                    RemotePlanStore.DEFAULT_CONNECT_TIMEOUT, RemotePlanStore.DEFAULT_REQUEST_TIMEOUT,
                    trusting(keystore));
            assertEquals("Korea 2021, initial plan", trusting.load().orElseThrow().name());

            RemotePlanStore stranger = new RemotePlanStore(URI.create(url), TestBackend.VIEWER);
            StoreException untrusted = assertThrows(StoreException.class, stranger::load);
            assertTrue(untrusted.getMessage().contains("securely") || untrusted.getMessage().contains("failed"),
                    untrusted.getMessage());

            RemotePlanStore plain = new RemotePlanStore(URI.create(url.replace("https:", "http:")),
                    TestBackend.VIEWER);
            assertThrows(StoreException.class, plain::load, "plain HTTP is not served next to HTTPS");
        }
    }
}
