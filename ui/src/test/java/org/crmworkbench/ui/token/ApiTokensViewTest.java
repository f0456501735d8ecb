package org.crmworkbench.ui.token;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.crmworkbench.core.api.ApiToken;
import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokensViewTest extends UiTest {

    @Autowired
    ApiTokens tokens;
    @Autowired
    UserAccounts users;

    @Test
    @WithMockUser(username = "sales2", roles = "SALES")
    void a_user_creates_a_token_sees_it_once_and_revokes_it() {
        var view = navigate(ApiTokensView.class);
        assertThat(view.empty.isVisible()).isTrue();

        test(view.create).click();
        assertThat(view.name.isInvalid()).as("a name is required").isTrue();
        assertThat(view.name.getErrorMessage()).isEqualTo("Give the token a name");
        assertThat(view.created.isVisible()).isFalse();

        test(view.name).setValue("Excel report");
        test(view.create).click();
        String secret = view.secret.getValue();
        assertThat(view.created.isVisible()).isTrue();
        assertThat(test(view.grid).getCellText(0, 3)).isEqualTo("Never");
        assertThat(tokens.authenticate(secret)).contains("sales2");
        assertThat(view.grid.isVisible()).isTrue();
        ApiToken listed = test(view.grid).getRow(0);
        assertThat(listed.name()).isEqualTo("Excel report");
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo(secret.substring(0, 10) + "…");

        var revoke = (Button) test(view.grid).getCellComponent(0, 5);
        test(revoke).click();
        roundTrip();
        var dialog = $(ConfirmDialog.class).first();
        test(dialog).confirm();
        assertThat(tokens.authenticate(secret)).isEmpty();
        assertThat(test(view.grid).getCellText(0, 4)).startsWith("Revoked");
        assertThat(tokens.ofUser(users.findByUsername("sales2").orElseThrow().user().id()))
                .extracting(ApiToken::revoked).containsOnly(true);
    }
}
