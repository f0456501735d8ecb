package org.crmworkbench.plugin.value.motive;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.value.ChangedMeanwhileException;
import org.crmworkbench.plugin.value.Controls;
import org.crmworkbench.plugin.value.Feedback;
import org.crmworkbench.plugin.value.InputRejectedException;
import org.crmworkbench.plugin.value.ValuePermissions;

import java.util.Map;

/**
 * The catalogue of buying motives (route {@code /value-proposition/motives}), in the order
 * argumentations follow; those with the publish permission add, rename, reorder, (de)activate and
 * delete unused motives.
 */
@PermitAll
public class MotivesView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Motive> grid = new Grid<>();
    final Button add;
    private final PluginContext context;
    private final Motives motives;

    public MotivesView(PluginContext context) {
        this.context = context;
        this.motives = new Motives(context.dsl(), context::requirePermission);
        boolean editor = context.hasPermission(ValuePermissions.PUBLISH);
        grid.addColumn(Motive::nameEn).setHeader(context.message("motives.name-en")).setFlexGrow(2);
        grid.addColumn(Motive::nameNl).setHeader(context.message("motives.name-nl")).setFlexGrow(2);
        grid.addColumn(m -> context.message(m.kind().labelKey())).setHeader(context.message("motives.kind")).setAutoWidth(true);
        grid.addColumn(m -> context.message(m.active() ? "motives.active" : "motives.inactive")).setHeader(context.message("motives.state"))
                .setAutoWidth(true);
        if (editor) {
            grid.addComponentColumn(this::actions).setHeader(context.message("row.actions")).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        add = new Button(context.message("motives.add"), VaadinIcon.PLUS.create(), click -> edit(null));
        add.setVisible(editor);
        add(new H2(context.message("motives.title")), new Paragraph(context.message("motives.intro")), add, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return context.message("motives.title");
    }

    void refresh() {
        grid.setItems(motives.list(false));
    }

    private Component actions(Motive motive) {
        var up = Controls.icon(context, VaadinIcon.ARROW_UP, "row.up", () -> {
            motives.move(motive.id(), true);
            refresh();
        });
        var down = Controls.icon(context, VaadinIcon.ARROW_DOWN, "row.down", () -> {
            motives.move(motive.id(), false);
            refresh();
        });
        var edit = Controls.icon(context, VaadinIcon.EDIT, "motives.edit", () -> edit(motive));
        var delete = Controls.icon(context, VaadinIcon.TRASH, "motives.delete", () -> Controls.confirm(context, "motives.delete-title",
                context.message("motives.delete-text", motive.name(context.locale())), "motives.delete", true, () -> {
                    try {
                        motives.delete(motive.id());
                    } catch (InputRejectedException e) {
                        Feedback.rejected(context, e, Map.of());
                    }
                    refresh();
                }));
        return new HorizontalLayout(up, down, edit, delete);
    }

    void edit(Motive motive) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(context.message(motive == null ? "motives.add" : "motives.edit"));
        var nameEn = new TextField(context.message("motives.name-en"));
        var nameNl = new TextField(context.message("motives.name-nl"));
        nameEn.setMaxLength(Motives.MAX_NAME);
        nameNl.setMaxLength(Motives.MAX_NAME);
        nameEn.setRequiredIndicatorVisible(true);
        nameNl.setRequiredIndicatorVisible(true);
        var kind = new Select<MotiveKind>();
        kind.setLabel(context.message("motives.kind"));
        kind.setItems(MotiveKind.values());
        kind.setItemLabelGenerator(k -> context.message(k.labelKey()));
        kind.setValue(MotiveKind.RATIONAL);
        var active = new Checkbox(context.message("motives.active-label"), true);
        active.setVisible(motive != null);
        if (motive != null) {
            nameEn.setValue(motive.nameEn());
            nameNl.setValue(motive.nameNl());
            kind.setValue(motive.kind());
            active.setValue(motive.active());
        }
        var save = new Button(context.message("action.save"), click -> {
            try {
                if (motive == null) {
                    motives.create(nameEn.getValue(), nameNl.getValue(), kind.getValue());
                } else {
                    motives.update(motive.id(), motive.version(), nameEn.getValue(), nameNl.getValue(), kind.getValue(), active.getValue());
                }
                dialog.close();
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, Map.of("nameEn", nameEn, "nameNl", nameNl, "kind", kind));
                return;
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                Feedback.changedMeanwhile(context);
                dialog.close();
            }
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(nameEn, nameNl, kind, active);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("24rem");
        dialog.add(form);
        dialog.getFooter().add(new Button(context.message("action.cancel"), click -> dialog.close()), save);
        dialog.open();
        nameEn.focus();
    }
}
