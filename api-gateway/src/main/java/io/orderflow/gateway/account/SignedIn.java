package io.orderflow.gateway.account;

/**
 * What signing in, and using a refresh token, answers: a short-lived access token and the session's next refresh
 * token.
 *
 * @param expiresIn        seconds the access token lasts
 * @param refreshToken     opaque; {@code POST /api/auth/refresh} exchanges it, once, for the next pair
 * @param refreshExpiresIn seconds the refresh token lasts unused
 */
record SignedIn(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {}
