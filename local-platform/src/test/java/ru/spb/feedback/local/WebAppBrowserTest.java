package ru.spb.feedback.local;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spb.feedback.local.AppealsApi.inStatus;

/**
 * The web app in a real headless Chromium against the whole platform: a citizen files an appeal on the map and sees
 * it routed live, the officer accepts and answers it from the queue, the citizen rates it, the public map shows it
 * without personal data, an area alert is confirmed by e-mail and then arrives, the statistics page counts it, a
 * moderator places an appeal from the triage queue. Screenshots of each page go to {@code target/screenshots}
 * (the README's come from there).
 */
@ExtendWith({WholePlatform.Resolver.class, WebAppBrowserTest.OnFailure.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppBrowserTest {

    /** Inside Адмиралтейский округ, whose local administration (1123300) the demo officer works for. */
    private static final double LAT = 59.93105375;
    private static final double LON = 30.29679808;
    private static final String HERE = "lat=" + LAT + "&lon=" + LON + "&zoom=17";
    private static final String DESCRIPTION = "Во дворе нет ни одной скамейки, пожилым негде присесть";
    private static final String CITIZEN_NAME = "Демо Житель";
    private static final String CITIZEN_EMAIL = "demo-citizen@example.org";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static WholePlatform platform;
    private static Browser browser;
    private static String appealId;
    private static String appealNumber;

    @BeforeAll
    static void openTheBrowser(WholePlatform wholePlatform) throws Exception {
        platform = wholePlatform;
        browser = Browser.desktop(1280, 900, SCREENSHOTS);
        browser.open(platform.gatewayUrl() + "/#/");
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aCitizenFilesAnAppealOnTheMapAndSeesItRoutedLive() throws Exception {
        signInAs("demo-citizen");
        browser.go("#/new?" + HERE);
        browser.type("#category-search", "уличной мебели");
        new Select(browser.find("#category")).selectByValue("255");
        // a mistake first: the API's answer is shown, not a blank page
        browser.type("#description", "коротко");
        new Actions(browser.driver()).moveToElement(browser.find("#map")).click().perform();
        // the middle of a map centred on the point, at zoom 17 a few metres from it
        assertThat(browser.awaitText("#point", "Отмечено: 59.93")).contains("30.29");
        browser.click("#submit");
        assertThat(browser.awaitText(".error", "Проверьте введённые данные")).contains("Описание: от 10 до 4000 символов");

        browser.type("#description", DESCRIPTION);
        browser.type("#address", "ул. Декабристов, 6");
        browser.screenshot("citizen-new-appeal");
        browser.click("#submit");
        browser.await("the appeal's page", d -> d.getCurrentUrl().contains("#/appeals/"));
        appealId = browser.currentUrl().replaceAll(".*#/appeals/", "");
        appealNumber = browser.awaitText("#appeal-number", "SPB-").replace("Обращение ", "").trim();

        // routing decides over Kafka; the page changes by itself, from the live stream
        browser.find(".badge[data-status=ROUTED]");
        assertThat(browser.awaitText("#organization", "Адмиралтейский")).isNotBlank();
        assertThat(browser.find("#due").getText()).isNotEqualTo("—");
        assertThat(platform.tiles().served()).as("map tiles from the configured server").isPositive();
        browser.screenshot("citizen-appeal-routed");
    }

    @Test
    @Order(2)
    void theOfficerAcceptsItFromTheQueueAndAnswersIt() throws Exception {
        signInAs("demo-officer");
        browser.go("#/officer?category=255");
        browser.find("#count-overdue");
        String card = "li.appeal[data-number='" + appealNumber + "']";
        browser.find(card);
        browser.screenshot("officer-queue");
        browser.click(card + " button.accept");
        browser.find(card + " .badge[data-status=IN_PROGRESS]");

        browser.click(card + " h3 a");
        browser.type("#answer-text", "Скамейку установим до конца месяца.");
        browser.screenshot("officer-appeal");
        browser.click("#send-answer");
        browser.find(".badge[data-status=ANSWERED]");
        assertThat(browser.awaitText(".answer", "Скамейку установим")).contains("Адмиралтейский");
    }

    @Test
    @Order(3)
    void theCitizenRatesTheAnswerAndTheAppealCloses() throws Exception {
        signInAs("demo-citizen");
        browser.go("#/appeals/" + appealId);
        browser.find("#feedback-form");
        browser.click("#send-feedback");
        assertThat(browser.awaitText(".error", "Проверьте")).contains("Оценка");
        browser.click("#rating input[value='5']");
        browser.click("#satisfied input[value='true']");
        browser.screenshot("citizen-rates");
        browser.click("#send-feedback");
        browser.find(".badge[data-status=CLOSED]");
        assertThat(browser.awaitText("#feedback", "5 из 5")).isNotBlank();
        assertThat(browser.awaitText("#history", "Закрыто")).contains("Дан ответ");
    }

    @Test
    @Order(4)
    void thePublicMapShowsItWithoutPersonalData() throws Exception {
        signOut();
        browser.go("#/public?appeal=" + appealNumber);
        String card = browser.awaitText("li.public-appeal[data-number='" + appealNumber + "']", appealNumber);
        assertThat(card).contains("Предложения по установке");
        String page = browser.pageSource();
        assertThat(page).doesNotContain(CITIZEN_NAME, CITIZEN_EMAIL, DESCRIPTION, "Скамейку установим", "Декабристов, 6");

        browser.go("#/?municipality=1123300");
        browser.find("li.public-appeal");
        assertThat(browser.all("li.public-appeal")).allSatisfy(item -> assertThat(item.getText()).contains("Адмиралтейский"));
        browser.screenshot("public-map");
    }

    @Test
    @Order(5)
    void anAreaAlertIsConfirmedByEmailAndThenArrivesForANewAppealNearby() throws Exception {
        String email = "alerts-" + UUID.randomUUID() + "@example.org";
        browser.go("#/alerts?" + HERE);
        browser.type("#alert-email", email);
        new Actions(browser.driver()).moveToElement(browser.find("#alert-map")).click().perform();
        new Select(browser.find("#alert-radius")).selectByValue("1000");
        browser.screenshot("area-alerts");
        browser.click("#alert-subscribe");
        browser.awaitText(".notice", "Мы отправили письмо");

        MimeMessage confirmation = awaitMail(email, "Подтвердите подписку");
        browser.go("#/alerts/confirm?token=" + token(Mailbox.text(confirmation), "confirm"));
        browser.awaitText(".notice", "Подписка подтверждена");

        Citizen neighbour = Citizen.create("browser-alert");
        JsonNode nearby = platform.appeals().submit(neighbour.token(), LAT, LON, false);
        platform.appeals().awaitAppeal(neighbour.token(), nearby.get("id").asText(), inStatus("ROUTED"));
        MimeMessage alert = awaitMail(email, "Новое обращение рядом");
        String text = Mailbox.text(alert);
        assertThat(text).contains(nearby.get("number").asText())
                .doesNotContain(Citizen.NAME, neighbour.email(), "Бетонные блоки мешают проезду");
        assertThat(alert.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        browser.go("#/alerts/unsubscribe?token=" + token(text, "unsubscribe"));
        browser.awaitText(".notice", "Вы отписались");
    }

    @Test
    @Order(6)
    void theStatisticsPageCountsTheAnsweredAppealAndOffersTheCsv() throws Exception {
        browser.go("#/statistics?municipality=1123300");
        String table = browser.awaitText("#stats-table", "Адмиралтейский");
        assertThat(table).contains("Предложения по установке");
        assertThat(browser.awaitText("#stats-total", "поступило")).isNotBlank();
        String csv = browser.find("#stats-csv").getAttribute("href");
        assertThat(csv).contains("format=csv");
        HttpResponse<String> export = PlatformProcesses.call("GET", csv, null, null);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(export.body()).contains("1123300");
        browser.screenshot("statistics");
    }

    @Test
    @Order(7)
    void aModeratorPlacesAnAppealFromTheTriageQueue() throws Exception {
        Citizen citizen = Citizen.create("browser-triage");
        // in the bay, outside every municipality: routing sends it to a moderator
        JsonNode lost = platform.appeals().submit(citizen.token(), 59.981, 30.1809, false);
        String id = lost.get("id").asText();
        platform.appeals().awaitAppeal(citizen.token(), id, inStatus("TRIAGE"));

        signInAs("demo-moderator");
        browser.go("#/moderator");
        String card = "li.triage[data-id='" + id + "']";
        browser.find(card);
        browser.screenshot("moderator-triage");
        new Select(browser.find(card + " .assign-municipality")).selectByValue("1123300");
        browser.click(card + " button.assign");
        browser.await("the appeal to leave the queue", d -> d.findElements(By.cssSelector(card)).isEmpty());
        platform.appeals().awaitAppeal(citizen.token(), id, inStatus("ROUTED"));
    }

    @Test
    @Order(8)
    void aPhoneSizedWindowGetsTheSamePagesInOneColumn() throws Exception {
        try (Browser phone = Browser.phone(412, 915, SCREENSHOTS)) {
            phone.open(platform.gatewayUrl() + "/#/sign-in");
            phone.click("button[data-subject='demo-citizen']");
            phone.awaitShown("#/my");
            phone.go("#/new?" + HERE);
            WebElement map = phone.find("#map");
            phone.screenshot("phone-new-appeal");
            assertThat(map.getSize().getWidth()).isLessThanOrEqualTo(412);
            assertThat((Long) phone.script("return document.documentElement.scrollWidth")).as("no sideways scrolling")
                    .isLessThanOrEqualTo(412L);
        }
    }

    /** A failing step leaves a screenshot, the page's text and its console in the report. */
    static final class OnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser == null) {
                return;
            }
            try {
                Path shot = browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
                System.out.println("FAILED at " + browser.currentUrl() + ", screenshot " + shot.toAbsolutePath()
                        + "\n--- page ---\n" + browser.pageText() + "\n--- console ---\n" + browser.consoleLog());
            } catch (Exception e) {
                System.out.println("no diagnostics: " + e);
            }
        }
    }

    private static void signInAs(String subject) {
        signOut();
        browser.go("#/sign-in");
        browser.click("button[data-subject='" + subject + "']");
        browser.await("signed in as " + subject, d -> !d.findElements(By.id("sign-out")).isEmpty()
                && !"#/sign-in".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.body.dataset.shown")));
    }

    private static void signOut() {
        if (!browser.all("#sign-out").isEmpty()) {
            browser.click("#sign-out");
            browser.awaitShown("#/");
        }
    }

    private static MimeMessage awaitMail(String to, String subject) throws Exception {
        Eventually.await("the e-mail «" + subject + "» to " + to,
                () -> platform.mailbox().subjectsTo(to).stream().anyMatch(s -> s.contains(subject)));
        for (MimeMessage message : platform.mailbox().to(to)) {
            if (message.getSubject().contains(subject)) {
                return message;
            }
        }
        throw new AssertionError("no e-mail " + subject);
    }

    /** The token of the web app's link #/alerts/{page}?token=… in an e-mail. */
    private static String token(String text, String page) {
        Matcher link = Pattern.compile("#/alerts/" + page + "\\?token=([A-Za-z0-9_-]+)").matcher(text);
        assertThat(link.find()).as("a link to #/alerts/" + page + " in: " + text).isTrue();
        return link.group(1);
    }
}
