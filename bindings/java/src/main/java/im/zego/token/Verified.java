package im.zego.token;

/** The result of {@link ZegoToken#verifyWithAny}: the claims and which secret opened the token. */
public final class Verified {
    private final Claims claims;
    private final int secretIndex;

    Verified(Claims claims, int secretIndex) {
        this.claims = claims;
        this.secretIndex = secretIndex;
    }

    /** The token's claims. */
    public Claims getClaims() { return claims; }

    /** The index, in the list given, of the secret that opened the token. */
    public int getSecretIndex() { return secretIndex; }

    @Override
    public String toString() { return "Verified(" + claims + ", secretIndex=" + secretIndex + ")"; }
}
