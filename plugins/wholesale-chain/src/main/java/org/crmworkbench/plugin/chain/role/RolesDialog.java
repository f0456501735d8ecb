package org.crmworkbench.plugin.chain.role;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.chain.ChangedMeanwhileException;
import org.crmworkbench.plugin.chain.Feedback;
import org.crmworkbench.plugin.chain.InputRejectedException;
import org.crmworkbench.plugin.chain.map.AccountLookup;
import org.crmworkbench.plugin.chain.map.Link;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The roles we play in one link: per role its strength 0..5, the services that back it, the
 * interactions with the account that show it, and other evidence such as agreements.
 */
public final class RolesDialog extends Dialog {

    static final int INTERACTIONS = 20;

    final Map<Role, RadioButtonGroup<Integer>> strengths = new EnumMap<>(Role.class);
    final Map<Role, MultiSelectComboBox<Service>> services = new EnumMap<>(Role.class);
    final Map<Role, CheckboxGroup<AccountLookup.Interaction>> interactions = new EnumMap<>(Role.class);
    final Map<Role, TextArea> evidence = new EnumMap<>(Role.class);
    final Button save = new Button();

    private int linkVersion;

    public RolesDialog(PluginContext context, Link link, String linkName, Runnable saved) {
        this.linkVersion = link.version();
        var roles = new Roles(context.dsl(), context.clock(), context::requirePermission);
        var current = roles.of(link.id());
        var catalogue = roles.services(false);
        var byId = catalogue.stream().collect(Collectors.toMap(Service::id, s -> s));
        var account = link.counterparty().accountId();
        var chosenBefore = current.values().stream().flatMap(p -> p.interactions().stream()).toList();
        var recent = account == null ? List.<AccountLookup.Interaction>of()
                : new AccountLookup(context.dsl()).interactions(account, INTERACTIONS, chosenBefore);
        var when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(context.locale());
        setHeaderTitle(context.message("roles.title"));
        setWidth("48rem");
        var body = new VerticalLayout(new Paragraph(linkName));
        body.setPadding(false);
        for (Role role : Role.values()) {
            var play = current.get(role);
            var strength = new RadioButtonGroup<Integer>(context.message("roles.strength"));
            strength.setItems(IntStream.rangeClosed(0, Role.MAX_STRENGTH).boxed().toList());
            strength.setValue(play.strength());
            var backing = new MultiSelectComboBox<Service>(context.message("roles.services"));
            backing.setItems(catalogue.stream().filter(s -> s.role() == role && (s.active() || play.services().contains(s.id()))).toList());
            backing.setItemLabelGenerator(s -> s.name(context.locale()));
            backing.setValue(play.services().stream().map(byId::get).collect(Collectors.toSet()));
            backing.setWidthFull();
            var shown = new CheckboxGroup<AccountLookup.Interaction>(context.message("roles.interactions"));
            shown.setItems(recent);
            shown.setItemLabelGenerator(i -> context.message("roles.interaction", when.format(i.at()),
                    context.message("interaction." + i.kind().toLowerCase(Locale.ROOT))));
            shown.setValue(recent.stream().filter(i -> play.interactions().contains(i.id())).collect(Collectors.toSet()));
            shown.setVisible(!recent.isEmpty());
            var text = new TextArea(context.message("roles.evidence"));
            text.setMaxLength(Roles.MAX_EVIDENCE);
            text.setValue(play.evidence());
            text.setWidthFull();
            strengths.put(role, strength);
            services.put(role, backing);
            interactions.put(role, shown);
            evidence.put(role, text);
            body.add(new H4(context.message(role.labelKey())), new Paragraph(context.message(role.labelKey() + ".what")), strength, backing,
                    shown, text);
        }
        add(body);
        save.setText(context.message("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            var plays = new EnumMap<Role, RolePlay>(Role.class);
            for (Role role : Role.values()) {
                var chosen = new HashSet<Long>();
                services.get(role).getValue().forEach(s -> chosen.add(s.id()));
                var shownIds = new HashSet<Long>();
                interactions.get(role).getValue().forEach(i -> shownIds.add(i.id()));
                Integer value = strengths.get(role).getValue();
                plays.put(role, new RolePlay(value == null ? 0 : value, chosen, shownIds, evidence.get(role).getValue()));
            }
            try {
                roles.save(link.id(), linkVersion, plays, Feedback.by(context));
                close();
                saved.run();
            } catch (InputRejectedException e) {
                var fields = new HashMap<String, HasValidation>();
                for (Role role : Role.values()) {
                    fields.put("strength-" + role.name(), strengths.get(role));
                    fields.put("services-" + role.name(), services.get(role));
                    fields.put("interactions-" + role.name(), interactions.get(role));
                    fields.put("evidence-" + role.name(), evidence.get(role));
                }
                Feedback.rejected(context, e, fields);
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                // the input stays: a second Save applies it to what is stored now
                Feedback.error(context.message("roles.changed-meanwhile"));
                var now = new org.crmworkbench.plugin.chain.map.Chains(context.dsl(), context.clock()).find(link.id());
                if (now.isEmpty()) {
                    close();
                    saved.run();
                } else {
                    linkVersion = now.get().version();
                }
            }
        });
        getFooter().add(new Button(context.message("action.cancel"), click -> close()), save);
        save.focus();
    }
}
