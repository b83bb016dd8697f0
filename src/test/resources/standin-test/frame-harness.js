// Runs the stand-in's editor.js and wopi-editor.js in a tiny fake DOM. Usage: node frame-harness.js editor.js wopi-editor.js
'use strict';
const fs = require('fs');
const vm = require('vm');
const assert = require('assert');

const PARENT = 'http://127.0.0.1:8080';

function fakeDom(initialText) {
  const elements = {};
  function el(id) {
    if (!elements[id]) {
      const e = {
        id, hidden: false, disabled: false, value: '', text: initialText[id] || '', attrs: {}, children: [], listeners: {},
        get textContent() { return this.text; },
        set textContent(v) { this.text = String(v); this.children = []; },
        setAttribute(k, v) { this.attrs[k] = String(v); }, getAttribute(k) { return this.attrs[k]; },
        appendChild(c) { this.children.push(c); return c; },
        addEventListener(t, f) { (this.listeners[t] = this.listeners[t] || []).push(f); },
        click() { (this.listeners.click || []).forEach(f => f({})); }
      };
      elements[id] = e;
    }
    return elements[id];
  }
  const document = {
    getElementById: el,
    createElement(tag) { const e = el('anon-' + Math.random()); e.tagName = tag; return e; }
  };
  return { document, elements, el };
}

async function flush() { for (let i = 0; i < 20; i++) { await new Promise(r => setImmediate(r)); } }

function context(dom, search, fetchAnswers, parentPosts, windowListeners) {
  const fetches = [];
  const intervals = [];
  const win = {
    location: { search, href: 'http://127.0.0.1:9999/frame' + search, origin: 'http://127.0.0.1:9999' },
    parent: { postMessage(m, o) { parentPosts.push({ m: typeof m === 'string' ? JSON.parse(m) : m, o }); } },
    top: { location: { href: '' } },
    open() {},
    addEventListener(t, f) { (windowListeners[t] = windowListeners[t] || []).push(f); }
  };
  win.window = win;
  const fetch = (url, opts) => {
    fetches.push({ url, body: opts && opts.body ? JSON.parse(opts.body) : null });
    const answer = fetchAnswers(url, opts && opts.body ? JSON.parse(opts.body) : null);
    return Promise.resolve({ json: () => Promise.resolve(answer), arrayBuffer: () => Promise.resolve(new ArrayBuffer(8)) });
  };
  const ctx = vm.createContext({
    window: win, document: dom.document, URLSearchParams, JSON, Date, Object, Array, String,
    setTimeout: (f) => f(), setInterval: (f) => { intervals.push(f); return 1; }, clearInterval() {}, fetch, navigator: { sendBeacon() {} }, Blob: function () {}, console
  });
  Object.assign(win, { document: dom.document });
  return { ctx, fetches, win, intervals };
}

async function editorFrame(code) {
  const dom = fakeDom({});
  const posts = [];
  const listeners = {};
  const opened = {
    opened: true, key: 'k1', title: 'T.docx', fileType: 'docx', documentType: 'word', mode: 'edit',
    permissions: { edit: true }, user: { id: 'u1', name: 'U' }, connection: { id: 'c1' }
  };
  const answers = (url, body) => {
    if (url === '/standin/editor/open') { return opened; }
    if (url === '/standin/editor/method') { return { accepted: body.method !== 'setHistoryData', reason: 'signed', effective: body.argument }; }
    if (url === '/standin/editor/action') { return { ok: true, line: 'Edited by U', fileType: 'pdf', url: 'http://x/y.pdf', result: 'NOT_ENABLED' }; }
    if (url.startsWith('/standin/editor/poll')) {
      return { open: true, editors: [], events: [{ type: 'dropped', data: { errorCode: -100, errorDescription: 'Dropped.' } }] };
    }
    return {};
  };
  const { ctx, fetches, intervals } = context(dom, '?parentOrigin=' + encodeURIComponent(PARENT), answers, posts, listeners);
  vm.runInContext(code, ctx);
  assert.deepStrictEqual(posts[0], { m: { type: 'frameReady', standin: true }, o: PARENT });
  const send = (data, origin) => listeners.message.forEach(f => f({ source: ctx.window.parent, origin: origin || PARENT, data: JSON.stringify(data) }));
  send({ standin: true, type: 'init', config: { document: {} }, eventNames: ['onAppReady', 'onDocumentReady', 'onDownloadAs'] });
  await flush();
  const events = posts.filter(p => p.m.type === 'event').map(p => p.m.event);
  assert.deepStrictEqual(events, ['onAppReady', 'onDocumentReady', 'onInfo']);
  assert.strictEqual(dom.el('standin-title').attrs['data-title'], 'T.docx');
  assert.strictEqual(dom.el('standin-mode').attrs['data-mode'], 'edit');
  assert.strictEqual(dom.el('standin-mode').attrs['data-scope'], 'full');
  assert.strictEqual(dom.el('standin-status').attrs['data-state'], 'ready');
  send({ standin: true, type: 'method', method: 'insertImage', args: [{ c: 'add', token: 't' }] });
  send({ standin: true, type: 'method', method: 'setHistoryData', args: [{ version: 1 }] });
  send({ standin: true, type: 'method', method: 'showMessage', args: ['hello'] });
  send({ standin: true, type: 'method', method: 'downloadAs', args: ['pdf'] });
  send({ standin: true, type: 'method', method: 'refreshHistory', args: [{ currentVersion: 1, history: [{ version: 1, created: 'x' }] }] });
  send({ standin: true, type: 'method', method: 'showMessage', args: ['evil'] }, 'http://evil.example');
  await flush();
  const verdicts = dom.el('standin-methods').children.map(li => li.attrs['data-method'] + ':' + li.attrs['data-verdict']);
  assert.deepStrictEqual(verdicts, ['insertImage:accepted', 'setHistoryData:refused', 'showMessage:done', 'downloadAs:done', 'refreshHistory:done']);
  assert.strictEqual(dom.el('standin-message').textContent, 'hello');
  const downloadAs = posts.find(p => p.m.event === 'onDownloadAs');
  assert.deepStrictEqual(downloadAs.m.data, { fileType: 'pdf', url: 'http://x/y.pdf' });
  dom.el('standin-edit').click();
  await flush();
  assert.ok(fetches.some(f => f.url === '/standin/editor/action' && f.body.action === 'edit'));
  assert.ok(posts.some(p => p.m.event === 'onDocumentStateChange' && p.m.data === true));
  const buttons = dom.el('standin-event-buttons').children;
  assert.strictEqual(buttons.length, 39);
  buttons.find(b => b.attrs['data-fire'] === 'onRequestRename').click();
  await flush();
  assert.strictEqual(posts[posts.length - 1].m.event, 'onRequestRename');
  // command service drop: the next poll brings it; the frame falls back to viewing and fires onError
  intervals[intervals.length - 1]();
  await flush();
  const dropped = posts[posts.length - 1].m;
  assert.deepStrictEqual([dropped.event, dropped.data], ['onError', { errorCode: -100, errorDescription: 'Dropped.' }]);
  assert.strictEqual(dom.el('standin-mode').attrs['data-mode'], 'view');
  assert.strictEqual(dom.el('standin-edit').disabled, true);
  assert.ok(posts.every(p => p.o === PARENT));
}

async function wopiFrame(code) {
  const state = {
    opened: true, action: 'edit', connection: { id: 'w1', mode: 'edit' }, postMessageOrigin: PARENT, uiLanguage: 'de-DE',
    checkFileInfo: { BaseFileName: 'R.docx', UserId: 'u1', UserCanWrite: true, SupportsRename: true, UserCanRename: true,
      ClosePostMessage: true, EditNotificationPostMessage: true, SupportsLocks: true }
  };
  const dom = fakeDom({ 'wopi-state': JSON.stringify(state) });
  const posts = [];
  const listeners = {};
  const answers = (url, body) => body && body.action === 'rename' ? { ok: true, name: 'New' } : { ok: true, line: 'Edited' };
  const { ctx, fetches } = context(dom, '', answers, posts, listeners);
  vm.runInContext(code, ctx);
  assert.strictEqual(posts[0].o, PARENT);
  assert.strictEqual(typeof JSON.stringify(posts[0].m), 'string');
  assert.strictEqual(posts[0].m.MessageId, 'App_LoadingStatus');
  assert.strictEqual(posts[0].m.Values.Status, 'Document_Loaded');
  assert.strictEqual(posts[0].m.Values['ui-language'], 'de-DE');
  assert.strictEqual(dom.el('wopi-title').attrs['data-title'], 'R.docx');
  dom.el('wopi-edit').click();
  await flush();
  assert.strictEqual(posts[posts.length - 1].m.MessageId, 'Edit_Notification');
  dom.el('wopi-rename').click();
  await flush();
  assert.deepStrictEqual([posts[posts.length - 1].m.MessageId, posts[posts.length - 1].m.Values.NewName], ['File_Rename', 'New']);
  dom.el('wopi-close').click();
  await flush();
  assert.strictEqual(posts[posts.length - 1].m.MessageId, 'UI_Close');
  const before = posts.length;
  const uiSharing = dom.el('wopi-postmessage-buttons').children.find(b => b.attrs['data-post-message'] === 'UI_Sharing');
  assert.strictEqual(uiSharing.attrs['data-enabled'], 'false');
  uiSharing.click();
  assert.strictEqual(posts.length, before, 'UI_Sharing is not enabled by CheckFileInfo');
  const deliver = (data, origin) => listeners.message.forEach(f => f({ origin, data }));
  deliver(JSON.stringify({ MessageId: 'Host_PostmessageReady', SendTime: 1, Values: {} }), PARENT);
  deliver(JSON.stringify({ MessageId: 'Blur_Focus', SendTime: 1, Values: {} }), 'http://evil.example');
  deliver({ MessageId: 'Grab_Focus' }, PARENT);
  deliver(JSON.stringify({ MessageId: 'UI_Close', SendTime: 1, Values: {} }), PARENT);
  assert.deepStrictEqual(dom.el('wopi-received').children.map(c => c.attrs['data-message-id']), ['Host_PostmessageReady']);
  assert.strictEqual(dom.el('wopi-ignored').children.length, 3);
  assert.ok(fetches.some(f => f.body && f.body.action === 'close'));
}

(async () => {
  await editorFrame(fs.readFileSync(process.argv[2], 'utf8'));
  await wopiFrame(fs.readFileSync(process.argv[3], 'utf8'));
  console.log('ok');
})().catch(e => { console.error(e); process.exit(1); });
