package io.orderflow.gateway.security;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public half of the signing key, for anyone verifying the gateway's tokens (RFC 7517). */
@RestController
class JwksController {

    private final Map<String, Object> keySet;

    JwksController(SigningKeys keys) {
        this.keySet = keys.publicKeySet().toJSONObject();
    }

    @GetMapping(
            path = "/.well-known/jwks.json",
            produces = {"application/jwk-set+json", "application/json"})
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keySet);
    }
}
