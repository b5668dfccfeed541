'use strict';
// openchats.js — open many Direct Line WebSocket streams against one host on loopback, measure the server's
// resident memory before and after, then run a small turn load while the streams stay open and report its
// latency. Prints one JSON line. Started by run.sh (Node >= 20 with --experimental-websocket; no dependencies).
//
// usage: node --experimental-websocket openchats.js --base http://127.0.0.1:5191 --secret S --server-pid PID
//          [--streams 10000] [--open-concurrency 32] [--turn-conversations 40] [--turns 10]
//          [--turn-concurrency 4] [--max-seconds 900]

const fs = require('fs');

function parseArgs(argv) {
    const o = { base: null, secret: null, serverPid: null, streams: 10000, openConcurrency: 32, turnConversations: 40, turns: 10, turnConcurrency: 4, maxSeconds: 900 };
    for (let i = 0; i < argv.length; i++) {
        const v = argv[i + 1];
        switch (argv[i]) {
            case '--base': o.base = v; break;
            case '--secret': o.secret = v; break;
            case '--server-pid': o.serverPid = Number(v); break;
            case '--streams': o.streams = Number(v); break;
            case '--open-concurrency': o.openConcurrency = Number(v); break;
            case '--turn-conversations': o.turnConversations = Number(v); break;
            case '--turns': o.turns = Number(v); break;
            case '--turn-concurrency': o.turnConcurrency = Number(v); break;
            case '--max-seconds': o.maxSeconds = Number(v); break;
            default: throw new Error(`unknown argument ${argv[i]}`);
        }
        i++;
    }
    const url = new URL(o.base);
    if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname)) throw new Error('loopback targets only');
    for (const [k, max] of [['streams', 30000], ['openConcurrency', 256], ['turnConversations', 1000], ['turns', 100], ['turnConcurrency', 64], ['maxSeconds', 3600]]) {
        if (!Number.isInteger(o[k]) || o[k] < 1 || o[k] > max) throw new Error(`--${k} must be an integer from 1 to ${max}`);
    }
    if (!o.secret || !Number.isInteger(o.serverPid)) throw new Error('--secret and --server-pid are required');
    return o;
}

const opts = parseArgs(process.argv.slice(2));
const deadline = Date.now() + opts.maxSeconds * 1000;
const api = opts.base.replace(/\/$/, '') + '/v3/directline';

function procStatus(pid) {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = name => Number((text.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm')) || [0, 0])[1]);
    let fds = 0;
    try { fds = fs.readdirSync(`/proc/${pid}/fd`).length; } catch { fds = -1; }
    return { rssMb: +(kb('VmRSS') / 1024).toFixed(1), hwmMb: +(kb('VmHWM') / 1024).toFixed(1), threads: kb('Threads'), fds };
}

async function call(method, path, auth, body) {
    const res = await fetch(api + path, {
        method,
        headers: { Authorization: `Bearer ${auth}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path.replace(/conversations\/[^/]+/, 'conversations/{id}')} answered ${res.status}`);
    return text ? JSON.parse(text) : {};
}

/** Starts a conversation and connects its stream; resolves once the socket is open. */
async function openChat(onActivities) {
    const c = await call('POST', '/conversations', opts.secret);
    const socket = new WebSocket(c.streamUrl);
    await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('stream did not open in 30 s')), 30000);
        socket.addEventListener('open', () => { clearTimeout(timer); resolve(); }, { once: true });
        socket.addEventListener('error', () => { clearTimeout(timer); reject(new Error('stream failed to open')); }, { once: true });
    });
    const chat = { id: c.conversationId, token: c.token, socket, closed: false };
    socket.addEventListener('close', () => { chat.closed = true; });
    socket.addEventListener('message', e => {
        if (!onActivities || typeof e.data !== 'string' || e.data.length === 0) return;
        try { onActivities(JSON.parse(e.data).activities || []); } catch { /* a frame that is not JSON is ignored */ }
    });
    return chat;
}

async function pool(count, concurrency, work) {
    let next = 0;
    const errors = [];
    async function worker() {
        while (next < count && Date.now() < deadline) {
            const i = next++;
            try { await work(i); } catch (e) { errors.push(e.message); }
        }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
    return errors;
}

function percentile(sorted, p) {
    if (sorted.length === 0) return null;
    return +sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)].toFixed(2);
}

/**
 * One load conversation on its own stream. A message's latency runs from the start of its POST to the first bot
 * message the stream delivers after the person's own message (the transcript's order: earlier replies, the
 * message, its replies), as Web Chat would show it.
 */
async function turnConversation(latencies) {
    let waiter = null;
    const chat = await openChat(activities => {
        for (const a of activities) {
            if (!waiter || a.type !== 'message' || !a.from) continue;
            if (a.from.role === 'user') waiter.seenOwn = true;
            else if (a.from.role === 'bot' && waiter.seenOwn) { const w = waiter; waiter = null; w.resolve(); }
        }
    });
    try {
        await new Promise(r => setTimeout(r, 300)); // the welcome arrives first
        for (let t = 0; t < opts.turns && Date.now() < deadline; t++) {
            let timer;
            const replied = new Promise((resolve, reject) => {
                waiter = { seenOwn: false, resolve };
                timer = setTimeout(() => reject(new Error('no reply within 10 s')), 10000);
            });
            replied.catch(() => { }); // awaited below; a timeout during the POST must not be an unhandled rejection
            const started = process.hrtime.bigint();
            await call('POST', `/conversations/${encodeURIComponent(chat.id)}/activities`, chat.token,
                { type: 'message', from: { id: 'bench-user' }, text: 'こんにちは' });
            await replied;
            clearTimeout(timer);
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
            await new Promise(r => setTimeout(r, 20)); // a person does not answer within a millisecond; the turn's other bubbles arrive
        }
    } finally {
        waiter = null;
        chat.socket.close();
    }
}

async function turnLoad() {
    const latencies = [];
    const started = Date.now();
    const errors = await pool(opts.turnConversations, opts.turnConcurrency, () => turnConversation(latencies));
    const seconds = (Date.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
        turns: latencies.length,
        errors: errors.length,
        firstError: errors[0],
        turnsPerSecond: +(latencies.length / seconds).toFixed(1),
        p50Ms: percentile(latencies, 50),
        p90Ms: percentile(latencies, 90),
        p99Ms: percentile(latencies, 99),
        maxMs: latencies.length ? +latencies[latencies.length - 1].toFixed(2) : null,
    };
}

(async () => {
    // Baseline in the same run: the same turn load before any stream is held open.
    const baseline = await turnLoad();
    await new Promise(r => setTimeout(r, 2000));
    const before = procStatus(opts.serverPid);

    const started = Date.now();
    const chats = [];
    const openErrors = await pool(opts.streams, opts.openConcurrency, async () => { chats.push(await openChat(null)); });
    const openSeconds = (Date.now() - started) / 1000;
    await new Promise(r => setTimeout(r, 5000)); // let the server settle (welcome turns, stream replays)
    const open = chats.filter(c => !c.closed).length;
    const withStreams = procStatus(opts.serverPid);

    const loaded = await turnLoad();
    const stillOpen = chats.filter(c => !c.closed).length;
    const afterTurns = procStatus(opts.serverPid);

    for (const c of chats) c.socket.close();
    console.log(JSON.stringify({
        streamsRequested: opts.streams,
        streamsOpen: open,
        streamsStillOpenAfterTurns: stillOpen,
        openErrors: openErrors.length,
        firstOpenError: openErrors[0],
        openSeconds: +openSeconds.toFixed(1),
        server: { before, withStreams, afterTurns },
        rssPerStreamKb: open > 0 ? +((withStreams.rssMb - before.rssMb) * 1024 / open).toFixed(1) : null,
        baseline,
        withStreamsOpen: loaded,
        p99Ratio: baseline.p99Ms && loaded.p99Ms ? +(loaded.p99Ms / baseline.p99Ms).toFixed(2) : null,
        stoppedByTime: Date.now() >= deadline,
    }));
    setTimeout(() => process.exit(0), 2000);
})().catch(e => { console.error(e.message); process.exit(1); });
