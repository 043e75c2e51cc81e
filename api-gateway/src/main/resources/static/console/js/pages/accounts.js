// Accounts: list and find, change role, disable and enable.
import { api, currentUser } from '../api.js';
import { confirm, empty, failed, field, h, input, notice, pager, select, status, table, time } from '../ui.js';

export async function page(view, params, { signal }) {
    const email = input('email', { type: 'search', placeholder: 'part of an email' });
    const role = select('role', [['', 'Any role'], ['CUSTOMER', 'Customer'], ['ADMIN', 'Operator (ADMIN)']]);
    const holder = h('div');
    const result = h('div', { role: 'status' });
    let page = 0;
    const filters = h('form', { class: 'filters', 'aria-label': 'Filters',
        onsubmit: event => { event.preventDefault(); page = 0; load(); } },
    field('Email', email), field('Role', role), h('button', { type: 'submit' }, 'Find'));
    view.append(h('h1', {}, 'Accounts'), filters, result, holder);

    const load = async () => {
        try {
            const query = new URLSearchParams({ page, size: 20 });
            if (email.value.trim()) {
                query.set('email', email.value.trim());
            }
            if (role.value) {
                query.set('role', role.value);
            }
            const accounts = await api('GET', `/api/admin/users?${query}`, undefined, { signal });
            holder.replaceChildren(accounts.items.length === 0 ? empty('No account matches.')
                : h('div', {}, table('Accounts', [{ label: 'Account' }, { label: 'Role' }, { label: 'State' },
                    { label: 'Since', narrow: true }, { label: 'Change' }], accounts.items.map(row)),
                pager(accounts, next => { page = next; load(); })));
        } catch (error) {
            if (error.name !== 'AbortError') {
                holder.replaceChildren(failed(error, load));
            }
        }
    };
    const act = async (title, text, call, done) => {
        if (!(await confirm(title, text))) {
            return;
        }
        try {
            result.replaceChildren(notice(done(await call())));
        } catch (error) {
            result.replaceChildren(failed(error));
        }
        await load();
    };
    const row = account => {
        const self = account.id === currentUser().id;
        const newRole = select('role', [['CUSTOMER', 'Customer'], ['ADMIN', 'Operator (ADMIN)']],
            { 'aria-label': `Role of ${account.email}` });
        newRole.value = account.role;
        const path = `/api/admin/users/${account.id}`;
        return h('tr', { 'data-account': account.email },
            h('td', {}, h('strong', {}, account.name), h('br'), h('small', {}, account.email)),
            h('td', {}, account.role === 'ADMIN' ? 'Operator' : 'Customer'),
            h('td', {}, account.enabled ? status('ENABLED', 'Enabled') : status('DISABLED', 'Disabled')),
            h('td', { class: 'hide-narrow' }, time(account.createdAt)),
            h('td', {}, self ? h('span', { class: 'muted' }, 'your own account') : h('div', { class: 'actions' },
                newRole,
                h('button', { type: 'button', class: 'secondary', onclick: () => act(`Make ${account.email} ${newRole.value === 'ADMIN' ? 'an operator' : 'a customer'}?`,
                    'Takes effect at once: the tokens signed with the old role stop working.',
                    () => api('PUT', `${path}/role`, { role: newRole.value }),
                    changed => `${changed.email} is now ${changed.role === 'ADMIN' ? 'an operator' : 'a customer'}.`) }, 'Change role'),
                account.enabled
                    ? h('button', { type: 'button', class: 'danger', onclick: () => act(`Disable ${account.email}?`,
                        'The account can no longer sign in, and its tokens stop working at once.',
                        () => api('POST', `${path}/disable`), changed => `${changed.email} is disabled.`) }, 'Disable')
                    : h('button', { type: 'button', onclick: () => act(`Enable ${account.email}?`, 'The account can sign in again.',
                        () => api('POST', `${path}/enable`), changed => `${changed.email} is enabled.`) }, 'Enable'))));
    };
    await load();
}
