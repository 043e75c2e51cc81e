// Order lists: a customer's own, and every order for operators, filtered and updating live from the firehose.
import { api, stream } from '../api.js';
import { empty, failed, field, h, input, money, pager, select, status, statusWords, table, time } from '../ui.js';

const STATUSES = ['CREATED', 'AWAITING_PAYMENT', 'PAID', 'SHIPPED', 'CANCELLING', 'DELIVERED', 'REJECTED', 'CANCELLED',
    'EXPIRED'];
const statusOptions = [['', 'Any status'], ...STATUSES.map(value => [value, statusWords(value)])];

function row(order, showCustomer) {
    return h('tr', { 'data-order': order.orderId, 'data-status': order.status },
        h('td', {}, h('a', { href: `#/orders/${encodeURIComponent(order.orderId)}` }, order.orderId.slice(0, 8)),
            h('span', { class: 'skip' }, ` ${order.orderId}`)),
        showCustomer ? h('td', { class: 'hide-narrow' }, h('small', {}, order.customerId)) : null,
        h('td', {}, time(order.placedAt)),
        h('td', {}, status(order.status), order.reason ? h('div', {}, h('small', { class: 'muted' }, order.reason)) : null),
        h('td', { class: 'num hide-narrow' }, order.lineCount ?? order.lines?.length ?? ''),
        h('td', { class: 'num' }, money(order.total)));
}

const headers = showCustomer => [{ label: 'Order' }, showCustomer ? { label: 'Customer', narrow: true } : null,
    { label: 'Placed' }, { label: 'Status' }, { label: 'Lines', num: true, narrow: true }, { label: 'Total', num: true }]
    .filter(Boolean);

/** The list under its filters: loads a page, shows it, or says it is empty or failed. */
function list(holder, { signal, showCustomer, query, emptyText }) {
    const state = { page: 0, shown: null };
    const load = async () => {
        try {
            const params = new URLSearchParams({ page: state.page, size: 20 });
            for (const [name, value] of Object.entries(query())) {
                if (value) {
                    params.set(name, value);
                }
            }
            const page = await api('GET', `/api/orders?${params}`, undefined, { signal });
            state.shown = page;
            holder.replaceChildren(page.items.length === 0
                ? empty(emptyText(params))
                : h('div', {}, table('Orders', headers(showCustomer), page.items.map(order => row(order, showCustomer))),
                    pager(page, next => { state.page = next; load(); })));
        } catch (error) {
            if (error.name !== 'AbortError') {
                holder.replaceChildren(failed(error, load));
            }
        }
    };
    return { load, state, first: () => { state.page = 0; return load(); } };
}

export async function mine(view, params, { signal }) {
    const filter = select('status', statusOptions);
    const holder = h('div');
    const orders = list(holder, {
        signal, showCustomer: false, query: () => ({ status: filter.value }),
        emptyText: p => p.has('status') ? `You have no ${statusWords(filter.value).toLowerCase()} orders.`
            : 'You have no orders yet: the catalog is where to start.',
    });
    filter.addEventListener('change', orders.first);
    view.append(h('h1', {}, 'My orders'), h('div', { class: 'filters' }, field('Status', filter)), holder);
    await orders.load();
}

/** The datetime-local value, read in the browser's time zone, as an instant for the API. */
const instant = value => value ? new Date(value).toISOString() : '';

export async function every(view, params, { signal }) {
    const statusFilter = select('status', statusOptions);
    const customer = input('customerId', { size: 36, placeholder: 'account id' });
    const from = input('from', { type: 'datetime-local' });
    const to = input('to', { type: 'datetime-local' });
    const live = h('span', { class: 'live off', role: 'status' }, 'Live updates: connecting…');
    const holder = h('div');
    const orders = list(holder, {
        signal, showCustomer: true,
        query: () => ({ status: statusFilter.value, customerId: customer.value.trim(), from: instant(from.value),
            to: instant(to.value) }),
        emptyText: p => [...p.keys()].some(key => !['page', 'size'].includes(key))
            ? 'No order matches these filters.' : 'No orders yet.',
    });
    const filters = h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: event => { event.preventDefault(); orders.first(); } },
        field('Status', statusFilter), field('Customer', customer), field('Placed from', from), field('Placed until', to),
        h('button', { type: 'submit' }, 'Filter'));
    statusFilter.addEventListener('change', orders.first);
    view.append(h('h1', {}, 'Orders'), filters, h('p', {}, live), holder);
    await orders.load();

    // the firehose: a changed order already shown is updated in place; a new one that passes the filters goes on top
    stream('/api/orders/stream', {
        signal,
        onState: state => {
            live.textContent = { live: 'Live updates: on', reconnecting: 'Live updates: reconnecting…',
                ended: 'Live updates: off' }[state];
            live.className = state === 'live' ? 'live' : 'live off';
        },
        onEvent: (type, order) => {
            const shown = holder.querySelector(`tr[data-order="${CSS.escape(order.orderId)}"]`);
            const fresh = row(order, true);
            fresh.classList.add('fresh');
            if (shown) {
                shown.replaceWith(fresh);
            } else if (orders.state.page === 0 && passes(order, orders)) {
                const body = holder.querySelector('tbody');
                if (body) {
                    body.prepend(fresh);
                } else {
                    orders.load();
                }
            }
        },
    });

    function passes(order) {
        return (!statusFilter.value || order.status === statusFilter.value)
            && (!customer.value.trim() || order.customerId === customer.value.trim())
            && (!from.value || new Date(order.placedAt) >= new Date(from.value))
            && (!to.value || new Date(order.placedAt) < new Date(to.value));
    }
}
