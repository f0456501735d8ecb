package org.crmworkbench.plugin.rating.analysis;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.api.account.AccountTabContribution;
import org.crmworkbench.plugin.rating.RatingPermissions;
import org.pf4j.Extension;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The account editor's "Customer analysis" tab: the account's RFM + P scores, pyramid layer, ABC
 * class and matrix cell from the last run, and the account manager's judgement of the relationship
 * (1-5), which the next run uses instead of the interaction count.
 */
@Extension
public class AnalysisAccountTab implements AccountTabContribution {

    @Override
    public String labelKey() {
        return "account-tab.label";
    }

    @Override
    public Component createTab(AccountRef account, PluginContext context) {
        var analysis = new CustomerAnalysis(context.dsl(), context.clock());
        var layout = new VerticalLayout();
        Locale locale = context.locale();
        var money = Euros.format(locale);
        var score = analysis.scoreOf(account.id());
        var run = analysis.lastRun();
        if (score.isPresent()) {
            var s = score.get();
            var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
            layout.add(new Paragraph(context.message("account-tab.period", run.map(r -> dates.format(r.from())).orElse("?"),
                    run.map(r -> dates.format(r.to())).orElse("?"))));
            layout.add(line(context.message("account-tab.scores", s.r(), s.f(), s.m(), s.p())));
            layout.add(line(context.message("account-tab.behaviour", s.recencyDays(), s.frequency(), money.format(s.monetary()),
                    money.format(s.potential()))));
            layout.add(line(context.message("account-tab.position", context.message(s.layer().labelKey()), s.abc(),
                    s.revenueRank())));
            if (s.quadrant() != null) {
                layout.add(line(context.message("account-tab.quadrant", context.message(s.quadrant().labelKey()),
                        context.message(s.quadrant().approachKey()))));
            }
        } else {
            layout.add(new Paragraph(context.message(run.isPresent() ? "account-tab.no-orders" : "account-tab.no-run")));
        }
        var judgement = new Select<Integer>();
        judgement.setLabel(context.message("account-tab.judgement"));
        judgement.setHelperText(context.message("account-tab.judgement.help"));
        judgement.setItems(1, 2, 3, 4, 5);
        judgement.setEmptySelectionAllowed(true);
        judgement.setEmptySelectionCaption(context.message("account-tab.judgement.none"));
        judgement.setItemLabelGenerator(v -> v == null ? context.message("account-tab.judgement.none")
                : context.message("account-tab.judgement." + v));
        judgement.setWidth("20em");
        judgement.setValue(analysis.judgement(account.id()).orElse(null));
        // the account manager's judgement (DOMAIN.md 2); managers with the analysis permission may set it too
        boolean mayJudge = context.hasPermission(RatingPermissions.ANALYSE) || context.currentUser()
                .map(user -> analysis.isAccountManager(account.id(), user.id())).orElse(false);
        judgement.setReadOnly(!mayJudge);
        judgement.addValueChangeListener(change -> {
            if (!change.isFromClient() || !mayJudge) {
                return;
            }
            String by = context.currentUser().map(UserRef::username).orElse("?");
            analysis.judge(account.id(), change.getValue(), by);
            Notification.show(context.message("account-tab.judged"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        layout.add(judgement);
        return layout;
    }

    private static Div line(String text) {
        return new Div(text);
    }
}
