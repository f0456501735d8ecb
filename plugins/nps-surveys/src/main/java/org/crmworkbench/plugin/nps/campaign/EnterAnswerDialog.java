package org.crmworkbench.plugin.nps.campaign;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.plugin.nps.answer.Answers;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_CONTACTS;

/**
 * Enters one answer of a paper or phone survey: the campaign (unless given), the contact (searched
 * by name, e-mail or account; only the account's own when opened from an account), the score, an
 * optional comment and the date. Invalid input is marked and nothing is saved.
 */
public class EnterAnswerDialog extends Dialog {

    /** A contact to choose. */
    public record ContactChoice(long id, String name, String email, String accountName) {
        String label() {
            return name + (email == null ? "" : " <" + email + ">") + " · " + accountName;
        }
    }

    final Select<Campaign> campaign = new Select<>();
    final ComboBox<ContactChoice> contact = new ComboBox<>();
    final IntegerField score = new IntegerField();
    final TextArea comment = new TextArea();
    final DatePicker date = new DatePicker();
    final Button save = new Button();
    private final PluginContext context;
    private final Answers answers;
    private final Long accountId;
    private final Runnable saved;

    /**
     * @param fixed     the campaign, or null to choose among running and closed ones
     * @param accountId only this account's contacts, or null for all
     */
    public EnterAnswerDialog(PluginContext context, Answers answers, Campaign fixed, Long accountId, Runnable saved) {
        this.context = context;
        this.answers = answers;
        this.accountId = accountId;
        this.saved = saved;
        setHeaderTitle(context.message("enter.title"));
        campaign.setLabel(context.message("enter.campaign"));
        var choices = fixed != null ? List.of(fixed) : new Campaigns(context.dsl(), context.clock()).all().stream()
                .filter(c -> c.status() != CampaignStatus.DRAFT).toList();
        campaign.setItems(choices);
        campaign.setItemLabelGenerator(Campaign::name);
        if (!choices.isEmpty()) {
            campaign.setValue(choices.getFirst());
        }
        campaign.setReadOnly(fixed != null);
        contact.setLabel(context.message("enter.contact"));
        contact.setItemLabelGenerator(ContactChoice::label);
        contact.setItems(query -> context.dsl().select(V_CONTACTS.ID, V_CONTACTS.FIRST_NAME, V_CONTACTS.LAST_NAME,
                                V_CONTACTS.EMAIL, V_ACCOUNTS.NAME)
                        .from(V_CONTACTS).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(V_CONTACTS.ACCOUNT_ID))
                        .where(matching(query.getFilter().orElse("")))
                        .orderBy(V_CONTACTS.LAST_NAME, V_CONTACTS.FIRST_NAME, V_CONTACTS.ID)
                        .offset(query.getOffset()).limit(query.getLimit())
                        .fetch(r -> new ContactChoice(r.value1(), r.value2() == null ? r.value3() : r.value2() + " " + r.value3(),
                                r.value4(), r.value5())).stream(),
                query -> context.dsl().fetchCount(V_CONTACTS.join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(V_CONTACTS.ACCOUNT_ID)),
                        matching(query.getFilter().orElse(""))));
        contact.setWidth("28rem");
        contact.setRequiredIndicatorVisible(true);
        score.setLabel(context.message("enter.score"));
        score.setMin(0);
        score.setMax(10);
        score.setStepButtonsVisible(true);
        score.setRequiredIndicatorVisible(true);
        comment.setLabel(context.message("enter.comment"));
        comment.setMaxLength(Answers.MAX_COMMENT);
        date.setLabel(context.message("enter.date"));
        date.setLocale(context.locale());
        date.setValue(LocalDate.now(context.clock()));
        date.setMax(LocalDate.now(context.clock()));
        save.setText(context.message("enter.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        var form = new FormLayout(campaign, contact, score, date, comment);
        form.setColspan(contact, 2);
        form.setColspan(comment, 2);
        add(form);
        getFooter().add(new Button(context.message("enter.cancel"), click -> close()), save);
    }

    private Condition matching(String text) {
        Condition condition = V_CONTACTS.ACTIVE.isTrue();
        if (accountId != null) {
            condition = condition.and(V_CONTACTS.ACCOUNT_ID.eq(accountId));
        }
        if (!text.isBlank()) {
            String t = text.strip();
            condition = condition.and(V_CONTACTS.LAST_NAME.containsIgnoreCase(t).or(V_CONTACTS.FIRST_NAME.containsIgnoreCase(t))
                    .or(V_CONTACTS.EMAIL.containsIgnoreCase(t)).or(V_ACCOUNTS.NAME.containsIgnoreCase(t))
                    .or(DSL.concat(V_CONTACTS.FIRST_NAME, DSL.inline(" "), V_CONTACTS.LAST_NAME).containsIgnoreCase(t)));
        }
        return condition;
    }

    void save() {
        boolean ok = true;
        ok &= require(campaign.getValue() != null, campaign, "enter.error.campaign");
        ok &= require(contact.getValue() != null, contact, "enter.error.contact");
        ok &= require(score.getValue() != null && score.getValue() >= 0 && score.getValue() <= 10, score, "enter.error.score");
        ok &= require(date.getValue() != null && !date.getValue().isAfter(LocalDate.now(context.clock())), date, "enter.error.date");
        ok &= require(comment.getValue().strip().length() <= Answers.MAX_COMMENT, comment, "enter.error.comment");
        if (!ok) {
            return;
        }
        String by = context.currentUser().map(UserRef::username).orElse("?");
        answers.enter(campaign.getValue().id(), contact.getValue().id(), score.getValue(), comment.getValue(),
                date.getValue().atTime(LocalTime.NOON), Answers.Source.MANUAL, by);
        Notification.show(context.message("enter.saved"), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        close();
        saved.run();
    }

    private boolean require(boolean valid, com.vaadin.flow.component.HasValidation field, String key) {
        field.setErrorMessage(valid ? null : context.message(key));
        field.setInvalid(!valid);
        return valid;
    }
}
