package org.crmworkbench.ui.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.crmworkbench.core.contact.Contact;
import org.crmworkbench.core.contact.ContactData;
import org.crmworkbench.core.contact.ContactQuery;
import org.crmworkbench.core.contact.ContactRow;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.contact.DmuRole;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

import static org.crmworkbench.ui.api.ApiSupport.DEFAULT_SIZE;

/** Contacts of the accounts the caller may see. */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "contacts")
class ContactsApi {

    private final ContactService contacts;
    private final ApiSupport api;

    ContactsApi(ContactService contacts, ApiSupport api) {
        this.contacts = contacts;
        this.api = api;
    }

    /** Contacts by search (prefix of last name, first name, e-mail or account name) and filters; sort by name, account, jobTitle, email or dmuRole. */
    @GetMapping
    ApiPage<ContactRow> list(@RequestParam(required = false) Long accountId,
                             @RequestParam(defaultValue = "") String search,
                             @RequestParam(required = false) DmuRole dmuRole,
                             @RequestParam(defaultValue = "false") boolean activeOnly,
                             @RequestParam(defaultValue = "false") boolean consentOnly,
                             @RequestParam(required = false) List<String> sort,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = DEFAULT_SIZE) int size) {
        ApiSupport.checkPaging(page, size);
        var query = new ContactQuery(accountId, search, dmuRole, activeOnly, consentOnly,
                ApiSupport.sorts(sort, ContactQuery.Sort::new));
        var user = api.user();
        return new ApiPage<>(contacts.page(query, user, ApiSupport.offset(page, size), size), page, size,
                contacts.count(query, user));
    }

    @GetMapping("/{id}")
    Contact get(@PathVariable long id) {
        return contacts.find(id, api.user()).orElseThrow(ApiNotFoundException::new);
    }

    @PostMapping
    ResponseEntity<Contact> create(@RequestBody ApiWrite<ContactData> body) {
        var data = ApiSupport.data(body);
        long id = contacts.add(ApiSupport.accountId(body), data, api.user());
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + id)).body(get(id));
    }

    @PutMapping("/{id}")
    Contact update(@PathVariable long id, @RequestBody ApiWrite<ContactData> body) {
        var data = ApiSupport.data(body);
        int version = ApiSupport.version(body);
        get(id);
        contacts.update(id, version, data, api.user());
        return get(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Integer version) {
        if (!contacts.delete(id, version, api.user())) {
            throw new ApiNotFoundException();
        }
        return ResponseEntity.noContent().build();
    }
}
