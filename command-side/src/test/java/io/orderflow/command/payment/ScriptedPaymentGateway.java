package io.orderflow.command.payment;

import io.orderflow.api.common.Money;
import io.orderflow.api.payment.PaymentOutcome;
import java.util.ArrayList;
import java.util.List;

/** A payment provider for fixture tests: answers as scripted and records every call with its idempotency key. */
class ScriptedPaymentGateway implements PaymentGateway {

    final List<String> calls = new ArrayList<>();
    Authorization authorization = new Authorization.Authorized("pi_1");
    RuntimeException failure;

    @Override
    public Authorization authorize(AuthorizationRequest request) {
        calls.add("authorize " + request.idempotencyKey());
        failIfScripted();
        return authorization;
    }

    @Override
    public void capture(String providerPaymentId, Money amount, String idempotencyKey) {
        calls.add("capture " + providerPaymentId + " " + idempotencyKey);
        failIfScripted();
    }

    @Override
    public void voidAuthorization(String providerPaymentId, String idempotencyKey) {
        calls.add("void " + providerPaymentId + " " + idempotencyKey);
        failIfScripted();
    }

    @Override
    public String refund(String providerPaymentId, Money amount, String idempotencyKey) {
        calls.add("refund " + providerPaymentId + " " + idempotencyKey);
        failIfScripted();
        return "re_1";
    }

    @Override
    public void reported(String providerPaymentId, PaymentOutcome outcome) {
        calls.add("reported " + providerPaymentId + " " + outcome);
    }

    private void failIfScripted() {
        if (failure != null) {
            throw failure;
        }
    }
}
