package io.orderflow.gateway.account;

/** What an account may do: a customer reaches its own orders; an admin reaches everything and runs operations. */
public enum Role {
    CUSTOMER,
    ADMIN
}
