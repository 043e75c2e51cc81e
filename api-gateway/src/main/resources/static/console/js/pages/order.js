// One order: lines, totals, payment and parcel, the timeline filling in live, and what may be done with it.
import { api, isAdmin, stream } from '../api.js';
import { confirm, failed, field, h, input, money, notice, select, status, statusWords, table, time } from '../ui.js';

const TERMINAL = ['DELIVERED', 'REJECTED', 'CANCELLED', 'EXPIRED'];
const CUSTOMER_MAY_CANCEL = ['CREATED', 'AWAITING_PAYMENT', 'PAID'];

export async function page(view, { id }, { signal }) {
    const path = `/api/orders/${encodeURIComponent(id)}`;
    let order;
    try {
        order = await api('GET', path, undefined, { signal });
    } catch (error) {
        if (error.name !== 'AbortError') {
            view.append(h('h1', {}, 'Order'), failed(error));
        }
        return;
    }
    const summary = h('div');
    const timeline = h('ol', { class: 'timeline', 'aria-live': 'polite' });
    const live = h('span', { class: 'live off', role: 'status' });
    const result = h('div', { role: 'status' });
    const actions = h('div', { class: 'card' });
    view.append(h('h1', {}, 'Order ', h('code', {}, id)), summary, result, actions,
        h('h2', {}, 'Timeline ', live), timeline);

    const show = current => {
        order = current;
        summary.replaceChildren(details(current));
        actions.replaceChildren(...actionsFor(current, result));
        actions.hidden = actions.childElementCount === 0;
    };
    const loadTimeline = async () => {
        try {
            const entries = await api('GET', `${path}/events`, undefined, { signal });
            timeline.replaceChildren(...entries.map(entry => h('li', { 'data-type': entry.type },
                time(entry.occurredAt), entry.description)));
        } catch (error) {
            if (error.name !== 'AbortError') {
                timeline.replaceChildren(h('li', {}, failed(error, loadTimeline)));
            }
        }
    };
    show(order);
    await loadTimeline();
    stream(`${path}/stream`, {
        signal,
        reconnect: () => !TERMINAL.includes(order.status),
        onState: state => {
            const ended = TERMINAL.includes(order.status);
            live.textContent = state === 'live' ? '(live)' : state === 'reconnecting' ? '(reconnecting…)'
                : ended ? '(final)' : '(live updates stopped)';
            live.className = state === 'live' ? 'live' : 'live off';
        },
        onEvent: (type, current) => {
            show(current);
            loadTimeline();
        },
    });
}

function details(order) {
    return h('div', { class: 'grid' },
        h('section', { class: 'card', 'aria-label': 'Status' },
            h('dl', { class: 'facts' },
                h('dt', {}, 'Status'), h('dd', { id: 'order-status' }, status(order.status)),
                order.reason ? [h('dt', {}, 'Why'), h('dd', { id: 'order-reason' }, order.reason)] : null,
                h('dt', {}, 'Payment'), h('dd', {}, status(order.paymentStatus)),
                h('dt', {}, 'Parcel'), h('dd', {}, status(order.shipmentStatus)),
                order.carrier ? [h('dt', {}, 'Carrier'), h('dd', {}, order.carrier)] : null,
                order.trackingNumber ? [h('dt', {}, 'Tracking'), h('dd', {}, h('code', {}, order.trackingNumber))] : null,
                h('dt', {}, 'Placed'), h('dd', {}, time(order.placedAt)),
                h('dt', {}, 'Last change'), h('dd', {}, time(order.updatedAt)),
                TERMINAL.includes(order.status) ? null : [h('dt', {}, 'Pay by'), h('dd', {}, time(order.expiresAt))])),
        h('section', { class: 'card', 'aria-label': 'Shipping address' },
            h('h2', {}, 'Ships to'),
            h('address', {}, [order.shippingAddress.recipient, order.shippingAddress.line1, order.shippingAddress.line2,
                `${order.shippingAddress.postalCode} ${order.shippingAddress.city}`, order.shippingAddress.country]
                .filter(Boolean).flatMap(line => [line, h('br')]))),
        h('section', { 'aria-label': 'Lines', class: 'wide' },
            table('Lines', [{ label: 'Product' }, { label: 'Quantity', num: true }, { label: 'Unit price', num: true },
                { label: 'Amount', num: true }], [
                ...order.lines.map(line => h('tr', {},
                    h('td', {}, line.productName, h('br'), h('small', { class: 'muted' }, line.productId)),
                    h('td', { class: 'num' }, line.quantity),
                    h('td', { class: 'num' }, money(line.unitPrice)),
                    h('td', { class: 'num' }, money({ amount: Number(line.unitPrice.amount) * line.quantity,
                        currency: line.unitPrice.currency })))),
                h('tr', {}, h('th', { scope: 'row', colspan: 3 }, 'Total'),
                    h('td', { class: 'num', id: 'order-total' }, h('strong', {}, money(order.total))))])));
}

function actionsFor(order, result) {
    const path = `/api/admin/orders/${encodeURIComponent(order.orderId)}`;
    const run = async (title, text, call, done) => {
        if (!(await confirm(title, text))) {
            return;
        }
        result.replaceChildren();
        try {
            await call();
            result.replaceChildren(notice(done));
        } catch (error) {
            result.replaceChildren(failed(error));
        }
    };
    const cancel = h('button', { type: 'button', class: 'danger', onclick: () => run('Cancel this order?',
        'The order is called off and every step taken is undone: stock released, payment voided or refunded.',
        () => api('POST', `/api/orders/${encodeURIComponent(order.orderId)}/cancel`),
        'Cancellation started: the order ends Cancelled once every step is undone.') }, 'Cancel order');
    if (!isAdmin()) {
        return CUSTOMER_MAY_CANCEL.includes(order.status) ? [cancel] : [];
    }
    if (TERMINAL.includes(order.status)) {
        return [];
    }
    const step = select('step', [['RESERVATION', 'Stock reservation'], ['PAYMENT', 'Payment'], ['SHIPMENT', 'Shipment']]);
    const reason = input('reason', { placeholder: 'why, for the order\'s record', maxlength: 500 });
    return [
        h('h2', {}, 'Operator actions'),
        h('div', { class: 'filters' }, field('Step', step),
            h('button', { type: 'button', class: 'secondary', onclick: () => run(`Retry the ${statusWords(step.value).toLowerCase()}?`,
                'The step that failed or stalled is tried again.',
                () => api('POST', `${path}/retry`, { step: step.value }),
                `Retrying the ${statusWords(step.value).toLowerCase()}.`) }, 'Retry step')),
        h('div', { class: 'filters' }, field('Reason', reason),
            h('button', { type: 'button', class: 'danger', onclick: () => run('Compensate this order?',
                'The order is called off whatever stage it reached, a dispatched parcel included; every step is undone.',
                () => api('POST', `${path}/compensate`, { action: 'CANCEL', reason: reason.value.trim() || null }),
                'Compensation started: the order ends Cancelled once every step is undone.') }, 'Compensate')),
        h('div', { class: 'actions' }, cancel),
    ];
}
