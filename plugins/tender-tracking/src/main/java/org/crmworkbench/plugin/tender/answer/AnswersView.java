package org.crmworkbench.plugin.tender.answer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.api.text.ReusableText;
import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.Controls;
import org.crmworkbench.plugin.tender.Feedback;
import org.crmworkbench.plugin.tender.InputRejectedException;
import org.crmworkbench.plugin.tender.TenderPermissions;

import java.util.Map;

/**
 * The answer library (route {@code /tender-tracking/answers}): reusable answers for tender questions,
 * searched as one types and paged in SQL; texts other plugins offer (the value-proposition plugin's
 * sellogram benefits, when it is installed) can be taken in.
 */
@PermitAll
public class AnswersView extends VerticalLayout implements HasDynamicTitle {

    static final int OFFERED = 50;

    final TextField search = new TextField();
    final Grid<Answers.Answer> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    final Button add;
    final Button offered;
    private final PluginContext context;
    private final Answers answers;

    public AnswersView(PluginContext context) {
        this.context = context;
        this.answers = new Answers(context.dsl(), context.clock(), context::requirePermission);
        setSizeFull();
        boolean editor = context.hasPermission(TenderPermissions.EDIT);
        search.setPlaceholder(context.message("answers.search"));
        search.setAriaLabel(context.message("answers.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("20rem");
        search.addValueChangeListener(change -> refresh());
        add = new Button(context.message("answers.add"), VaadinIcon.PLUS.create(), click -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(editor);
        offered = new Button(context.message("answers.offered"), VaadinIcon.CLIPBOARD_TEXT.create(), click -> showOffered());
        offered.setVisible(editor && !context.reusableTexts("", 1).isEmpty());
        var bar = new HorizontalLayout(search, add, offered);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.addColumn(Answers.Answer::title).setHeader(context.message("answers.title")).setFlexGrow(2);
        grid.addColumn(a -> a.body().length() > 160 ? a.body().substring(0, 160) + "…" : a.body()).setHeader(context.message("answers.body"))
                .setFlexGrow(5);
        grid.addColumn(Answers.Answer::tags).setHeader(context.message("answers.tags")).setAutoWidth(true);
        grid.addColumn(Answers.Answer::source).setHeader(context.message("answers.source")).setAutoWidth(true);
        if (editor) {
            grid.addComponentColumn(a -> new HorizontalLayout(Controls.icon(context, VaadinIcon.EDIT, "answers.edit", () -> edit(a)),
                    Controls.icon(context, VaadinIcon.TRASH, "answers.delete", () -> Controls.confirm(context, "answers.delete-title",
                            context.message("answers.delete-text", a.title()), "answers.delete", true, () -> {
                                answers.delete(a.id());
                                refresh();
                            })))).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(query -> answers.search(search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> answers.count(search.getValue()));
        grid.setSizeFull();
        add(new H2(context.message("answers.heading")), new Paragraph(context.message("answers.intro")), bar, empty, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return context.message("answers.heading");
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        boolean none = answers.count(search.getValue()) == 0;
        empty.setText(context.message(answers.count("") == 0 ? "answers.none-yet" : "answers.none-match"));
        empty.setVisible(none);
        grid.setVisible(!none);
    }

    void edit(Answers.Answer answer) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(context.message(answer == null ? "answers.add" : "answers.edit"));
        var title = new TextField(context.message("answers.title"));
        title.setMaxLength(Answers.MAX_TITLE);
        var body = new TextArea(context.message("answers.body"));
        body.setMaxLength(Answers.MAX_BODY);
        body.setMinHeight("10rem");
        var tags = new TextField(context.message("answers.tags"));
        tags.setMaxLength(Answers.MAX_TAGS);
        tags.setHelperText(context.message("answers.tags-help"));
        if (answer != null) {
            title.setValue(answer.title());
            body.setValue(answer.body());
            tags.setValue(answer.tags());
        }
        var form = new FormLayout(title, body, tags);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("36rem");
        var save = new Button(context.message("action.save"), click -> {
            try {
                answers.save(answer == null ? null : answer.id(), answer == null ? 0 : answer.version(), title.getValue(), body.getValue(),
                        tags.getValue(), Feedback.by(context));
                dialog.close();
                refresh();
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, Map.of("title", title, "body", body, "tags", tags));
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                Feedback.changedMeanwhile(context);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button(context.message("action.cancel"), click -> dialog.close()), save);
        dialog.open();
        title.focus();
    }

    void showOffered() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(context.message("answers.offered"));
        dialog.setWidth("48rem");
        var filter = new TextField();
        filter.setPlaceholder(context.message("answers.search"));
        filter.setAriaLabel(context.message("answers.search"));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        var list = new Grid<ReusableText>();
        list.addColumn(ReusableText::title).setHeader(context.message("answers.title")).setFlexGrow(2);
        list.addColumn(ReusableText::text).setHeader(context.message("answers.body")).setFlexGrow(4);
        list.addColumn(ReusableText::source).setHeader(context.message("answers.source")).setAutoWidth(true);
        list.addComponentColumn(text -> {
            var take = new Button(context.message("answers.take"), click -> {
                boolean added = answers.take(text, Feedback.by(context));
                Feedback.success(context.message(added ? "answers.taken" : "answers.already-taken", text.title()));
                refresh();
            });
            take.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return take;
        }).setAutoWidth(true).setFlexGrow(0);
        list.setItems(context.reusableTexts("", OFFERED));
        filter.addValueChangeListener(change -> list.setItems(context.reusableTexts(change.getValue(), OFFERED)));
        dialog.add(new Paragraph(context.message("answers.offered-intro")), filter, list);
        dialog.getFooter().add(new Button(context.message("action.close"), click -> dialog.close()));
        dialog.open();
    }
}
