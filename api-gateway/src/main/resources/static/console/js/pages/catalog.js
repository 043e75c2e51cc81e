// The catalog: customers see price and stock and start an order; operators create products, change name and price,
// and restock or write off stock.
import { api } from '../api.js';
import { empty, failed, field, h, input, money, number, submitting, table, wholeNumber } from '../ui.js';

const products = signal => api('GET', '/api/products', undefined, { signal });

/**
 * The catalog once the read model shows what the command side answered (it follows within moments), or as it is
 * after a few seconds.
 */
async function productsShowing(signal, productId, stockAvailable) {
    for (let attempt = 0; ; attempt++) {
        const list = await products(signal);
        if (!productId || attempt >= 20 || list.some(p => p.productId === productId && p.stockAvailable === stockAvailable)) {
            return list;
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
}

export async function shop(view, params, { signal }) {
    view.append(h('h1', {}, 'Catalog'));
    const holder = h('div');
    view.append(holder);
    const load = async () => {
        try {
            const list = await products(signal);
            holder.replaceChildren(list.length === 0
                ? empty('The catalog is empty: the shop has no products yet.')
                : table('Products', [{ label: 'Product' }, { label: 'Price', num: true }, { label: 'In stock', num: true },
                    { label: '' }], list.map(product => h('tr', { 'data-product': product.productId },
                    h('td', {}, h('strong', {}, product.name), h('br'), h('small', { class: 'muted' }, product.productId)),
                    h('td', { class: 'num' }, money(product.price)),
                    h('td', { class: 'num', 'data-stock': product.stockAvailable },
                        product.stockAvailable > 0 ? number(product.stockAvailable) : 'Sold out'),
                    h('td', {}, product.stockAvailable > 0
                        ? h('a', { class: 'button', href: `#/place/${encodeURIComponent(product.productId)}`,
                            'aria-label': `Order ${product.name}` }, 'Order')
                        : null)))));
        } catch (error) {
            if (error.name !== 'AbortError') {
                holder.replaceChildren(failed(error, load));
            }
        }
    };
    await load();
}

export async function manage(view, params, { signal, say }) {
    const holder = h('div');
    const create = submitting(h('form', { class: 'inline card', novalidate: true, 'aria-label': 'New product' },
        field('Product id (SKU)', input('productId', { required: true, size: 14 })),
        field('Name', input('name', { required: true })),
        field('Price', input('price.amount', { inputmode: 'decimal', size: 8 })),
        field('Currency', input('price.currency', { value: 'USD', size: 4, maxlength: 3 })),
        field('Initial stock', input('initialStock', { inputmode: 'numeric', value: '0', size: 8 })),
        h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, 'Create product'))), async data => {
        const created = await api('POST', '/api/products', {
            productId: data.get('productId').trim(), name: data.get('name'),
            price: { amount: data.get('price.amount') || null, currency: data.get('price.currency') },
            initialStock: wholeNumber(data.get('initialStock')),
        });
        say(`Product ${created.productId} created.`);
        create.reset();
        await load(created.productId, created.stockAvailable);
    });
    view.append(h('h1', {}, 'Catalog'), h('h2', {}, 'New product'), create, h('h2', {}, 'Products'), holder);

    const load = async (productId, stockAvailable) => {
        try {
            const list = await productsShowing(signal, productId, stockAvailable);
            holder.replaceChildren(list.length === 0
                ? empty('No products yet: create the first one above.')
                : table('Products', [{ label: 'Product' }, { label: 'Price', num: true }, { label: 'Available', num: true },
                    { label: 'Reserved', num: true, narrow: true }, { label: 'Change' }],
                list.map(product => row(product, load, say))));
        } catch (error) {
            if (error.name !== 'AbortError') {
                holder.replaceChildren(failed(error, () => load()));
            }
        }
    };
    await load();
}

function row(product, reload, say) {
    const details = submitting(h('form', { class: 'inline', novalidate: true, 'aria-label': `Name and price of ${product.productId}` },
        field('Name', input('name', { value: product.name })),
        field('Price', input('price.amount', { value: product.price.amount, inputmode: 'decimal', size: 8 })),
        field('Currency', input('price.currency', { value: product.price.currency, size: 4, maxlength: 3 })),
        h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Save'))), async data => {
        await api('PUT', `/api/products/${encodeURIComponent(product.productId)}`, {
            name: data.get('name'), price: { amount: data.get('price.amount') || null, currency: data.get('price.currency') },
        });
        say(`${product.productId}: name and price saved.`);
        await reload();
    });
    // one id per adjustment typed in, so a retried submit counts once
    let adjustmentId = crypto.randomUUID();
    const stock = submitting(h('form', { class: 'inline', novalidate: true, 'aria-label': `Stock of ${product.productId}` },
        field('Units in (+) or out (−)', input('change', { inputmode: 'numeric', size: 8 })),
        field('Reason', input('reason', { placeholder: 'delivery, damaged…' })),
        h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Adjust stock'))), async data => {
        const adjusted = await api('POST', `/api/products/${encodeURIComponent(product.productId)}/stock`, {
            adjustmentId, change: wholeNumber(data.get('change')), reason: data.get('reason') || null,
        });
        adjustmentId = crypto.randomUUID();
        say(`${product.productId}: ${number(adjusted.stockAvailable)} units available now.`);
        await reload(product.productId, adjusted.stockAvailable);
    });
    return h('tr', { 'data-product': product.productId },
        h('td', {}, h('strong', {}, product.name), h('br'), h('small', { class: 'muted' }, product.productId)),
        h('td', { class: 'num' }, money(product.price)),
        h('td', { class: 'num', 'data-stock': product.stockAvailable }, number(product.stockAvailable)),
        h('td', { class: 'num hide-narrow' }, number(product.stockReserved)),
        h('td', {}, details, stock));
}
