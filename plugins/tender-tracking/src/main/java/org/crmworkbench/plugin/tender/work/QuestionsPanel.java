package org.crmworkbench.plugin.tender.work;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.Controls;
import org.crmworkbench.plugin.tender.Feedback;
import org.crmworkbench.plugin.tender.Formats;
import org.crmworkbench.plugin.tender.InputRejectedException;

import java.time.LocalDate;
import java.util.Map;

/** The Q&amp;A log of a tender: questions asked (by us or others) and the answers the authority published. */
public final class QuestionsPanel extends VerticalLayout {

    final Grid<BidWork.Question> grid = new Grid<>();
    private final PluginContext context;
    private final BidWork work;
    private final long tenderId;

    public QuestionsPanel(PluginContext context, long tenderId, boolean editor) {
        this.context = context;
        this.tenderId = tenderId;
        this.work = new BidWork(context.dsl(), context::requirePermission);
        setPadding(false);
        var locale = context.locale();
        grid.addColumn(q -> Formats.date(q.askedOn(), locale)).setHeader(context.message("question.asked-on")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(BidWork.Question::question).setHeader(context.message("question.question")).setFlexGrow(3);
        grid.addColumn(q -> q.answer().isEmpty() ? context.message("question.unanswered") : q.answer())
                .setHeader(context.message("question.answer")).setFlexGrow(3);
        grid.addColumn(q -> Formats.date(q.publishedOn(), locale)).setHeader(context.message("question.published-on")).setAutoWidth(true);
        if (editor) {
            grid.addComponentColumn(q -> new HorizontalLayout(Controls.icon(context, VaadinIcon.EDIT, "question.edit", () -> edit(q)),
                    Controls.icon(context, VaadinIcon.TRASH, "question.delete", () -> {
                        work.deleteQuestion(tenderId, q.id());
                        refresh();
                    }))).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(context.message("question.none"));
        var add = new Button(context.message("question.add"), VaadinIcon.PLUS.create(), click -> edit(null));
        add.setVisible(editor);
        add(add, grid);
        refresh();
    }

    void edit(BidWork.Question question) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(context.message(question == null ? "question.add" : "question.edit"));
        var askedOn = new DatePicker(context.message("question.asked-on"), question == null ? LocalDate.now(context.clock()) : question.askedOn());
        askedOn.setLocale(context.locale());
        var text = new TextArea(context.message("question.question"));
        text.setMaxLength(2000);
        var answer = new TextArea(context.message("question.answer"));
        answer.setMaxLength(4000);
        var publishedOn = new DatePicker(context.message("question.published-on"));
        publishedOn.setLocale(context.locale());
        publishedOn.setClearButtonVisible(true);
        if (question != null) {
            text.setValue(question.question());
            answer.setValue(question.answer());
            publishedOn.setValue(question.publishedOn());
        }
        var form = new FormLayout(askedOn, text, answer, publishedOn);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("32rem");
        var save = new Button(context.message("action.save"), click -> {
            if (Feedback.unreadable(context, askedOn, publishedOn)) {
                return;
            }
            try {
                work.saveQuestion(tenderId, question == null ? null : question.id(), askedOn.getValue(), text.getValue(), answer.getValue(),
                        publishedOn.getValue());
                dialog.close();
                refresh();
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, Map.of("askedOn", askedOn, "question", text, "answer", answer, "publishedOn", publishedOn));
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                Feedback.changedMeanwhile(context);
                dialog.close();
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button(context.message("action.cancel"), click -> dialog.close()), save);
        dialog.open();
        text.focus();
    }

    private void refresh() {
        grid.setItems(work.questions(tenderId));
    }
}
