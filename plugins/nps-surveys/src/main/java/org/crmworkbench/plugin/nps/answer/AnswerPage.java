package org.crmworkbench.plugin.nps.answer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.textfield.TextArea;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.nps.Texts;
import org.crmworkbench.plugin.nps.followup.FollowUpLoop;

import java.util.ArrayList;
import java.util.List;

/**
 * The public answer page: the question, the 0–10 scale as eleven large buttons (reachable by Tab,
 * chosen with Enter or Space), an optional comment (Enter makes a new line; Tab reaches Send), and a
 * thank-you. Texts in the language of the
 * invitation; nothing about the customer is shown.
 */
abstract class AnswerPage extends VerticalLayout implements HasDynamicTitle {

    final List<Button> scale = new ArrayList<>();
    final TextArea comment = new TextArea();
    final Button send = new Button();
    Integer chosen;
    String language = "en";

    AnswerPage() {
        setWidthFull();
        getStyle().set("max-width", "44rem").set("margin", "0 auto").set("padding", "1.5rem 1rem");
        setPadding(false);
    }

    @Override
    public String getPageTitle() {
        return Texts.get(language, "public.title");
    }

    /** The answers of the plugin behind {@code context}, with the closed loop. */
    static Answers answers(PluginContext context) {
        return new Answers(context.dsl(), context.clock(), new FollowUpLoop(context.dsl(), context.clock(), context::followUps));
    }

    /** An unknown link; an address that keeps trying made-up ones is told to wait (valid links always work). */
    void showUnknown() {
        if (PublicLimits.FAILED_LOOKUPS.tryAcquire(PublicLimits.remoteAddress())) {
            showMessage("public.unknown-title", "public.unknown");
        } else {
            showMessage("public.limited-title", "public.limited");
        }
    }

    /** A link of a campaign that does not accept answers now. */
    void showClosed(Lookup.Closed closed) {
        showMessage("public.closed-title", closed.notYetOpen() ? "public.not-yet-open" : "public.closed");
    }

    /** Shows a message page: unknown or closed link, limits, thanks. */
    void showMessage(String titleKey, String textKey) {
        removeAll();
        add(new H1(Texts.get(language, titleKey)), new Paragraph(Texts.get(language, textKey)));
    }

    /** Shows the question with an earlier answer, if any, filled in. */
    void showQuestion(Lookup.Open open) {
        removeAll();
        scale.clear();
        var question = new H1(open.question());
        question.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("line-height", "1.4");
        var buttons = new Div();
        buttons.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.4rem");
        buttons.getElement().setAttribute("role", "group");
        buttons.getElement().setAttribute("aria-label", Texts.get(language, "public.scale"));
        for (int score = 0; score <= 10; score++) {
            int value = score;
            var button = new Button(String.valueOf(score), click -> choose(value));
            button.addClassName("nps-score");
            button.getElement().setAttribute("aria-pressed", "false");
            button.getStyle().set("min-width", "3.2rem").set("height", "3.2rem").set("font-size", "var(--lumo-font-size-l)")
                    .set("margin", "0");
            scale.add(button);
            buttons.add(button);
        }
        var ends = new HorizontalLayout(new Span(Texts.get(language, "public.unlikely")),
                new Span(Texts.get(language, "public.likely")));
        ends.setWidthFull();
        ends.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        ends.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        comment.setLabel(open.followUpQuestion() != null ? open.followUpQuestion() : Texts.get(language, "public.comment"));
        comment.setMaxLength(Answers.MAX_COMMENT);
        comment.setWidthFull();
        comment.setMinHeight("6rem");
        comment.setValue(open.comment() == null ? "" : open.comment());
        send.setText(Texts.get(language, open.score() == null ? "public.send" : "public.change"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        chosen = null;
        send.setEnabled(false);
        add(question, buttons, ends, comment, send);
        if (open.score() != null) {
            add(new Paragraph(Texts.get(language, "public.earlier", open.score())));
            choose(open.score());
        }
    }

    void choose(int score) {
        chosen = score;
        for (int i = 0; i < scale.size(); i++) {
            var button = scale.get(i);
            boolean on = i == score;
            if (on) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            button.getElement().setAttribute("aria-pressed", String.valueOf(on));
        }
        send.setEnabled(true);
    }

    /** Shows what a submission came to. */
    void showOutcome(Submission outcome, boolean personal) {
        switch (outcome) {
            case SAVED -> showMessage("public.thanks-title", personal ? "public.thanks" : "public.thanks-anonymous");
            case UNKNOWN -> showMessage("public.unknown-title", "public.unknown");
            case CLOSED -> showMessage("public.closed-title", "public.closed");
            case LIMITED -> showMessage("public.limited-title", "public.limited");
            case INVALID -> comment.setInvalid(true);
        }
    }
}
