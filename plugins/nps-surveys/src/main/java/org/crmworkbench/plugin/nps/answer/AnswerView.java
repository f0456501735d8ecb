package org.crmworkbench.plugin.nps.answer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.nps.Texts;

/**
 * The answer page of a personal survey link, {@code /public/nps-surveys/answer/<token>}. A link
 * answers once; opened again while the campaign runs it shows the answer given and lets the
 * contact change it. Unknown, closed and not yet open links get a page of their own and change
 * nothing; addresses that try many unknown links are refused for a while.
 */
@AnonymousAllowed
public class AnswerView extends AnswerPage implements HasUrlParameter<String> {

    private final Answers answers;
    private String token;

    public AnswerView(PluginContext context) {
        this.answers = answers(context);
        send.addClickListener(click -> submit());
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        token = parameter;
        switch (answers.open(token)) {
            case Lookup.Open open -> {
                language = open.language();
                showQuestion(open);
                var optOut = new Button(Texts.get(language, "public.opt-out"), click -> optOut());
                optOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                add(optOut);
            }
            case Lookup.Closed closed -> {
                language = closed.language();
                showClosed(closed);
            }
            case Lookup.Unknown unknown -> showUnknown();
        }
    }

    private void submit() {
        if (chosen == null) {
            return;
        }
        showOutcome(answers.submit(token, chosen, comment.getValue()), true);
    }

    private void optOut() {
        answers.optOut(token);
        showMessage("public.opted-out-title", "public.opted-out");
    }
}
