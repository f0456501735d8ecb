package org.crmworkbench.plugin.nps.answer;

import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.crmworkbench.api.PluginContext;

import java.util.List;

/**
 * The answer page of a campaign's anonymous link, {@code /public/nps-surveys/open/<token>}, for
 * websites and receipts: no contact, no tracking, no reminders. Dutch with {@code ?lang=nl} or a
 * Dutch browser, English otherwise. Each address may answer a limited number of times per hour.
 */
@AnonymousAllowed
public class AnonymousAnswerView extends AnswerPage implements HasUrlParameter<String> {

    private final Answers answers;
    private String token;

    public AnonymousAnswerView(PluginContext context) {
        this.answers = answers(context);
        send.addClickListener(click -> submit());
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        token = parameter;
        List<String> lang = event.getLocation().getQueryParameters().getParameters().getOrDefault("lang", List.of());
        var browser = event.getUI().getLocale();
        language = lang.contains("nl") || lang.isEmpty() && browser != null && "nl".equals(browser.getLanguage()) ? "nl" : "en";
        switch (answers.openAnonymous(token, language)) {
            case Lookup.Open open -> showQuestion(open);
            case Lookup.Closed closed -> showClosed(closed);
            case Lookup.Unknown unknown -> showUnknown();
        }
    }

    private void submit() {
        if (chosen == null) {
            return;
        }
        if (!PublicLimits.ANONYMOUS_ANSWERS.tryAcquire(PublicLimits.remoteAddress())) {
            showOutcome(Submission.LIMITED, false);
            return;
        }
        showOutcome(answers.submitAnonymous(token, language, chosen, comment.getValue()), false);
    }
}
