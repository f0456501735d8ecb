package org.crmworkbench.plugin.chain.role;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.chain.ChangedMeanwhileException;
import org.crmworkbench.plugin.chain.Controls;
import org.crmworkbench.plugin.chain.Feedback;
import org.crmworkbench.plugin.chain.InputRejectedException;

import java.util.Map;

/** The catalogue of value added services (route {@code /wholesale-chain/services}, for those who manage the plugin). */
@PermitAll
public class ServicesView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Service> grid = new Grid<>();
    private final PluginContext context;
    private final Roles roles;

    public ServicesView(PluginContext context) {
        this.context = context;
        this.roles = new Roles(context.dsl(), context.clock(), context::requirePermission);
        grid.addColumn(s -> s.name(context.locale())).setHeader(context.message("services.name")).setFlexGrow(3);
        grid.addColumn(s -> context.message(s.role().labelKey())).setHeader(context.message("services.role")).setAutoWidth(true);
        grid.addColumn(s -> context.message(s.active() ? "services.active" : "services.inactive")).setHeader(context.message("services.state"))
                .setAutoWidth(true);
        grid.addComponentColumn(s -> Controls.icon(context, VaadinIcon.EDIT, "services.edit", () -> edit(s))).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        var add = new Button(context.message("services.add"), VaadinIcon.PLUS.create(), click -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(context.message("services.title")), new Paragraph(context.message("services.intro")), add, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return context.message("services.title");
    }

    private void refresh() {
        grid.setItems(roles.services(false));
    }

    void edit(Service service) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(context.message(service == null ? "services.add" : "services.edit"));
        var nameEn = new TextField(context.message("services.name-en"));
        var nameNl = new TextField(context.message("services.name-nl"));
        nameEn.setMaxLength(Roles.MAX_NAME);
        nameNl.setMaxLength(Roles.MAX_NAME);
        var role = new Select<Role>();
        role.setLabel(context.message("services.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> context.message(r.labelKey()));
        var active = new Checkbox(context.message("services.active"), true);
        active.setVisible(service != null);
        if (service != null) {
            nameEn.setValue(service.nameEn());
            nameNl.setValue(service.nameNl());
            role.setValue(service.role());
            active.setValue(service.active());
        }
        var save = new Button(context.message("action.save"), click -> {
            try {
                roles.saveService(service == null ? null : service.id(), service == null ? 0 : service.version(), nameEn.getValue(),
                        nameNl.getValue(), role.getValue(), active.getValue());
                dialog.close();
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, Map.of("nameEn", nameEn, "nameNl", nameNl, "role", role));
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
        var form = new FormLayout(nameEn, nameNl, role, active);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("24rem");
        dialog.add(form);
        dialog.getFooter().add(new Button(context.message("action.cancel"), click -> dialog.close()), save);
        dialog.open();
        nameEn.focus();
    }
}
