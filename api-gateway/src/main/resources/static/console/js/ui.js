// DOM helpers, formats in the browser's own locale and time zone, list states, forms that show the API's problems.

/** Makes an element; text goes in as text, never as markup. */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === false || value === null || value === undefined) {
            continue;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            element.addEventListener(name.slice(2), value);
        } else if (name === 'class') {
            element.className = value;
        } else if (name in element && typeof value !== 'string') {
            element[name] = value;
        } else {
            element.setAttribute(name, value === true ? '' : value);
        }
    }
    for (const child of children.flat(Infinity)) {
        if (child !== null && child !== undefined && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}

export const money = amount => amount
    ? new Intl.NumberFormat(undefined, { style: 'currency', currency: amount.currency }).format(Number(amount.amount))
    : '';

export const time = iso => iso
    ? h('time', { datetime: iso }, new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }))
    : '';

export const number = value => new Intl.NumberFormat().format(value);

const words = text => text ? text.charAt(0) + text.slice(1).toLowerCase().replaceAll('_', ' ') : '';

const OK = ['DELIVERED', 'PAID', 'CAPTURED', 'AUTHORIZED', 'RUNNING', 'ENABLED', 'DISPATCHED'];
const BAD = ['REJECTED', 'CANCELLED', 'EXPIRED', 'DECLINED', 'CAPTURE_FAILED', 'FAILED', 'REFUSED', 'ERROR', 'DISABLED',
    'RETURN_REFUSED'];

/** A status in words, with a colour that only repeats what the words say. */
export function status(value, label = words(value)) {
    if (!value) {
        return h('span', { class: 'muted' }, 'not started');
    }
    const tone = OK.includes(value) ? 'ok' : BAD.includes(value) ? 'bad' : 'wait';
    return h('span', { class: `status ${tone}`, 'data-status': value }, label);
}

export const statusWords = words;

export const empty = text => h('p', { class: 'empty' }, text);

/** What went wrong, and a way to try again. */
export function failed(error, retry) {
    return h('div', { class: 'notice error', role: 'alert' },
        h('strong', {}, error.problem?.title || 'Something went wrong'), ': ', error.message,
        retry ? [' ', h('button', { type: 'button', class: 'secondary', onclick: retry }, 'Try again')] : null);
}

export function notice(text, tone = 'ok') {
    return h('div', { class: `notice ${tone}`, role: tone === 'error' ? 'alert' : 'status' }, text);
}

let fieldIds = 0;

/** A labelled control with its error line; the control's name is the API's field name. */
export function field(label, control, hint) {
    const id = control.id || `f${++fieldIds}`;
    control.id = id;
    const error = h('p', { class: 'field-error', id: `${id}-error` });
    control.setAttribute('aria-describedby', `${id}-error`);
    return h('div', { class: 'field' }, h('label', { for: id }, label), control,
        hint ? h('small', { class: 'muted' }, hint) : null, error);
}

/** A whole number as typed, or what was typed, so the API's message names the field when it is not one. */
export function wholeNumber(text) {
    const trimmed = (text ?? '').trim();
    return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed === '' ? null : trimmed;
}

export const input = (name, attributes = {}) => h('input', { name, type: 'text', ...attributes });

export function select(name, options, attributes = {}) {
    return h('select', { name, ...attributes },
        options.map(([value, label]) => h('option', { value }, label)));
}

/** Clears what a form showed of the last problem. */
export function clearProblems(form) {
    form.querySelectorAll('.field-error').forEach(line => { line.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(control => control.removeAttribute('aria-invalid'));
    form.querySelector('.form-problem')?.remove();
}

/**
 * Shows an API problem on the form: each field's message at its control (matched by name), the rest above the
 * submit button. Focus goes to the first control in error.
 */
export function showProblems(form, error) {
    clearProblems(form);
    const unplaced = [];
    let first = null;
    for (const { field: name, message } of error.fields) {
        const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
        if (control) {
            control.setAttribute('aria-invalid', 'true');
            document.getElementById(`${control.id}-error`).textContent = message;
            first ??= control;
        } else {
            unplaced.push(`${name} ${message}`);
        }
    }
    if (error.fields.length === 0 || unplaced.length > 0) {
        const text = unplaced.length > 0 ? unplaced.join('; ') : error.message;
        form.querySelector('.form-actions, button[type=submit]')
            .before(h('div', { class: 'notice error form-problem', role: 'alert' }, text));
    }
    first?.focus();
}

/** Runs the form's action with its submit button held down, showing the API's problem if it fails. */
export function submitting(form, action) {
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const button = form.querySelector('button[type=submit]');
        button.disabled = true;
        clearProblems(form);
        try {
            await action(new FormData(form));
        } catch (error) {
            if (error.name !== 'AbortError') {
                showProblems(form, error);
            }
        } finally {
            button.disabled = false;
        }
    });
    return form;
}

/** Asks before an action; answers whether the person confirmed. */
export function confirm(title, text, yes = 'Confirm') {
    const dialog = document.getElementById('confirm');
    dialog.querySelector('#confirm-title').textContent = title;
    dialog.querySelector('#confirm-text').textContent = text;
    dialog.querySelector('#confirm-yes').textContent = yes;
    dialog.returnValue = '';
    dialog.showModal();
    return new Promise(resolve => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'),
        { once: true }));
}

/** A pager for a page of the API ({items, page, size, total}). */
export function pager(page, go) {
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    return h('nav', { class: 'pager', 'aria-label': 'Pages' },
        h('button', { type: 'button', class: 'secondary', disabled: page.page === 0, onclick: () => go(page.page - 1) },
            'Previous'),
        h('span', {}, `Page ${page.page + 1} of ${pages} (${number(page.total)} in all)`),
        h('button', { type: 'button', class: 'secondary', disabled: page.page + 1 >= pages,
            onclick: () => go(page.page + 1) }, 'Next'));
}

/** A table in a scrolling frame, so it fits a phone; headers are {label, num?, narrow?}. */
export function table(caption, headers, rows) {
    return h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'skip' }, caption),
        h('thead', {}, h('tr', {}, headers.map(header => h('th', {
            scope: 'col', class: [header.num ? 'num' : '', header.narrow ? 'hide-narrow' : ''].join(' ').trim() || null,
        }, header.label)))),
        h('tbody', {}, rows)));
}
