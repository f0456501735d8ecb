package org.crmworkbench.ui.token;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.api.ApiToken;
import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.security.CurrentUser;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.crmworkbench.ui.editing.Confirm;
import org.crmworkbench.ui.editing.MaxLength;

/**
 * The signed-in user's personal API tokens at {@code /api-tokens} (user menu): create one (shown once,
 * with a copy button), see when each was last used, revoke it.
 */
@Route("api-tokens")
@PermitAll
public class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    final TextField name = new TextField();
    final Button create = new Button();
    final VerticalLayout created = new VerticalLayout();
    final TextField secret = new TextField();
    final Grid<ApiToken> grid = new Grid<>();
    final Paragraph empty = new Paragraph();

    private final ApiTokens tokens;
    private final UserRef user;

    public ApiTokensView(ApiTokens tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.user = currentUser.user().orElseThrow();
        var dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());

        var intro = new Paragraph(getTranslation("tokens.intro") + " ");
        intro.add(new Anchor("/api/v1/openapi.json", getTranslation("tokens.openapi")));

        name.setLabel(getTranslation("tokens.name"));
        name.setHelperText(getTranslation("tokens.name.help"));
        MaxLength.of(name, 100);
        name.setRequiredIndicatorVisible(true);
        name.setWidth("20em");
        create.setText(getTranslation("tokens.create"));
        create.setIcon(VaadinIcon.KEY.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER).listenOn(name);
        create.addClickListener(click -> create());
        var form = new HorizontalLayout(name, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        secret.setLabel(getTranslation("tokens.secret"));
        secret.setReadOnly(true);
        secret.setWidthFull();
        var copy = new Button(getTranslation("tokens.copy"), VaadinIcon.COPY.create(), click -> {
            UI.getCurrent().getPage().executeJs("navigator.clipboard.writeText($0)", secret.getValue());
            Notification.show(getTranslation("tokens.copied"));
        });
        var secretRow = new HorizontalLayout(secret, copy);
        secretRow.setWidthFull();
        secretRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        created.add(new Paragraph(getTranslation("tokens.shown-once")), secretRow);
        created.setPadding(true);
        created.addClassNames(LumoUtility.Background.SUCCESS_10, LumoUtility.BorderRadius.MEDIUM);
        created.setVisible(false);

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiToken::name).setHeader(getTranslation("tokens.name")).setFlexGrow(2);
        grid.addColumn(token -> token.hint() + "…").setHeader(getTranslation("tokens.hint")).setAutoWidth(true);
        grid.addColumn(token -> format(dates, token.createdAt())).setHeader(getTranslation("tokens.created"));
        grid.addColumn(token -> token.lastUsedAt() == null ? getTranslation("tokens.never")
                : format(dates, token.lastUsedAt())).setHeader(getTranslation("tokens.last-used"));
        grid.addColumn(token -> token.revoked()
                ? getTranslation("tokens.revoked-at", format(dates, token.revokedAt()))
                : getTranslation("tokens.valid")).setHeader(getTranslation("tokens.status"));
        grid.addComponentColumn(token -> {
            var revoke = new Button(getTranslation("tokens.revoke"), click -> confirmRevoke(token));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            revoke.setVisible(!token.revoked());
            return revoke;
        }).setAutoWidth(true).setFlexGrow(0);
        empty.setText(getTranslation("tokens.empty"));

        add(new H2(getTranslation("tokens.title")), intro, form, created, empty, grid);
        refresh();
    }

    private void create() {
        try {
            var result = tokens.create(user.id(), name.getValue());
            name.clear();
            name.setInvalid(false); // cleared on purpose: not an empty required field to complain about
            secret.setValue(result.secret());
            created.setVisible(true);
            refresh();
        } catch (InvalidInputException e) {
            name.setErrorMessage(getTranslation(e.errors().get("name")));
            name.setInvalid(true);
            name.focus();
        }
    }

    private void confirmRevoke(ApiToken token) {
        Confirm.destructive(getTranslation("tokens.revoke.title", token.name()), getTranslation("tokens.revoke.text"),
                getTranslation("tokens.revoke.cancel"), getTranslation("tokens.revoke"), () -> {
                    if (tokens.revoke(user.id(), token.id())) {
                        Notification.show(getTranslation("tokens.revoked", token.name()))
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    }
                    refresh();
                });
    }

    private void refresh() {
        var list = tokens.ofUser(user.id());
        grid.setItems(list);
        grid.setVisible(!list.isEmpty());
        empty.setVisible(list.isEmpty());
    }

    private static String format(DateTimeFormatter format, LocalDateTime at) {
        return at.format(format);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tokens.title") + " | " + getTranslation("app.name");
    }
}
