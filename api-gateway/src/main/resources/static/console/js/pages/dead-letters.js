// Dead letters: the events projections parked; retry a projection's once the fault is fixed, or evict one sequence.
import { api } from '../api.js';
import { confirm, empty, failed, h, notice, number, table, time } from '../ui.js';

export async function page(view, params, { signal }) {
    const holder = h('div');
    const result = h('div', { role: 'status' });
    view.append(h('h1', {}, 'Dead letters'), result, holder);
    const load = async () => {
        try {
            const letters = await api('GET', '/api/admin/dead-letters', undefined, { signal });
            if (letters.length === 0) {
                holder.replaceChildren(empty('No dead letters: every projection handled every event.'));
                return;
            }
            const projections = [...new Set(letters.map(letter => letter.projection))];
            holder.replaceChildren(
                h('div', { class: 'actions' }, projections.map(projection => h('button', {
                    type: 'button', onclick: () => act(`Retry ${projection}?`,
                        'Every parked sequence of this projection is tried again, in order.',
                        () => api('POST', `/api/admin/dead-letters/${encodeURIComponent(projection)}/retry`),
                        answer => `${projection}: ${number(answer.sequencesApplied)} sequences applied.`),
                }, `Retry ${projection}`))),
                table('Dead letters', [{ label: 'Projection' }, { label: 'Sequence' }, { label: 'Events', num: true },
                    { label: 'First event' }, { label: 'Cause' }, { label: 'Parked', narrow: true }, { label: '' }],
                letters.map(letter => h('tr', { 'data-sequence': letter.sequence },
                    h('td', {}, letter.projection),
                    h('td', {}, h('code', {}, letter.sequence)),
                    h('td', { class: 'num' }, number(letter.events)),
                    h('td', {}, letter.eventType, h('br'), h('small', { class: 'muted' }, letter.eventId)),
                    h('td', {}, letter.cause ?? ''),
                    h('td', { class: 'hide-narrow' }, time(letter.enqueuedAt), h('br'),
                        h('small', { class: 'muted' }, 'last tried '), time(letter.lastTouched)),
                    h('td', {}, h('button', { type: 'button', class: 'danger', 'aria-label': `Evict ${letter.sequence}`,
                        onclick: () => act(`Evict ${letter.sequence}?`,
                            'Its parked events are dropped: the read model never gets them, unless it is replayed.',
                            () => api('POST', `/api/admin/dead-letters/${encodeURIComponent(letter.projection)}/evict`,
                                { sequence: letter.sequence }),
                            answer => `${number(answer.eventsEvicted)} events evicted.`) }, 'Evict'))))));
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
    await load();
}
