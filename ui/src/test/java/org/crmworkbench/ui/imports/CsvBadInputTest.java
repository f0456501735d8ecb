package org.crmworkbench.ui.imports;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.servlet.http.Part;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Broken and oversized CSV uploads: a clear message in the import screen and nothing imported. */
@WithMockUser(username = "manager", roles = "MANAGER")
class CsvBadInputTest extends UiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    UserAccounts users;

    @Test
    void invalid_utf8_anywhere_in_the_file_is_refused_with_its_line_and_nothing_is_imported() throws Exception {
        int before = accounts.count(AccountQuery.all(), manager());
        var view = navigate(AccountImportView.class);
        byte[][] badBytes = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        for (byte[] bad : badBytes) {
            var file = new ByteArrayOutputStream();
            file.write("Naam;KvK-nummer\nGoed BV;12345678\nSlecht ".getBytes(StandardCharsets.UTF_8));
            file.write(bad);
            file.write(" BV;87654321\n".getBytes(StandardCharsets.UTF_8));
            view.load(file.toByteArray());

            assertThat(view.fileStatus.getText()).isEqualTo(
                    "The file is not UTF-8 text (line 3). Save it as \"CSV UTF-8\" and upload it again.");
            assertThat(view.check.isVisible()).isFalse();
            assertThat(view.importButton.isVisible()).isFalse();
        }
        assertThat(accounts.count(AccountQuery.all(), manager())).isEqualTo(before);
    }

    @Test
    void a_file_over_the_limit_is_refused_on_the_server_even_when_it_claims_to_be_small() throws Exception {
        int before = accounts.count(AccountQuery.all(), manager());
        var view = navigate(AccountImportView.class);
        view.load("Naam\nKlein BV\n".getBytes(StandardCharsets.UTF_8));
        assertThat(view.check.isVisible()).isTrue();

        upload(view, CsvImportView.MAX_BYTES + 1L, endless());
        assertThat(view.fileStatus.getText())
                .isEqualTo("The file was not accepted: choose one .csv file of at most 20 MB.");
        assertThat(view.check.isVisible()).isFalse();

        view.load("Naam\nKlein BV\n".getBytes(StandardCharsets.UTF_8));
        upload(view, 100, endless()); // a forged request: declares 100 bytes, sends more than the limit
        assertThat(view.fileStatus.getText()).startsWith("The file was not accepted");
        assertThat(view.check.isVisible()).isFalse();
        assertThat(view.importButton.isVisible()).isFalse();
        assertThat(accounts.count(AccountQuery.all(), manager())).isEqualTo(before);

        upload(view, 20, new java.io.ByteArrayInputStream("Naam\nKlein BV\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(view.fileStatus.getText()).as("a small file still goes through").startsWith("1 line");
    }

    private void upload(CsvImportView<?, ?> view, long declaredSize, InputStream content) throws Exception {
        Part part = (Part) Proxy.newProxyInstance(Part.class.getClassLoader(), new Class<?>[]{Part.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getInputStream" -> content;
                    case "getSize" -> declaredSize;
                    default -> null;
                });
        view.uploadHandler.handleUploadRequest(new UploadEvent(null, null, VaadinSession.getCurrent(), "big.csv",
                declaredSize, "text/csv", view.upload.getElement(), part));
        var session = VaadinSession.getCurrent();
        session.unlock(); // runs the UI.access tasks the handler queued
        session.lock();
    }

    private static InputStream endless() {
        return new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };
    }

    private UserRef manager() {
        return users.findByUsername("manager").orElseThrow().user();
    }
}
