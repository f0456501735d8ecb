package org.crmworkbench.ui;

import org.crmworkbench.core.user.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Starts the packaged distribution as a user would (production mode, embedded MariaDB, bundled
 * plugins), then checks it over HTTP and in a real headless Chromium: log in, dashboard, plugin admin,
 * a plugin view. Screenshots go to target/screenshots. Stops the app with SIGTERM and checks that
 * the database server went down with it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserSmokeIT {

    private static final Path DIST = Path.of(System.getProperty("crm.dist", "target/dist"));
    private static final Path DATA = Path.of("target", "smoke-data").toAbsolutePath();
    private static final Path SHOTS = Path.of("target", "screenshots");
    static final Path TEMPLATE_JAR = Path.of("target", "sdk-template", "account-notes-plugin-1.0.0.jar").toAbsolutePath();
    private static Process app;
    private static String base;

    @BeforeAll
    static void startDistribution() throws Exception {
        TestFolders.emptied(DATA);
        Files.createDirectories(SHOTS);

        int port = freePort();
        base = "http://localhost:" + port;
        String java = ProcessHandle.current().info().command().orElse("java");
        app = new ProcessBuilder(java, "-Xmx512m", "-jar", DIST.resolve("crm-workbench.jar").toString(),
                "--server.port=" + port, "--crm.data-dir=" + DATA, "--crm.db.embedded-port=0",
                "--crm.bundled-plugins-dir=" + DIST.resolve("plugins"))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "smoke-app.log").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(180);
        while (status("/login") != 200) {
            assertThat(app.isAlive()).as("app exited, see target/smoke-app.log").isTrue();
            assertThat(Instant.now()).as("app did not serve /login within 180 s").isBefore(deadline);
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopWithSigterm() throws Exception {
        if (app == null) {
            return;
        }
        long mariadbPid = Long.parseLong(Files.readString(DATA.resolve("mariadb/mariadbd.pid")).trim());
        app.destroy();
        assertThat(app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("app stops on SIGTERM").isTrue();
        Instant deadline = Instant.now().plusSeconds(30);
        while (ProcessHandle.of(mariadbPid).map(ProcessHandle::isAlive).orElse(false) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(ProcessHandle.of(mariadbPid).map(ProcessHandle::isAlive).orElse(false))
                .as("embedded MariaDB stopped with the app").isFalse();
    }

    @Test
    void anonymous_requests_are_sent_to_the_login_page() throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/", "/admin/plugins", "/customer-rating/models", "/nps-surveys/campaigns")) {
            var response = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
        var login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
    }

    @Test
    void the_public_survey_pages_need_no_login() throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/public/nps-surveys/answer/unknown-token", "/public/nps-surveys/open/unknown-token")) {
            var response = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void a_wrong_password_returns_to_the_login_page_with_an_error() throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=wrong")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

        for (int i = 0; i < 5; i++) {
            login(client, "sales2", "guess-" + i);
        }
        var locked = login(client, "sales2", "sales-demo");
        assertThat(locked.headers().firstValue("Location")).as("locked after 5 wrong passwords, even with the right one")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        var manager = login(client, "manager", "manager-demo");
        assertThat(manager.headers().firstValue("Location")).as("another user logs in").hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(manager.headers().allValues("Set-Cookie")).as("a new session id after login, HttpOnly, SameSite")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax"));
    }

    private static HttpResponse<Void> login(HttpClient client, String username, String password) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void an_admin_logs_in_sees_the_dashboard_plugin_admin_and_a_plugin_view() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "Debian chromium and chromium-driver are needed (.ci/run installs them)");
        String password = Files.readString(DATA.resolve("initial-admin-password")).trim();
        WebDriver driver = chrome();
        try {
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(base + "/login");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
            screenshot(driver, "login");
            driver.findElement(By.cssSelector("input[name='username']")).sendKeys("admin");
            driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Customer rating model"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Product/service oriented: 2 criteria"));
            screenshot(driver, "dashboard");
            click(driver, driver.findElement(By.xpath("//h3[contains(., 'Net Promoter Score')] | //*[normalize-space(text())='Net Promoter Score']")));
            screenshot(driver, "nps-dashboard");

            driver.get(base + "/admin/plugins");
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-grid-cell-content[contains(., 'crm_customer_rating (005)')]")));
            screenshot(driver, "plugin-admin");

            driver.get(base + "/customer-rating/models");
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-grid-cell-content[contains(., 'Revenue last 12 months')]")));
            screenshot(driver, "rating-models");

            driver.get(base + "/accounts");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "2,000 accounts"));
            screenshot(driver, "accounts");

            driver.get(base + "/accounts/1");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-tab[contains(., 'Details')]")));
            screenshot(driver, "account-editor");

            driver.findElement(By.xpath("//vaadin-tab[contains(., 'Contacts')]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-grid-cell-content[contains(., '@example.com')]")));
            screenshot(driver, "account-contacts");

            // a loyal customer of the demo data (fixed seed): orders, interactions, opportunities, history
            driver.get(base + "/accounts/44");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-tab[contains(., 'Orders')]")));
            driver.findElement(By.xpath("//vaadin-tab[contains(., 'Orders')]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[contains(., '€')]")));
            screenshot(driver, "account-orders");
            driver.findElement(By.xpath("//vaadin-tab[contains(., 'Interactions')]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-button[contains(., 'Log interaction')]")));
            screenshot(driver, "account-interactions");
            driver.findElement(By.xpath("//vaadin-tab[contains(., 'Plan')]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-button[contains(., 'Add activity')]")));
            screenshot(driver, "account-plan");
            driver.findElement(By.xpath("//vaadin-tab[contains(., 'History')]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[contains(., 'Account created')]")));
            screenshot(driver, "account-history");

            driver.get(base + "/opportunities");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Total"));
            screenshot(driver, "opportunities");

            driver.get(base + "/contacts");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[contains(., '@example.com')]")));
            screenshot(driver, "contacts");

            driver.get(base + "/import/accounts");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-upload")));
            screenshot(driver, "import-accounts");

            driver.get(base + "/products");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[contains(., 'VP-100')]")));
            screenshot(driver, "products");

            driver.get(base + "/customer-rating/analysis");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[contains(., 'Run analysis')]"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "customers, revenue"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg polygon")));
            screenshot(driver, "analysis-pyramid");
            driver.findElement(By.xpath("//vaadin-tab[contains(., 'ABC analysis')]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg polyline")));
            screenshot(driver, "analysis-abc");
            driver.findElement(By.xpath("//vaadin-tab[contains(., 'Relations matrix')]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Thresholds"));
            screenshot(driver, "analysis-matrix");
            driver.findElement(By.xpath("//vaadin-tab[contains(., 'Customers (RFM)')]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[contains(., '€')]")));
            screenshot(driver, "analysis-customers");
            driver.findElement(By.xpath("//vaadin-tab[contains(., 'Retention and CLV')]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Retention per year"));
            screenshot(driver, "analysis-retention");

            driver.get(base + "/customer-rating/results");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[contains(., 'Run rating')]"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Last run "));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[contains(., 'Yes')]")));
            screenshot(driver, "rating-results");

            driver.get(base + "/accounts/3"); // scored by its account manager in the demo data
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[normalize-space(.)='Rating']"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Per criterion"));
            screenshot(driver, "rating-account-tab");

            driver.get(base + "/nps-surveys/results");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nps-score")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Break down by"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[contains(., '%')]")));
            screenshot(driver, "nps-results");

            driver.get(base + "/nps-surveys/follow-ups");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-checkbox[contains(., 'Everyone')]"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[contains(., 'Customer survey')]")));
            screenshot(driver, "nps-follow-ups");
            String followedAccount = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-grid-cell-content//a[contains(@href, 'accounts/')]"))).getAttribute("href");

            // the running demo campaign: make its anonymous link and answer through it as a customer would
            driver.get(base + "/nps-surveys/campaigns");
            var running = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[contains(., 'Running')]")));
            click(driver, running);
            click(driver, wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-button[contains(., 'Anonymous link')]"))));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Copy it now"));
            screenshot(driver, "nps-campaigns");
            String link = (String) ((JavascriptExecutor) driver)
                    .executeScript("return document.querySelector('vaadin-text-field[readonly]').value");
            assertThat(link).startsWith("http://localhost:8080/public/nps-surveys/open/");
            driver.get(base + link.substring(link.indexOf("/public/")) + "?lang=en");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "How likely is it"));
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[normalize-space(.)='9']"))).click();
            driver.findElement(By.cssSelector("vaadin-text-area textarea")).sendKeys("Quick delivery, friendly service");
            screenshot(driver, "nps-answer-page");
            driver.findElement(By.xpath("//vaadin-button[contains(., 'Send')]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Thank you!"));

            driver.get(base + "/" + followedAccount.substring(followedAccount.indexOf("accounts/")));
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[normalize-space(.)='NPS']"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Answers over time"));
            screenshot(driver, "nps-account-tab");

            // value proposition: the sellograms, a builder, the segment canvas and an argumentation for account 245 (a
            // construction company whose users and deciders have buying motives in the demo data)
            driver.get(base + "/value-proposition/sellograms");
            var drill = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[contains(., 'Accuboormachine')]")));
            screenshot(driver, "vp-sellograms");
            click(driver, drill);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Revision 1"));
            screenshot(driver, "vp-sellogram-builder");
            driver.get(base + "/value-proposition/canvases");
            click(driver, wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-grid-cell-content[contains(., 'Construction companies')]"))));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("statement")));
            screenshot(driver, "vp-canvas");
            ((JavascriptExecutor) driver).executeScript("document.getElementById('customer-profile').scrollIntoView()");
            screenshot(driver, "vp-canvas-map");
            driver.get(base + "/accounts/245");
            click(driver, wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[normalize-space(.)='Value proposition']"))));
            var products = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-multi-select-combo-box[.//label[contains(., 'Products and services')]]//input")));
            products.sendKeys("Accuboor");
            click(driver, wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-multi-select-combo-box-item[contains(., 'Accuboormachine')]"))));
            products.sendKeys(Keys.ESCAPE);
            click(driver, driver.findElement(By.xpath("//vaadin-button[contains(., 'Build argumentation')]")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("argumentation-preview"), "Sales argumentation for"));
            screenshot(driver, "vp-account-tab");
            driver.get(driver.findElement(By.id("print-page")).getAttribute("href"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Sales argumentation for"));
            assertThat(driver.getPageSource()).contains("Decision-making unit").doesNotContain("<script");
            screenshot(driver, "vp-print-page");

            // tender tracking: the register, a tender in preparation with its bid/no-bid decision, a lost tender's award,
            // the board, the deadline calendar, the answer library, the analysis and the account tab of account 1
            driver.get(base + "/tender-tracking/tenders");
            var cleaning = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-grid-cell-content[contains(., 'Office cleaning 2027-2030')]")));
            screenshot(driver, "tender-register");
            click(driver, cleaning);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Move to"));
            screenshot(driver, "tender-editor");
            click(driver, driver.findElement(By.xpath("//vaadin-tab[normalize-space(.)='Bid/no-bid']")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bid-total"), "of 100"));
            screenshot(driver, "tender-decision");
            click(driver, driver.findElement(By.xpath("//vaadin-tab[normalize-space(.)='Lots, documents, team']")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Lot 2: sports halls"));
            screenshot(driver, "tender-lots");
            driver.get(base + "/tender-tracking/tenders");
            var search = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-text-field input")));
            search.sendKeys("Facility services");
            click(driver, wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-grid-cell-content[contains(., 'FS-2026')]"))));
            click(driver, wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[normalize-space(.)='Award']"))));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("award-summary"), "we would have won"));
            screenshot(driver, "tender-award");
            driver.get(base + "/tender-tracking/board");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Warehouse racking"));
            screenshot(driver, "tender-board");
            driver.get(base + "/tender-tracking/calendar");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.className("calendar-day")));
            screenshot(driver, "tender-calendar");
            driver.get(base + "/tender-tracking/answers");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Quality management"));
            screenshot(driver, "tender-answers");
            driver.get(base + "/tender-tracking/analysis");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Why we lost"));
            screenshot(driver, "tender-analysis");
            driver.get(base + "/accounts/1");
            click(driver, wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[normalize-space(.)='Tenders']"))));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenders-summary"), "open tenders"));
            screenshot(driver, "tender-account-tab");

            // wholesale chain: the map of the first product group, the risks, a scorecard and the Chain tab of account 12
            // (the demo's first customer in the chains)
            driver.get(base + "/wholesale-chain/map");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chain-diagram svg")));
            assertThat(driver.findElements(By.cssSelector("#chain-diagram svg g.node"))).isNotEmpty();
            screenshot(driver, "chain-map");
            ((JavascriptExecutor) driver).executeScript("document.querySelector('.chain-trend').scrollIntoView()");
            screenshot(driver, "chain-trends");
            driver.get(base + "/wholesale-chain/risks");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Buys directly as well"));
            screenshot(driver, "chain-risks");
            driver.get(base + "/accounts/12");
            click(driver, wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[normalize-space(.)='Chain']"))));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scorecard-averages")));
            screenshot(driver, "chain-account-tab");

            // the SDK template that PluginTemplateTest built from sdk/plugin-template, copied into the running
            // workbench's plugins folder and picked up without a restart
            assertThat(TEMPLATE_JAR).as("built by PluginTemplateTest (surefire runs before this)").exists();
            Files.copy(TEMPLATE_JAR, DATA.resolve("plugins").resolve(TEMPLATE_JAR.getFileName()));
            driver.get(base + "/admin/plugins");
            click(driver, wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[contains(., 'Look for new jars')]"))));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Loaded from new jars: account-notes"));
            driver.get(base + "/admin/security-log");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[contains(., 'Plugins loaded from new jars')]")));
            screenshot(driver, "security-log");
            driver.get(base + "/accounts/3");
            click(driver, wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[normalize-space(.)='Notes']"))));
            var note = wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//vaadin-text-area[.//label[normalize-space(.)='New note']]//textarea")));
            note.sendKeys("Met them at the fair: they want a quote for the maintenance contract.");
            note.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER)); // the keyboard shortcut, in a real browser
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Note added."));
            screenshot(driver, "sdk-notes-tab");
            driver.get(base + "/account-notes/notes");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "maintenance contract"));
            screenshot(driver, "sdk-notes-view");

            driver.get(base + "/api-tokens");
            var tokenName = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-text-field input")));
            tokenName.sendKeys("Nightly ERP sync");
            tokenName.sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Copy this token now"));
            screenshot(driver, "api-tokens");
            String token = (String) ((JavascriptExecutor) driver)
                    .executeScript("return document.querySelector('vaadin-text-field[readonly]').value");
            var http = HttpClient.newHttpClient();
            var withToken = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts?size=1"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withToken.statusCode()).isEqualTo(200);
            assertThat(withToken.body()).contains("\"total\":2000");
            var withoutToken = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(withoutToken.statusCode()).isEqualTo(401);
            var openApi = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(openApi.statusCode()).isEqualTo(200);
            assertThat(openApi.body()).contains("/api/v1/orders/{id}");
        } finally {
            driver.quit();
        }
    }

    /** Runs last: until it switches the second factor off again, the admin's sign-in asks for a code. */
    @Test
    @Order(Integer.MAX_VALUE)
    void an_admin_manages_users_and_permissions_and_signs_in_with_a_second_factor() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "Debian chromium and chromium-driver are needed (.ci/run installs them)");
        String password = Files.readString(DATA.resolve("initial-admin-password")).trim();
        WebDriver driver = chrome();
        try {
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            signIn(driver, wait, "admin", password);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Customer rating model"));
            driver.get(base + "/admin/users");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='sales2']")));
            screenshot(driver, "users");
            driver.get(base + "/admin/permissions");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Workbench']")));
            screenshot(driver, "permissions");

            driver.get(base + "/my-account");
            click(driver, wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[contains(., 'Set up a second factor')]"))));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("img[src^='data:image/svg+xml']")));
            String secret = ((String) ((JavascriptExecutor) driver)
                    .executeScript("return document.querySelector('vaadin-text-field[readonly]').value")).replace(" ", "");
            screenshot(driver, "my-account-second-factor");
            var code = driver.findElement(By.xpath("//vaadin-text-field[.//label[normalize-space(.)='Code']]//input"));
            code.sendKeys(Totp.code(secret, Totp.step(Instant.now())), Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "On: signing in asks for a code."));

            // a new browser: the password alone leads to the code page, a code of the app completes the sign-in
            driver.manage().deleteAllCookies();
            signIn(driver, wait, "admin", password);
            wait.until(ExpectedConditions.urlContains("/login/second-factor"));
            var second = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-text-field[.//label[normalize-space(.)='Code']]//input")));
            screenshot(driver, "second-factor");
            driver.get(base + "/accounts");
            wait.until(ExpectedConditions.urlContains("/login/second-factor"));
            second = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-text-field[.//label[normalize-space(.)='Code']]//input")));
            String pendingSession = driver.manage().getCookieNamed("JSESSIONID").getValue();
            // the next step's code: the set-up used this step's, and a code works only once
            second.sendKeys(Totp.code(secret, Totp.step(Instant.now()) + 1), Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Customer rating model"));
            assertThat(driver.manage().getCookieNamed("JSESSIONID").getValue()).as("a new session id with the full rights")
                    .isNotEqualTo(pendingSession);

            driver.get(base + "/my-account");
            click(driver, wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[contains(., 'Switch the second factor off')]"))));
            click(driver, wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-button[@slot='confirm-button' and contains(., 'Switch the second factor off')]"))));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Off: signing in asks for your password only."));
        } finally {
            driver.quit();
        }
    }

    private void signIn(WebDriver driver, WebDriverWait wait, String username, String password) {
        driver.get(base + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']"))).sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);
    }

    /** Clicks an element inside the shell's scrolling content area, which Selenium does not scroll. */
    private static void click(WebDriver driver, org.openqa.selenium.WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private static WebDriver chrome() {
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,850", "--lang=en");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 850));
        return driver;
    }

    private static void screenshot(WebDriver driver, String name) throws IOException, InterruptedException {
        Thread.sleep(700); // let Vaadin finish rendering (animations, lazy grid rows)
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static int status(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
