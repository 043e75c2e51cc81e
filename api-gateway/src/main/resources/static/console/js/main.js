// The console's shell: who is signed in, the navigation for their role, and a page per route (#/orders/ID ...).
import * as session from './api.js';
import { h } from './ui.js';
import * as auth from './pages/auth.js';
import * as catalog from './pages/catalog.js';
import * as orders from './pages/orders.js';
import * as order from './pages/order.js';
import * as place from './pages/place.js';
import * as charts from './pages/charts.js';
import * as processors from './pages/processors.js';
import * as deadLetters from './pages/dead-letters.js';
import * as accounts from './pages/accounts.js';

const PUBLIC = 'public';
const CUSTOMER = 'customer';
const ADMIN = 'admin';
const ANYONE = 'anyone';

const routes = [
    { path: 'signin', title: 'Sign in', page: auth.signIn, access: PUBLIC },
    { path: 'signup', title: 'Sign up', page: auth.signUp, access: PUBLIC },
    { path: 'catalog', title: 'Catalog', page: catalog.shop, access: CUSTOMER, nav: 'Catalog' },
    { path: 'place', title: 'Place an order', page: place.form, access: CUSTOMER, nav: 'Place an order' },
    { path: 'place/:product', title: 'Place an order', page: place.form, access: CUSTOMER },
    { path: 'orders', title: 'My orders', page: orders.mine, access: CUSTOMER, nav: 'My orders' },
    { path: 'orders/:id', title: 'Order', page: order.page, access: ANYONE },
    { path: 'admin/orders', title: 'Orders', page: orders.every, access: ADMIN, nav: 'Orders' },
    { path: 'admin/charts', title: 'Charts', page: charts.page, access: ADMIN, nav: 'Charts' },
    { path: 'admin/processors', title: 'Processors', page: processors.page, access: ADMIN, nav: 'Processors' },
    { path: 'admin/dead-letters', title: 'Dead letters', page: deadLetters.page, access: ADMIN, nav: 'Dead letters' },
    { path: 'admin/catalog', title: 'Catalog', page: catalog.manage, access: ADMIN, nav: 'Catalog' },
    { path: 'admin/accounts', title: 'Accounts', page: accounts.page, access: ADMIN, nav: 'Accounts' },
];

const view = document.getElementById('view');
const flash = document.getElementById('flash');
let current = null;

function match(hash) {
    const parts = hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean);
    for (const route of routes) {
        const pattern = route.path.split('/');
        if (pattern.length !== parts.length) {
            continue;
        }
        const params = {};
        if (pattern.every((part, i) => part.startsWith(':')
            ? (params[part.slice(1)] = decodeURIComponent(parts[i]), true)
            : part === parts[i])) {
            return { route, params };
        }
    }
    return null;
}

const home = () => session.isAdmin() ? '#/admin/orders' : '#/catalog';

function allowed(route) {
    switch (route.access) {
        case PUBLIC: return true;
        case ADMIN: return session.isAdmin();
        case CUSTOMER: return session.signedIn() && !session.isAdmin();
        default: return session.signedIn();
    }
}

/** Shows a message above the page until the next one. */
export function say(text, tone = 'ok') {
    flash.replaceChildren(h('div', { class: `notice ${tone}` }, text));
}

function navigation(active) {
    const nav = document.getElementById('nav');
    if (!session.signedIn()) {
        nav.replaceChildren(h('a', { href: '#/signin' }, 'Sign in'), h('a', { href: '#/signup' }, 'Sign up'));
        return;
    }
    const me = session.currentUser();
    nav.replaceChildren(
        ...routes.filter(route => route.nav && allowed(route)).map(route => h('a', {
            href: `#/${route.path}`, 'aria-current': route === active ? 'page' : null,
        }, route.nav)),
        h('span', { class: 'who' }, `${me.name || me.email} (${session.isAdmin() ? 'operator' : 'customer'})`),
        h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out'));
}

async function signOut() {
    try {
        await session.signOut();
        go('#/signin', 'You have signed out.');
    } catch (error) {
        say(`Signing out failed: ${error.message}`, 'error');
    }
}

/** Goes to a route, with a message to show there. */
export function go(hash, message, tone = 'ok') {
    pending = message ? { text: message, tone } : null;
    if (location.hash === hash) {
        render();
    } else {
        location.hash = hash;
    }
}

let pending = null;

async function render() {
    current?.abort();
    current = new AbortController();
    const found = match(location.hash);
    if (!found) {
        location.replace(session.signedIn() ? home() : '#/signin');
        return;
    }
    if (found.route.access !== PUBLIC && !session.signedIn()) {
        pending ??= { text: 'Please sign in first.', tone: 'ok' };
        location.replace('#/signin');
        return;
    }
    if (found.route.access === PUBLIC && session.signedIn()) {
        location.replace(home());
        return;
    }
    flash.replaceChildren();
    if (pending) {
        say(pending.text, pending.tone);
        pending = null;
    }
    navigation(found.route);
    document.title = `${found.route.title} · OrderFlow`;
    if (!allowed(found.route)) {
        view.replaceChildren(h('h1', {}, found.route.title),
            h('div', { class: 'notice error', role: 'alert' }, 'This page is for another role; use the links above.'));
        return;
    }
    view.replaceChildren();
    view.focus({ preventScroll: true });
    try {
        await found.route.page(view, found.params, { signal: current.signal, go, say });
    } catch (error) {
        if (error.name !== 'AbortError') {
            view.append(h('div', { class: 'notice error', role: 'alert' }, error.message));
        }
    }
}

session.onSessionEnd(message => go('#/signin', message, 'error'));
window.addEventListener('hashchange', render);
session.resume().finally(render);
