// The order form: products from the catalog, quantities, where to ship, how to pay. The API validates; its problem
// details show at each field.
import { api } from '../api.js';
import { failed, field, h, input, money, select, submitting, wholeNumber } from '../ui.js';

const PAYMENT_METHODS = [
    ['pm_card_visa', 'Visa test card (pays)'],
    ['pm_card_mastercard', 'Mastercard test card (pays)'],
    ['pm_card_chargeDeclined', 'Test card that is declined'],
];

export async function form(view, { product: chosen }, { signal, go }) {
    view.append(h('h1', {}, 'Place an order'));
    let catalog;
    try {
        catalog = await api('GET', '/api/products', undefined, { signal });
    } catch (error) {
        if (error.name !== 'AbortError') {
            view.append(failed(error, () => go(location.hash)));
        }
        return;
    }
    const options = catalog.map(p => [p.productId, `${p.name} · ${money(p.price)} · ${p.stockAvailable} in stock`]);
    const lines = h('div', { class: 'lines' });
    const addLine = productId => {
        const index = lines.children.length;
        const productSelect = select(`items[${index}].productId`, [['', 'Choose a product…'], ...options]);
        productSelect.value = productId ?? '';
        const line = h('fieldset', { class: 'card' }, h('legend', {}, `Line ${index + 1}`),
            h('div', { class: 'grid' },
                field('Product', productSelect),
                field('Quantity', input(`items[${index}].quantity`, { type: 'number', inputmode: 'numeric', value: '1' }))),
            index > 0 ? h('button', { type: 'button', class: 'link', onclick: () => { line.remove(); renumber(); } },
                `Remove line ${index + 1}`) : null);
        lines.append(line);
    };
    const renumber = () => [...lines.children].forEach((line, index) => {
        line.querySelector('legend').textContent = `Line ${index + 1}`;
        line.querySelectorAll('[name^="items["]').forEach(control => {
            control.name = control.name.replace(/^items\[\d+\]/, `items[${index}]`);
        });
    });
    addLine(chosen);
    // the same key for every submit of this form: a retried or double-clicked submit places one order
    const idempotencyKey = crypto.randomUUID();
    const orderForm = submitting(h('form', { class: 'stack', novalidate: true, 'aria-label': 'Order' },
        h('h2', {}, 'What'), lines,
        h('button', { type: 'button', class: 'secondary', onclick: () => addLine() }, 'Add another product'),
        h('h2', {}, 'Where to'),
        field('Recipient', input('shippingAddress.recipient', { autocomplete: 'name' })),
        field('Address', input('shippingAddress.line1', { autocomplete: 'address-line1' })),
        field('Address, second line (optional)', input('shippingAddress.line2', { autocomplete: 'address-line2' })),
        h('div', { class: 'grid' },
            field('City', input('shippingAddress.city', { autocomplete: 'address-level2' })),
            field('Postal code', input('shippingAddress.postalCode', { autocomplete: 'postal-code' })),
            field('Country', input('shippingAddress.country', { autocomplete: 'country', maxlength: 2, size: 3 }),
                'Two letters, such as DE or US')),
        h('h2', {}, 'How to pay'),
        field('Payment method', select('paymentMethod', PAYMENT_METHODS)),
        h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, 'Place order'))), async data => {
        const items = [...lines.children].map((line, index) => ({
            productId: data.get(`items[${index}].productId`) || null,
            quantity: wholeNumber(data.get(`items[${index}].quantity`)),
        }));
        const address = name => data.get(`shippingAddress.${name}`)?.trim() || null;
        const placed = await api('POST', '/api/orders', {
            items,
            shippingAddress: {
                recipient: address('recipient'), line1: address('line1'), line2: address('line2'),
                city: address('city'), postalCode: address('postalCode'), country: address('country')?.toUpperCase() ?? null,
            },
            paymentMethod: data.get('paymentMethod'),
        }, { headers: { 'Idempotency-Key': idempotencyKey }, signal });
        go(`#/orders/${encodeURIComponent(placed.orderId)}`, `Order placed: ${placed.orderId}`);
    });
    view.append(orderForm);
}
