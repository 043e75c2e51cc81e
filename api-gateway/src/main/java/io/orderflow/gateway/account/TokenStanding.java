package io.orderflow.gateway.account;

/**
 * What the store says of a token of one of its accounts: whether the account may still use it.
 *
 * @param enabled      the account is not disabled
 * @param tokenVersion the version every token of the account must carry; raised at a role change or a disable
 * @param revoked      the token was signed out
 */
public record TokenStanding(boolean enabled, int tokenVersion, boolean revoked) {

    public boolean accepts(int tokenVersionOfToken) {
        return enabled && !revoked && tokenVersion == tokenVersionOfToken;
    }
}
