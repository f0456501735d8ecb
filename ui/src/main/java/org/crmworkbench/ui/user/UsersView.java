package org.crmworkbench.ui.user;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.user.UserAdministration;
import org.crmworkbench.core.user.UserAdministration.UserSummary;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The workbench's users at {@code /admin/users} (ADMIN): search, paged in SQL; a new user; a click on
 * a row opens {@link UserDialog} to change roles, deactivate, set a new password or end all sessions.
 */
@Route("admin/users")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Button create = new Button();
    final Grid<UserSummary> grid = new Grid<>();

    private final UserAdministration users;
    private final UserRef admin;

    public UsersView(UserAdministration users, CurrentUser currentUser) {
        this.users = users;
        this.admin = currentUser.user().orElseThrow();
        search.setPlaceholder(getTranslation("users.search"));
        search.setAriaLabel(getTranslation("users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("22rem");
        search.setMaxLength(100);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        create.setText(getTranslation("users.new"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> new UserDialog(users, admin, null, this::refresh).open());

        grid.addColumn(UserSummary::username).setHeader(getTranslation("users.username")).setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("users.display-name")).setFlexGrow(1);
        grid.addColumn(user -> user.email() == null ? "—" : user.email()).setHeader(getTranslation("users.email")).setFlexGrow(1);
        grid.addColumn(user -> Arrays.stream(Role.values()).filter(user.roles()::contains)
                .map(role -> getTranslation("role." + role.name())).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("users.roles")).setAutoWidth(true);
        grid.addColumn(user -> getTranslation(user.active() ? "users.active" : "users.inactive"))
                .setHeader(getTranslation("users.status")).setAutoWidth(true);
        grid.addColumn(user -> getTranslation(user.secondFactor() ? "users.second-factor.on" : "users.second-factor.off"))
                .setHeader(getTranslation("users.second-factor")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("users.empty"));
        grid.setItems(query -> users.page(search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> users.count(search.getValue()));
        grid.addItemClickListener(click -> open(click.getItem()));

        var bar = new HorizontalLayout(search, create);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        setSizeFull();
        add(new H2(getTranslation("users.title")), bar, grid);
    }

    void open(UserSummary user) {
        users.find(user.id()).ifPresent(fresh -> new UserDialog(users, admin, fresh, this::refresh).open());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " | " + getTranslation("app.name");
    }
}
