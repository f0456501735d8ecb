package org.crmworkbench.ui.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.crmworkbench.core.account.Account;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountRow;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.CustomerGroup;
import org.crmworkbench.core.account.LifecycleStage;
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

/**
 * Accounts: the caller sees what it sees in the account list (SALES its own and team accounts,
 * MANAGER and ADMIN all); only MANAGER and ADMIN delete.
 */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "accounts")
class AccountsApi {

    private final AccountService accounts;
    private final ApiSupport api;

    AccountsApi(AccountService accounts, ApiSupport api) {
        this.accounts = accounts;
        this.api = api;
    }

    /**
     * Accounts by quick search (prefix of name, city or KvK number) and filters; sort by name, city,
     * cocNumber, stage, level or manager ({@code -name} for descending).
     */
    @GetMapping
    ApiPage<AccountRow> list(@RequestParam(defaultValue = "") String search,
                             @RequestParam(required = false) LifecycleStage stage,
                             @RequestParam(required = false) AccountLevel level,
                             @RequestParam(required = false) CustomerGroup group,
                             @RequestParam(required = false) Long managerId,
                             @RequestParam(defaultValue = "false") boolean mine,
                             @RequestParam(required = false) List<String> sort,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = DEFAULT_SIZE) int size) {
        ApiSupport.checkPaging(page, size);
        var query = new AccountQuery(search, stage, level, group, managerId, mine,
                ApiSupport.sorts(sort, AccountQuery.Sort::new));
        var user = api.user();
        return new ApiPage<>(accounts.page(query, user, ApiSupport.offset(page, size), size), page, size,
                accounts.count(query, user));
    }

    @GetMapping("/{id}")
    Account get(@PathVariable long id) {
        return accounts.find(id, api.user()).orElseThrow(ApiNotFoundException::new);
    }

    /** 201 with the account; without a body when a SALES caller gave it to another manager (out of sight). */
    @PostMapping
    ResponseEntity<Account> create(@RequestBody ApiWrite<AccountData> body) {
        var user = api.user();
        long id = accounts.create(ApiSupport.data(body), user);
        var created = ResponseEntity.created(URI.create("/api/v1/accounts/" + id));
        return accounts.find(id, user).map(created::body).orElseGet(() -> created.build());
    }

    /** 200 with the account; 204 when a SALES caller gave it to another manager (now out of sight). */
    @PutMapping("/{id}")
    ResponseEntity<Account> update(@PathVariable long id, @RequestBody ApiWrite<AccountData> body) {
        var data = ApiSupport.data(body);
        int version = ApiSupport.version(body);
        var user = api.user();
        get(id);
        accounts.update(id, version, data, user);
        return accounts.find(id, user).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** Deletes the account with everything that belongs to it; {@code version} guards against stale deletes. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Integer version) {
        if (!accounts.delete(id, version, api.user())) {
            throw new ApiNotFoundException();
        }
        return ResponseEntity.noContent().build();
    }
}
