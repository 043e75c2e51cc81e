package io.orderflow.gateway.account;

import io.orderflow.gateway.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts as an admin manages them: find, change role, disable and enable. */
@RestController
@RequestMapping("/api/admin/users")
class UserAdminController {

    private static final String ACCOUNT_ID =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final Accounts accounts;
    private final AccountStore store;

    UserAdminController(Accounts accounts, AccountStore store) {
        this.accounts = accounts;
        this.store = store;
    }

    record RoleChange(
            @NotNull(message = "is required; one of CUSTOMER, ADMIN")
            Role role) {}

    @GetMapping
    AccountPage list(
            @RequestParam(required = false) @Size(max = 254, message = "must be at most 254 characters") String email,
            @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and 100")
                    @Max(value = 100, message = "must be between 1 and 100")
                    int size) {
        return store.list(email, role, page, size);
    }

    @GetMapping("/{id}")
    AccountView get(@PathVariable @Pattern(regexp = ACCOUNT_ID, message = "is not an account id") String id) {
        return accounts.find(id);
    }

    /** Takes effect at once: tokens signed with the old role stop working. */
    @PutMapping("/{id}/role")
    AccountView changeRole(
            @PathVariable @Pattern(regexp = ACCOUNT_ID, message = "is not an account id") String id,
            @Valid @RequestBody RoleChange change,
            Caller caller) {
        return accounts.changeRole(id, change.role(), caller.id());
    }

    /** The account can no longer sign in, and its tokens stop working. */
    @PostMapping("/{id}/disable")
    AccountView disable(
            @PathVariable @Pattern(regexp = ACCOUNT_ID, message = "is not an account id") String id, Caller caller) {
        return accounts.changeEnabled(id, false, caller.id());
    }

    @PostMapping("/{id}/enable")
    AccountView enable(
            @PathVariable @Pattern(regexp = ACCOUNT_ID, message = "is not an account id") String id, Caller caller) {
        return accounts.changeEnabled(id, true, caller.id());
    }
}
