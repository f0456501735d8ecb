package org.crmworkbench.plugin.nps.results;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.api.account.AccountTabContribution;
import org.crmworkbench.plugin.nps.answer.Answers;
import org.crmworkbench.plugin.nps.campaign.EnterAnswerDialog;
import org.crmworkbench.plugin.nps.followup.FollowUpLoop;
import org.pf4j.Extension;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Account tab "NPS": the account's NPS over the last twelve months with a sparkline, each contact's
 * latest score and next possible survey date, and all answers of its contacts over time (paged in
 * SQL); answers from paper or phone surveys can be entered here.
 */
@Extension
public class NpsAccountTab implements AccountTabContribution {

    @Override
    public String labelKey() {
        return "tab.label";
    }

    @Override
    public int order() {
        return 115;
    }

    @Override
    public Component createTab(AccountRef account, PluginContext context) {
        return new Tab(account, context);
    }

    static final class Tab extends VerticalLayout {

        final Span score = new Span();
        final Grid<AccountAnswers.ContactStatus> contacts = new Grid<>();
        final Grid<AccountAnswers.Answer> answers = new Grid<>();
        final Paragraph noAnswers = new Paragraph();
        private final AccountRef account;
        private final PluginContext context;
        private final AccountAnswers data;
        private final NpsResults results;
        private final HorizontalLayout headline = new HorizontalLayout();

        Tab(AccountRef account, PluginContext context) {
            this.account = account;
            this.context = context;
            this.data = new AccountAnswers(context.dsl());
            this.results = new NpsResults(context.dsl());
            setPadding(false);
            Locale locale = context.locale();
            var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
            score.setId("account-nps");
            score.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
            headline.setAlignItems(FlexComponent.Alignment.CENTER);

            contacts.addColumn(AccountAnswers.ContactStatus::name).setHeader(context.message("tab.contact")).setFlexGrow(2);
            contacts.addColumn(c -> c.lastScore() == null ? "—" : String.valueOf(c.lastScore()))
                    .setHeader(context.message("tab.last-score"));
            contacts.addColumn(c -> c.lastAnswered() == null ? "—" : dates.format(c.lastAnswered()))
                    .setHeader(context.message("tab.last-answered"));
            contacts.addColumn(c -> c.optedOut() ? context.message("tab.opted-out") : dates.format(c.nextSurvey()))
                    .setHeader(context.message("tab.next-survey"));
            contacts.setAllRowsVisible(true);

            answers.addColumn(a -> dates.format(a.answeredAt())).setHeader(context.message("tab.date")).setAutoWidth(true);
            answers.addColumn(a -> a.contactName() == null ? "" : a.contactName()).setHeader(context.message("tab.contact"));
            answers.addColumn(AccountAnswers.Answer::score).setHeader(context.message("tab.score")).setAutoWidth(true);
            answers.addColumn(a -> context.message(Category.of(a.score()).singularKey())).setHeader(context.message("tab.category"));
            answers.addColumn(a -> a.comment() == null ? "" : a.comment()).setHeader(context.message("tab.comment")).setFlexGrow(3);
            answers.addColumn(AccountAnswers.Answer::campaignName).setHeader(context.message("tab.campaign"));
            answers.addColumn(a -> context.message("source." + a.source().toLowerCase())).setHeader(context.message("tab.source"));
            answers.setItems(query -> data.page(account.id(), query.getOffset(), query.getLimit()).stream(),
                    query -> data.count(account.id()));
            answers.setHeight("18rem");

            var enter = new Button(context.message("tab.enter"), VaadinIcon.EDIT.create(), click -> new EnterAnswerDialog(context,
                    new Answers(context.dsl(), context.clock(), new FollowUpLoop(context.dsl(), context.clock(), context::followUps),
                            context::requirePermission),
                    null, account.id(), this::show).open());
            enter.setVisible(context.hasPermission(org.crmworkbench.plugin.nps.NpsPermissions.MANAGE));
            add(headline, enter, new H4(context.message("tab.contacts")), contacts, new H4(context.message("tab.answers")),
                    noAnswers, answers);
            show();
        }

        void show() {
            LocalDate today = LocalDate.now(context.clock());
            var nps = data.nps(account.id(), today.minusMonths(12).plusDays(1));
            score.setText(nps.format(context.locale()));
            headline.removeAll();
            var trend = results.trendOfAccount(account.id(), today, 12).stream().map(row -> row.nps().score()).toList();
            headline.add(new Span(context.message("tab.nps")), score,
                    new Span(context.message("tab.responses", nps.responses())),
                    Charts.image(Charts.sparkline(trend, 160, 36), context.message("tab.sparkline")));
            contacts.setItems(data.contacts(account.id(), today));
            answers.getDataProvider().refreshAll();
            boolean none = data.count(account.id()) == 0;
            noAnswers.setText(context.message("tab.no-answers"));
            noAnswers.setVisible(none);
            answers.setVisible(!none);
        }
    }
}
