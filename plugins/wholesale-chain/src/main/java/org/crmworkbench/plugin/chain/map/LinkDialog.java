package org.crmworkbench.plugin.chain.map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.chain.ChangedMeanwhileException;
import org.crmworkbench.plugin.chain.Feedback;
import org.crmworkbench.plugin.chain.InputRejectedException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds or changes a chain link: the two parties, what the relation is, its dates, volume and revenue. */
final class LinkDialog extends Dialog {

    final ComboBox<String> group = new ComboBox<>();
    final PartyField from;
    final Select<LinkKind> kind = new Select<>();
    final PartyField to;
    final DatePicker start = new DatePicker();
    final DatePicker end = new DatePicker();
    final BigDecimalField volume = new BigDecimalField();
    final BigDecimalField revenue = new BigDecimalField();
    final TextField note = new TextField();
    final Button save = new Button();

    private int version;

    LinkDialog(PluginContext context, Chains chains, List<String> groups, String currentGroup, Link link, Runnable saved) {
        this.version = link == null ? 0 : link.version();
        setHeaderTitle(context.message(link == null ? "link.add" : "link.edit"));
        from = new PartyField(context, context.message("link.from"));
        to = new PartyField(context, context.message("link.to"));
        group.setLabel(context.message("link.group"));
        group.setItems(groups);
        group.setAllowCustomValue(true);
        group.addCustomValueSetListener(custom -> group.setValue(custom.getDetail()));
        kind.setLabel(context.message("link.kind"));
        kind.setItems(LinkKind.values());
        kind.setItemLabelGenerator(k -> context.message(k.forwardKey()));
        for (var date : List.of(start, end)) {
            date.setLocale(context.locale());
            date.setClearButtonVisible(true);
        }
        start.setLabel(context.message("link.start"));
        end.setLabel(context.message("link.end"));
        volume.setLabel(context.message("link.volume"));
        revenue.setLabel(context.message("link.revenue"));
        note.setLabel(context.message("link.note"));
        note.setMaxLength(Chains.MAX_NOTE);
        if (link == null) {
            group.setValue(currentGroup);
            from.show(null);
            from.us.setValue(false);
            to.show(null);
            kind.setValue(LinkKind.SUPPLIES);
        } else {
            group.setValue(link.productGroup());
            from.show(link.from());
            to.show(link.to());
            kind.setValue(link.kind());
            start.setValue(link.start());
            end.setValue(link.end());
            volume.setValue(link.volume());
            revenue.setValue(link.revenue());
            note.setValue(link.note());
        }
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("productGroup", group);
        fields.put("from", from);
        fields.put("to", to);
        fields.put("kind", kind);
        fields.put("end", end);
        fields.put("volume", volume);
        fields.put("revenue", revenue);
        fields.put("note", note);
        save.setText(context.message("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            fields.values().forEach(f -> f.setInvalid(false));
            if (Feedback.unreadable(context, start, end, volume, revenue) | missing(context, from) | missing(context, to)) {
                return;
            }
            var input = new LinkInput(group.getValue(), from.accountId(), to.accountId(), kind.getValue(), start.getValue(), end.getValue(),
                    volume.getValue(), revenue.getValue(), note.getValue());
            try {
                if (link == null) {
                    chains.create(input, Feedback.by(context));
                } else {
                    chains.update(link.id(), version, input, Feedback.by(context));
                }
                close();
                saved.run();
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, fields);
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                // the input stays on screen: a second Save applies it to the version stored now
                var now = chains.find(link.id());
                if (now.isEmpty()) {
                    Feedback.changedMeanwhile(context);
                    close();
                    saved.run();
                } else {
                    version = now.get().version();
                    Feedback.error(context.message("link.changed-meanwhile"));
                }
            }
        });
        var form = new FormLayout(group, kind, from, to, start, end, volume, revenue, note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        form.setColspan(from, 2);
        form.setColspan(to, 2);
        form.setColspan(note, 2);
        form.setWidth("44rem");
        add(form);
        getFooter().add(new Button(context.message("action.cancel"), click -> close()), save);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        group.focus();
    }

    private static boolean missing(PluginContext context, PartyField party) {
        if (party.accountId() != null && party.accountId() < 0) {
            party.setErrorMessage(context.message("link.error.party-required"));
            party.setInvalid(true);
            return true;
        }
        return false;
    }
}
