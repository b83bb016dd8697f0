// Runs the stand-in's api.js in a tiny fake DOM and checks what it does. Usage: node api-harness.js api.js
'use strict';
const fs = require('fs');
const vm = require('vm');
const assert = require('assert');

const DS = 'http://127.0.0.1:9999';
const PAGE = 'http://127.0.0.1:8080';

function element(tag, id) {
  return {
    tagName: tag, id: id || '', className: '', textContent: '', style: {}, attrs: {}, parentNode: null,
    setAttribute(k, v) { this.attrs[k] = String(v); }, getAttribute(k) { return this.attrs[k]; },
    contentWindow: null, src: ''
  };
}

function world() {
  const listeners = [];
  const framePosts = [];
  const body = { children: [], replaceChild(n, o) { const i = this.children.indexOf(o); this.children[i] = n; n.parentNode = this; } };
  const doc = {
    currentScript: { src: DS + '/web-apps/apps/api/documents/api.js' },
    getElementById(id) { return body.children.find(c => c.id === id) || null; },
    createElement(tag) {
      const e = element(tag);
      if (tag === 'iframe') { e.contentWindow = { postMessage(m, o) { framePosts.push({ m: JSON.parse(m), o }); } }; }
      return e;
    }
  };
  const errors = [];
  const win = {
    location: { href: PAGE + '/page', origin: PAGE },
    addEventListener(t, f) { if (t === 'message') { listeners.push(f); } },
    removeEventListener() {},
    DocsAPI: undefined
  };
  const ctx = vm.createContext({ window: win, document: doc, console: { error: m => errors.push(m), log() {} }, URL, JSON, setTimeout });
  return { ctx, win, doc, body, listeners, framePosts, errors,
    addPlaceholder(id) { const p = element('div', id); p.parentNode = body; body.children.push(p); return p; },
    fromFrame(frame, data, origin) { listeners.forEach(f => f({ source: frame.contentWindow, origin: origin || DS, data: JSON.stringify(data) })); } };
}

function load(w, code) { vm.runInContext(code, w.ctx); return w.win.DocsAPI; }

const code = fs.readFileSync(process.argv[2], 'utf8');
const config = {
  documentType: 'word',
  document: { fileType: 'docx', key: 'k-1', title: 'A.docx', url: PAGE + '/a.docx' },
  editorConfig: { callbackUrl: PAGE + '/cb', user: { id: 'u1', name: 'U' } },
  token: 'x.y.z'
};

// 1. missing url: refused in place, no iframe
{
  const w = world(); const api = load(w, code); const p = w.addPlaceholder('ph');
  new api.DocEditor('ph', { document: { fileType: 'docx', key: 'k' } });
  assert.match(p.attrs['data-standin-error'], /One or more required parameter/);
  assert.strictEqual(w.body.children[0].tagName, 'div');
}
// 2. bad key and bad type
{
  const w = world(); const api = load(w, code); const p = w.addPlaceholder('ph');
  new api.DocEditor('ph', Object.assign({}, config, { document: Object.assign({}, config.document, { key: 'a:b' }) }));
  assert.match(p.attrs['data-standin-error'], /document\.key/);
  const w2 = world(); const api2 = load(w2, code); const p2 = w2.addPlaceholder('ph');
  new api2.DocEditor('ph', Object.assign({}, config, { document: Object.assign({}, config.document, { fileType: 'exe' }) }));
  assert.match(p2.attrs['data-standin-error'], /document\.fileType/);
  const w3 = world(); const api3 = load(w3, code); const p3 = w3.addPlaceholder('ph');
  new api3.DocEditor('ph', Object.assign({}, config, { documentType: 'cell' }));
  assert.match(p3.attrs['data-standin-error'], /documentType/);
}
// 3. valid: iframe from the DS origin, init, events, methods, origin check
{
  const w = world(); const api = load(w, code); w.addPlaceholder('ph');
  const seen = [];
  const editor = new api.DocEditor('ph', Object.assign({}, config, {
    events: { onDocumentReady: e => seen.push(['ready', e.data, e.target === editor]), onError: e => seen.push(['error', e.data]) }
  }));
  const frame = w.body.children[0];
  assert.strictEqual(frame.tagName, 'iframe');
  assert.strictEqual(frame.id, 'ph');
  assert.ok(frame.src.startsWith(DS + '/web-apps/apps/standin/editor.html?parentOrigin=' + encodeURIComponent(PAGE)), frame.src);
  editor.showMessage('queued until ready');
  assert.strictEqual(w.framePosts.length, 0);
  w.fromFrame(frame, { standin: true, type: 'frameReady' });
  const init = w.framePosts[0];
  assert.strictEqual(init.o, DS);
  assert.strictEqual(init.m.type, 'init');
  assert.strictEqual(init.m.config.events, undefined);
  assert.strictEqual(init.m.config.token, 'x.y.z');
  assert.deepStrictEqual(init.m.eventNames.sort(), ['onDocumentReady', 'onError']);
  assert.strictEqual(w.framePosts[1].m.method, 'showMessage');
  w.fromFrame(frame, { standin: true, type: 'event', event: 'onDocumentReady' });
  w.fromFrame(frame, { standin: true, type: 'event', event: 'onError', data: { errorCode: -20 } });
  w.fromFrame(frame, { standin: true, type: 'event', event: 'onError', data: { errorCode: 1 } }, 'http://evil.example');
  assert.deepStrictEqual(seen, [['ready', undefined, true], ['error', { errorCode: -20 }]]);
  ['denyEditingRights', 'destroyEditor', 'downloadAs', 'insertImage', 'refreshFile', 'refreshHistory', 'requestClose',
    'setActionLink', 'setFavorite', 'setHistoryData', 'setMailMergeRecipients', 'setReferenceData', 'setReferenceSource',
    'setRequestedDocument', 'setRequestedSpreadsheet', 'setRevisedFile', 'setSharingSettings', 'setUsers', 'showMessage',
    'startFilling', 'createConnector'].forEach(m => assert.strictEqual(typeof editor[m], 'function', m));
  editor.insertImage({ c: 'add', images: [{ fileType: 'png', url: 'u' }], token: 't' });
  const last = w.framePosts[w.framePosts.length - 1].m;
  assert.deepStrictEqual([last.method, last.args[0].token], ['insertImage', 't']);
}
console.log('ok');
