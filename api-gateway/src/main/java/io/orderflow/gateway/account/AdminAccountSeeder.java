package io.orderflow.gateway.account;

import io.orderflow.gateway.problem.FieldProblem;
import io.orderflow.gateway.security.SecurityProperties;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first ADMIN when there is none, so a new installation can be operated at all. Without a configured
 * password it generates one and prints it this once; nothing keeps it but its hash.
 */
@Component
class AdminAccountSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccountSeeder.class);

    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final SecurityProperties.Admin admin;

    AdminAccountSeeder(AccountStore store, PasswordEncoder passwords, SecurityProperties properties) {
        this.store = store;
        this.passwords = passwords;
        this.admin = properties.admin();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.anyAdmin()) {
            return;
        }
        boolean generated = admin.password() == null || admin.password().isBlank();
        String password = generated ? generate() : admin.password();
        List<FieldProblem> broken = PasswordPolicy.check(password, admin.email());
        if (!broken.isEmpty()) {
            throw new IllegalStateException("orderflow.security.admin.password (ORDERFLOW_ADMIN_PASSWORD) is refused: "
                    + broken.stream().map(FieldProblem::message).toList() + ". " + PasswordPolicy.RULES);
        }
        if (store.create(admin.email(), admin.name(), passwords.encode(password), Role.ADMIN)
                .isEmpty()) {
            log.warn(
                    "No ADMIN exists and {} belongs to another account; set ORDERFLOW_ADMIN_EMAIL to a free email",
                    admin.email());
            return;
        }
        if (generated) {
            log.warn(
                    "Created the ADMIN account {} with the generated password {} (shown this once; "
                            + "set ORDERFLOW_ADMIN_PASSWORD to choose it)",
                    admin.email(),
                    password);
        } else {
            log.info("Created the ADMIN account {}", admin.email());
        }
    }

    private static String generate() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
