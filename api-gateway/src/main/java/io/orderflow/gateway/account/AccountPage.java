package io.orderflow.gateway.account;

import java.util.List;

/** One page of accounts, by email, and how many match in all. */
public record AccountPage(List<AccountView> items, int page, int size, long total) {}
