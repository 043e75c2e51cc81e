// Charts for operators: orders per day by final status and revenue per day (the analytics endpoint), and orders
// placed, delivered and failed per minute, live from the firehose.
import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import { api, stream } from '../api.js';
import { empty, failed, h, money, number, statusWords, table } from '../ui.js';

const FINAL = { DELIVERED: '#1a7f37', CANCELLED: '#cf222e', REJECTED: '#8250df', EXPIRED: '#9a6700' };
const FAILED = ['REJECTED', 'CANCELLED', 'EXPIRED'];
const MINUTES = 30;

const width = holder => Math.max(280, Math.min(1100, holder.clientWidth || 800) - 20);

function chart(holder, title, series, data, valueFormat) {
    holder.replaceChildren();
    const plot = new uPlot({
        title, width: width(holder), height: 260,
        scales: { x: { time: true } },
        axes: [{}, { values: (u, values) => values.map(valueFormat) }],
        series: [{}, ...series.map(([label, stroke]) => ({ label, stroke, width: 2, points: { show: true, size: 6 } }))],
    }, data, holder);
    return plot;
}

export async function page(view, params, { signal }) {
    const days = h('div', { class: 'chart', role: 'img', 'aria-label': 'Orders per day by final status', id: 'chart-orders' });
    const revenue = h('div', { class: 'chart', role: 'img', 'aria-label': 'Revenue per day', id: 'chart-revenue' });
    const figures = h('div');
    const perMinute = h('div', { class: 'chart', role: 'img', 'aria-label': 'Orders per minute', id: 'chart-live' });
    const live = h('span', { class: 'live off', role: 'status' }, 'connecting…');
    view.append(h('h1', {}, 'Charts'),
        h('h2', {}, 'The last 30 days'), days, revenue, h('details', {}, h('summary', {}, 'The figures as a table'), figures),
        h('h2', {}, `Orders per minute, the last ${MINUTES} minutes `, live), perMinute);

    const load = async () => {
        try {
            const daily = await api('GET', '/api/analytics/daily', undefined, { signal });
            drawDays(daily, days, revenue, figures);
        } catch (error) {
            if (error.name !== 'AbortError') {
                days.replaceChildren(failed(error, load));
            }
        }
    };
    await load();
    await liveChart(perMinute, live, signal);
}

function drawDays(daily, days, revenue, figures) {
    if (daily.every(day => day.totalOrders === 0)) {
        days.replaceChildren(empty('No orders in the last 30 days.'));
        revenue.replaceChildren();
        figures.replaceChildren();
        return;
    }
    // every day of the range, those without orders at zero, so the axis is the 30 days
    const byDate = new Map(daily.map(day => [day.date, day]));
    const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    const x = Array.from({ length: 30 }, (_, i) => (today - (29 - i) * 86400000) / 1000);
    const on = t => byDate.get(new Date(t * 1000).toISOString().slice(0, 10));
    const statuses = Object.keys(FINAL);
    chart(days, 'Orders per day by final status', statuses.map(s => [statusWords(s), FINAL[s]]),
        [x, ...statuses.map(s => x.map(t => on(t)?.orders[s] ?? 0))], number);
    const currencies = [...new Set(daily.flatMap(day => Object.keys(revenueOf(day))))];
    chart(revenue, 'Revenue per day (delivered orders)',
        currencies.map((currency, i) => [currency, ['#0b5cad', '#bc4c00', '#116329'][i % 3]]),
        [x, ...currencies.map(currency => x.map(t => (on(t) ? revenueOf(on(t))[currency] : 0) ?? 0))], number);
    figures.replaceChildren(table('Orders and revenue per day',
        [{ label: 'Day' }, { label: 'Orders', num: true }, ...statuses.map(s => ({ label: statusWords(s), num: true })),
            { label: 'Revenue', num: true }],
        daily.filter(day => day.totalOrders > 0).map(day => h('tr', { 'data-day': day.date },
            h('td', {}, new Date(`${day.date}T00:00:00Z`).toLocaleDateString(undefined, { timeZone: 'UTC', dateStyle: 'medium' })),
            h('td', { class: 'num', 'data-total': day.totalOrders }, number(day.totalOrders)),
            ...statuses.map(s => h('td', { class: 'num' }, number(day.orders[s] ?? 0))),
            h('td', { class: 'num' }, Object.entries(revenueOf(day))
                .map(([currency, amount]) => money({ currency, amount })).join(', '))))));
}

/** The value of a day's delivered orders, per currency. */
const revenueOf = day => day.revenue.DELIVERED ? { [day.revenue.DELIVERED.currency]: Number(day.revenue.DELIVERED.amount) } : {};

/**
 * Counts per minute: seeded from the orders of the last minutes (their status now), then each change the firehose
 * brings counts once per order and kind.
 */
async function liveChart(holder, live, signal) {
    const minute = ms => Math.floor(ms / 60000) * 60;
    const counted = new Map();
    const counts = { placed: new Map(), delivered: new Map(), failed: new Map() };
    const count = (kind, orderId, at) => {
        const key = `${kind}:${orderId}`;
        if (!counted.has(key)) {
            counted.set(key, true);
            counts[kind].set(minute(at), (counts[kind].get(minute(at)) ?? 0) + 1);
        }
    };
    const take = order => {
        count('placed', order.orderId, Date.parse(order.placedAt));
        if (order.status === 'DELIVERED') {
            count('delivered', order.orderId, Date.parse(order.updatedAt));
        } else if (FAILED.includes(order.status)) {
            count('failed', order.orderId, Date.parse(order.updatedAt));
        }
    };
    const since = new Date(Date.now() - MINUTES * 60000).toISOString();
    for (let page = 0; page < 10; page++) {
        const found = await api('GET', `/api/orders?from=${encodeURIComponent(since)}&size=100&page=${page}`, undefined, { signal });
        found.items.forEach(take);
        if ((page + 1) * found.size >= found.total) {
            break;
        }
    }
    let plot = null;
    const draw = () => {
        const now = minute(Date.now());
        const x = Array.from({ length: MINUTES }, (_, i) => now - (MINUTES - 1 - i) * 60);
        const data = [x, ...['placed', 'delivered', 'failed'].map(kind => x.map(t => counts[kind].get(t) ?? 0))];
        if (plot) {
            plot.setData(data);
        } else {
            plot = chart(holder, 'Orders per minute', [['Placed', '#0b5cad'], ['Delivered', '#1a7f37'], ['Failed', '#cf222e']],
                data, number);
        }
        holder.dataset.placed = data[1].reduce((a, b) => a + b, 0);
        holder.dataset.delivered = data[2].reduce((a, b) => a + b, 0);
    };
    draw();
    const timer = setInterval(draw, 5000);
    signal.addEventListener('abort', () => clearInterval(timer));
    stream('/api/orders/stream', {
        signal,
        onState: state => {
            live.textContent = state === 'live' ? '(live)' : state === 'reconnecting' ? '(reconnecting…)' : '(stopped)';
            live.className = state === 'live' ? 'live' : 'live off';
        },
        onEvent: (type, order) => {
            take(order);
            draw();
        },
    });
}
