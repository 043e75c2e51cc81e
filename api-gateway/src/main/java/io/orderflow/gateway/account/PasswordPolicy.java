package io.orderflow.gateway.account;

import io.orderflow.gateway.problem.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be, after NIST SP 800-63B: long enough, not absurdly long, and not one of the passwords
 * every guesser tries first or the account's own email. No composition rules: they make passwords worse, not better.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    static final String RULES = "A password has " + MIN_LENGTH + " to " + MAX_LENGTH
            + " characters, is not a common password, does not contain the email's name, and is not one character repeated";

    /** The most used passwords of the published breach lists that are long enough to pass the length rule. */
    private static final Set<String> COMMON = Set.of(
            "1234567890",
            "12345678910",
            "123456789a",
            "qwertyuiop",
            "1q2w3e4r5t",
            "1qaz2wsx3edc",
            "password12",
            "password123",
            "password1234",
            "iloveyou123",
            "qwerty1234",
            "qwerty12345",
            "abcdefghij",
            "abc1234567",
            "0987654321",
            "1111111111",
            "123123123123",
            "zaq12wsxcde",
            "passw0rd123",
            "welcome123",
            "letmein123",
            "changeme123",
            "administrator",
            "orderflow123",
            "trustno1234",
            "football123",
            "baseball123",
            "monkey12345",
            "dragon12345",
            "sunshine123",
            "princess123",
            "qwertyuiop123");

    private PasswordPolicy() {}

    /** Every rule the password breaks, each naming the {@code password} field; empty when it is acceptable. */
    static List<FieldProblem> check(String password, String email) {
        var problems = new ArrayList<FieldProblem>();
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            problems.add(new FieldProblem("password", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters"));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            problems.add(new FieldProblem("password", "is one of the most common passwords"));
        }
        if (!password.isEmpty() && password.codePoints().distinct().count() == 1) {
            problems.add(new FieldProblem("password", "must not be one character repeated"));
        }
        String name = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@", 2)[0];
        if (name.length() >= 3 && lower.contains(name)) {
            problems.add(new FieldProblem("password", "must not contain the email's name"));
        }
        return problems;
    }
}
