// The console's one way to the API: the access token lives in this module's memory only; the refresh token lives in
// an HttpOnly cookie that only /api/auth/console/* receives. A refused token is refreshed once, then the session ends.

const session = { token: null, me: null, timer: null };
const endListeners = [];

/** A problem answer of the API (RFC 9457): status, title, detail, and per-field errors when the request was invalid. */
export class ApiError extends Error {
    constructor(status, problem) {
        super(problem?.detail || problem?.title || `The server answered ${status}`);
        this.status = status;
        this.problem = problem || {};
        this.fields = Array.isArray(problem?.errors) ? problem.errors : [];
    }
}

export const currentUser = () => session.me;
export const signedIn = () => session.token !== null && session.me !== null;
export const isAdmin = () => Boolean(session.me?.roles?.includes('ADMIN'));

/** Called with a message when the session ends by itself (expired, signed out elsewhere, account disabled). */
export function onSessionEnd(listener) {
    endListeners.push(listener);
}

function adopt(signed) {
    session.token = signed.accessToken;
    clearTimeout(session.timer);
    // renew a little before the access token runs out, so open pages keep working
    const renewIn = Math.max(5, signed.expiresIn * 0.8) * 1000;
    session.timer = setTimeout(() => refresh().then(ok => ok || end('Your session has ended. Please sign in again.')),
        renewIn);
}

function end(message) {
    clearTimeout(session.timer);
    const wasSignedIn = session.token !== null;
    session.token = null;
    session.me = null;
    if (wasSignedIn) {
        endListeners.forEach(listener => listener(message));
    }
}

let refreshing = null;

/** Trades the session cookie for a new access token; false when there is no session to go on with. */
export function refresh() {
    refreshing ??= fetch('/api/auth/console/refresh', {
        method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' },
    })
        .then(async response => {
            if (!response.ok) {
                return false;
            }
            adopt(await response.json());
            return true;
        })
        .catch(() => false)
        .finally(() => { refreshing = null; });
    return refreshing;
}

/** Picks up the session a reload left in the cookie, if there is one. */
export async function resume() {
    if (await refresh()) {
        session.me = await api('GET', '/api/auth/me');
        return true;
    }
    return false;
}

export async function signIn(email, password) {
    const signed = await api('POST', '/api/auth/console/signin', { email, password });
    adopt(signed);
    session.me = await api('GET', '/api/auth/me');
}

export async function signOut() {
    try {
        await api('POST', '/api/auth/console/signout');
    } finally {
        clearTimeout(session.timer);
        session.token = null;
        session.me = null;
    }
}

function send(method, path, body, headers, signal) {
    const init = { method, signal, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
    if (session.token) {
        init.headers.Authorization = `Bearer ${session.token}`;
    }
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    return fetch(path, init);
}

async function read(response) {
    if (response.status === 204) {
        return null;
    }
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : response.text();
}

/** Calls the API and answers its JSON; throws {@link ApiError} with the problem the API answered. */
export async function api(method, path, body, { headers = {}, signal } = {}) {
    let response;
    try {
        response = await send(method, path, body, headers, signal);
        if (response.status === 401 && session.token && !path.startsWith('/api/auth/console/')) {
            if (await refresh()) {
                response = await send(method, path, body, headers, signal);
            } else {
                end('Your session has ended. Please sign in again.');
            }
        }
    } catch (failure) {
        if (failure.name === 'AbortError') {
            throw failure;
        }
        throw new ApiError(0, { title: 'Unreachable', detail: 'The server cannot be reached. Check the connection and try again.' });
    }
    const data = await read(response).catch(() => null);
    if (!response.ok) {
        throw new ApiError(response.status, data && typeof data === 'object' ? data : { detail: data || response.statusText });
    }
    return data;
}

/**
 * Reads a server-sent-event stream of the API with the session's token (EventSource cannot send one), calling
 * onEvent(type, data) for each event. When the stream ends or drops, it starts again after a pause while
 * reconnect() says so; it stops when signal aborts. onState(text) hears "live", "reconnecting" or "ended".
 */
export function stream(path, { signal, onEvent, onState = () => {}, onError = () => {}, reconnect = () => true }) {
    (async () => {
        let pause = 1000;
        while (!signal.aborted) {
            try {
                let response = await send('GET', path, undefined, { Accept: 'text/event-stream' }, signal);
                if (response.status === 401) {
                    if (!(await refresh())) {
                        end('Your session has ended. Please sign in again.');
                        return;
                    }
                    response = await send('GET', path, undefined, { Accept: 'text/event-stream' }, signal);
                }
                if (!response.ok) {
                    onError(new ApiError(response.status, await read(response).catch(() => null)));
                    onState('ended');
                    return;
                }
                onState('live');
                pause = 1000;
                await readEvents(response.body, onEvent);
            } catch (failure) {
                if (signal.aborted) {
                    return;
                }
            }
            if (signal.aborted || !reconnect()) {
                onState('ended');
                return;
            }
            onState('reconnecting');
            await new Promise(resolve => setTimeout(resolve, pause));
            pause = Math.min(pause * 2, 15000);
        }
    })();
}

async function readEvents(body, onEvent) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
        const { value, done } = await reader.read();
        if (done) {
            return;
        }
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let type = 'message';
            const data = [];
            for (const line of block.split('\n')) {
                if (line.startsWith('event:')) {
                    type = line.slice(6).trim();
                } else if (line.startsWith('data:')) {
                    data.push(line.slice(5).replace(/^ /, ''));
                }
            }
            if (data.length > 0) {
                onEvent(type, JSON.parse(data.join('\n')));
            }
        }
    }
}
