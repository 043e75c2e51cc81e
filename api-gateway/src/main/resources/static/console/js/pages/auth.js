// Sign in and sign up. The session's tokens never touch storage or a URL: see api.js.
import * as session from '../api.js';
import { api } from '../api.js';
import { field, h, input, submitting } from '../ui.js';

const home = () => session.isAdmin() ? '#/admin/orders' : '#/catalog';

export function signIn(view, params, { go }) {
    const form = submitting(h('form', { class: 'stack card', novalidate: true, 'aria-labelledby': 'signin-title' },
        field('Email', input('email', { type: 'email', autocomplete: 'username', required: true })),
        field('Password', input('password', { type: 'password', autocomplete: 'current-password', required: true })),
        h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, 'Sign in'))), async data => {
        await session.signIn(data.get('email'), data.get('password'));
        go(home());
    });
    view.append(h('h1', { id: 'signin-title' }, 'Sign in'), form,
        h('p', {}, 'No account yet? ', h('a', { href: '#/signup' }, 'Sign up as a customer'), '.'));
    form.querySelector('input').focus();
}

export function signUp(view, params, { go }) {
    const form = submitting(h('form', { class: 'stack card', novalidate: true, 'aria-labelledby': 'signup-title' },
        field('Email', input('email', { type: 'email', autocomplete: 'email', required: true })),
        field('Name', input('name', { autocomplete: 'name', required: true })),
        field('Password', input('password', { type: 'password', autocomplete: 'new-password', required: true }),
            '10 to 128 characters, not a common password; a passphrase is best.'),
        h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, 'Create account'))), async data => {
        await api('POST', '/api/auth/signup',
            { email: data.get('email'), name: data.get('name'), password: data.get('password') });
        await session.signIn(data.get('email'), data.get('password'));
        go(home(), 'Welcome to the shop: your account is ready.');
    });
    view.append(h('h1', { id: 'signup-title' }, 'Sign up'), form,
        h('p', {}, 'Have an account? ', h('a', { href: '#/signin' }, 'Sign in'), '.'));
    form.querySelector('input').focus();
}
