// Event processors: state, position, lag; replaying a projection, or every projection of a processor, with progress.
import { api } from '../api.js';
import { confirm, empty, failed, h, notice, number, status, table } from '../ui.js';

export async function page(view, params, { signal }) {
    const holder = h('div');
    const result = h('div', { role: 'status' });
    view.append(h('h1', {}, 'Processors'),
        h('p', { class: 'muted' }, 'Refreshed every two seconds. A replay rebuilds a projection\'s read model from the event store;'
            + ' the other read models of its processor wait until it ends.'),
        result, holder);
    let timer = null;
    // the replays started here: the last progress seen of each, shown as done once the processor has caught up
    const started = new Map();
    const show = processors => {
        processors.filter(p => p.replay).forEach(p => started.set(p.name, p.replay));
        holder.replaceChildren(processors.length === 0 ? empty('No event processors run in this platform.')
            : table('Event processors', [{ label: 'Processor' }, { label: 'State' }, { label: 'Position', num: true, narrow: true },
                { label: 'Lag', num: true }, { label: 'Replay' }], processors.map(p => row(p, started.get(p.name), replay))));
    };
    const load = async () => {
        clearTimeout(timer);
        try {
            const processors = await api('GET', '/api/admin/projections', undefined, { signal });
            show(processors);
            timer = setTimeout(load, processors.some(p => p.replaying) ? 500 : 2000);
        } catch (error) {
            if (error.name !== 'AbortError') {
                holder.replaceChildren(failed(error, load));
            }
        }
    };
    const replay = async (name, processor) => {
        const what = name === processor
            ? 'Every read model of the processor is cleared and rebuilt from every event; they lag until the replay ends.'
            : `Its read model is cleared and rebuilt from every event; it and the other read models of ${processor} lag until the replay ends.`;
        if (!(await confirm(`Replay ${name}?`, what, 'Replay'))) {
            return;
        }
        try {
            const replaying = await api('POST', `/api/admin/projections/${encodeURIComponent(name)}/replay`, undefined, { signal });
            started.set(replaying.name,
                replaying.replay ?? { projections: [name], done: 0, total: replaying.head, eventsPerSecond: 0, secondsLeft: 0 });
            result.replaceChildren(notice(`Replay of ${name} started.`));
            clearTimeout(timer);
            timer = setTimeout(load, 500);
        } catch (error) {
            result.replaceChildren(failed(error));
        }
    };
    signal.addEventListener('abort', () => clearTimeout(timer));
    await load();
}

function state(processor) {
    if (processor.error) {
        return status('ERROR', 'In error');
    }
    if (processor.replaying) {
        return status('REPLAYING', 'Replaying');
    }
    return processor.running ? status('RUNNING', 'Running') : status('STOPPED', 'Stopped');
}

function progressOf(processor, progress) {
    const done = !processor.replaying;
    const total = Math.max(progress.total, 1);
    return h('div', { class: 'replay' },
        h('progress', { max: total, value: done ? total : progress.done, 'aria-label': `Replay of ${processor.name}` }),
        h('small', {}, `${progress.projections.join(', ')}: `
            + (done
                ? `replay done, ${number(progress.total)} events`
                : `${number(progress.done)} of ${number(progress.total)} events, ${number(Math.round(progress.eventsPerSecond))}/s, `
                    + `about ${number(progress.secondsLeft)} s left`)));
}

function replayButtons(processor, replay) {
    if (processor.kind !== 'projection') {
        return h('span', { class: 'muted' }, 'not a projection');
    }
    if (processor.replaying) {
        return null;
    }
    const button = (name, label) => h('button', { type: 'button', class: 'secondary', onclick: () => replay(name, processor.name),
        'aria-label': `Replay ${name}` }, label);
    return h('div', { class: 'actions' }, ...processor.projections.map(name => button(name, name)),
        button(processor.name, 'All'));
}

function row(processor, progress, replay) {
    return h('tr', { 'data-processor': processor.name },
        h('td', {}, h('strong', {}, processor.name), h('br'),
            h('small', { class: 'muted' }, `${processor.kind}, ${processor.segments} segment${processor.segments === 1 ? '' : 's'}`
                + (processor.projections.length > 0 ? `: ${processor.projections.join(', ')}` : ''))),
        h('td', {}, state(processor)),
        h('td', { class: 'num hide-narrow' }, `${number(processor.position)} of ${number(processor.head)}`),
        h('td', { class: 'num' }, number(processor.lag)),
        h('td', {}, progress ? progressOf(processor, progress) : null, replayButtons(processor, replay)));
}
