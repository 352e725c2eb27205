package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cohortplanner.backend.AccessTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    @TempDir
    Path folder;

    @Test
    void serveSeedsTheSamplePlanIntoTheDataFolderAndAnswersWithTheTokensRoles() throws Exception {
        Path tokens = folder.resolve("tokens.txt");
        Files.writeString(tokens, "kim planner " + AccessTokens.hashLine("kims-token") + "\n");
        CommandLine commandLine = CohortPlannerCommand.commandLine(options -> { });
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        ServeCommand serve = commandLine.getSubcommands().get("serve").getCommand();
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> commandLine.execute(
                "--data-dir", folder.toString(), "serve", "--port", "0", "--tokens", tokens.toString(),
                "--clock", "2021-07-19T20:05"));
        String url = awaitUrl(out, running);
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> plan = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/plan"))
                    .header("Authorization", "Bearer kims-token").timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, plan.statusCode());
            assertTrue(plan.body().contains("Korea 2021, initial plan"));
            HttpResponse<String> live = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/live"))
                    .header("Authorization", "Bearer kims-token").timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(live.body().contains("\"at\":\"2021-07-19T20:05"), live.body());
            assertTrue(Files.exists(folder.resolve("backend.mv.db")), "the H2 file is in the data folder");
        } finally {
            serve.stop();
        }
        assertEquals(0, running.get(10, TimeUnit.SECONDS));
    }

    private static String awaitUrl(StringWriter out, CompletableFuture<Integer> running) throws Exception {
        Pattern started = Pattern.compile("backend at (http://127\\.0\\.0\\.1:\\d+)/api/v1");
        for (int i = 0; i < 300; i++) {
            Matcher matcher = started.matcher(out.toString());
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (running.isDone()) {
                throw new AssertionError("serve ended with " + running.get() + ": " + out);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve did not say where it listens: " + out);
    }

    @Test
    void aMissingTokensFileStopsServeWithExit2AndTheReason() {
        CommandLineRun run = CommandLineRun.of("--data-dir", folder.toString(), "serve", "--port", "0",
                "--tokens", folder.resolve("nope.txt").toString());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.startsWith("serve: the tokens file " + folder.resolve("nope.txt") + " does not exist"),
                run.toString());
    }

    @Test
    void aDatabaseUrlOfAnotherKindIsRefused() {
        CommandLineRun run = CommandLineRun.of("serve", "--port", "0", "--db", "jdbc:mysql://localhost/x");
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains("neither H2 (jdbc:h2:...) nor PostgreSQL"), run.toString());
    }

    @Test
    void emptyAndSeedTogetherAreRefused() {
        CommandLineRun run = CommandLineRun.of("--data-dir", folder.toString(), "serve", "--empty", "--seed",
                "sample-data/korea-2021-initial.json");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("--empty and --seed"), run.toString());
    }
}
