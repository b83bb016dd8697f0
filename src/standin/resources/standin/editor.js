/*
 * ONLYOFFICE Docs stand-in: the simulated editor frame.
 * Receives the config from api.js, has the stand-in verify it server-side, shows the document's
 * title, mode and permissions, lists every method call it receives (with the server's verdict for
 * signed arguments) and fires events back to api.js, on its own or through the buttons.
 */
(function () {
  'use strict';

  var params = new URLSearchParams(window.location.search);
  var PARENT = params.get('parentOrigin');
  var EVENTS = ['onAppReady', 'onCollaborativeChanges', 'onDocumentReady', 'onDocumentStateChange',
    'onDownloadAs', 'onError', 'onInfo', 'onMakeActionLink', 'onMetaChange', 'onOutdatedVersion',
    'onPluginsReady', 'onRequestClose', 'onRequestCompareFile', 'onRequestCreateNew',
    'onRequestEditRights', 'onRequestFillingStatus', 'onRequestHistory', 'onRequestHistoryClose',
    'onRequestHistoryData', 'onRequestInsertImage', 'onRequestMailMergeRecipients', 'onRequestOpen',
    'onRequestReferenceData', 'onRequestReferenceSource', 'onRequestRefreshFile', 'onRequestRename',
    'onRequestRestore', 'onRequestSaveAs', 'onRequestSelectDocument', 'onRequestSelectSpreadsheet',
    'onRequestSendNotify', 'onRequestSharingSettings', 'onRequestStartFilling', 'onRequestUsers',
    'onSaveDocument', 'onStartFilling', 'onSubmit', 'onUserActionRequired', 'onWarning'];
  var SCOPES = { full: 'editing', review: 'review only', comment: 'comments only', fillForms: 'form filling only' };
  var EDIT_LABELS = {
    full: 'Edit (simulated change)', review: 'Suggest a change (tracked)', comment: 'Add a comment',
    fillForms: 'Fill in a form field'
  };
  var ROLES = [{ name: 'Anyone', color: '#FF0000' }];
  var state = { connection: null, declared: [], config: null, opened: null, history: null, pollTimer: null };

  function $(id) { return document.getElementById(id); }

  function item(list, attrs, text) {
    var li = document.createElement('li');
    Object.keys(attrs).forEach(function (k) { li.setAttribute(k, attrs[k]); });
    li.textContent = text;
    $(list).appendChild(li);
    return li;
  }

  function json(v) {
    try { return JSON.stringify(v === undefined ? null : v); } catch (e) { return String(v); }
  }

  function toParent(message) {
    if (!PARENT) { return; }
    message.standin = true;
    window.parent.postMessage(JSON.stringify(message), PARENT);
  }

  function declared(name) { return state.declared.indexOf(name) >= 0; }

  function fire(name, data) {
    item('standin-events', { 'data-event': name, 'data-declared': String(declared(name)), 'data-data': json(data) },
      name + (data === undefined ? '' : ' ' + json(data)) + (declared(name) ? '' : ' (no handler)'));
    toParent({ type: 'event', event: name, data: data });
  }

  function api(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json(); });
  }

  function action(name, extra) {
    var body = { connection: state.connection, action: name };
    Object.keys(extra || {}).forEach(function (k) { body[k] = extra[k]; });
    return api('/standin/editor/action', body);
  }

  function setStatus(s) { $('standin-status').setAttribute('data-state', s); $('standin-status').textContent = s; }

  function showError(error) {
    var box = $('standin-error');
    box.hidden = false;
    box.setAttribute('data-error-code', String(error.errorCode));
    box.setAttribute('data-error-kind', error.kind);
    box.textContent = error.errorDescription;
    setStatus('error');
  }

  function showMessage(text) {
    var box = $('standin-message');
    box.hidden = false;
    box.textContent = text;
  }

  function render(res) {
    state.opened = res;
    state.connection = res.connection.id;
    $('standin-title').textContent = res.title;
    $('standin-title').setAttribute('data-title', res.title);
    $('standin-key').textContent = res.key;
    $('standin-key').setAttribute('data-key', res.key);
    $('standin-type').textContent = res.documentType + ' / ' + res.fileType;
    setMode(res.mode, res.scope);
    $('standin-user').textContent = res.user.name + ' (' + res.user.id + ')';
    $('standin-user').setAttribute('data-user-id', res.user.id);
    $('standin-permissions').textContent = json(res.permissions);
    $('standin-permissions').setAttribute('data-permissions', json(res.permissions));
    $('standin-leave').disabled = false;
    $('standin-submit').hidden = res.fileType !== 'pdf';
    $('standin-close').hidden = !declared('onRequestClose');
    $('standin-close').disabled = false;
    setStatus('ready');
  }

  /* scope: what an edit connection may change (full, review, comment, fillForms). */
  function setMode(mode, scope) {
    var edit = mode === 'edit';
    scope = edit ? (scope || 'full') : '';
    $('standin-mode').textContent = mode + (scope && scope !== 'full' ? ' (' + SCOPES[scope] + ')' : '');
    $('standin-mode').setAttribute('data-mode', mode);
    $('standin-mode').setAttribute('data-scope', scope);
    $('standin-edit').textContent = edit ? EDIT_LABELS[scope] : EDIT_LABELS.full;
    $('standin-edit').disabled = !edit;
    $('standin-save').disabled = !edit;
    $('standin-submit').disabled = !edit;
  }

  function open(config) {
    setStatus('opening');
    return api('/standin/editor/open', { config: config }).then(function (res) {
      if (!res.opened) {
        showError(res.error);
        if (res.error.kind === 'OUTDATED') {
          if (declared('onRequestRefreshFile')) { fire('onRequestRefreshFile'); }
          else if (declared('onOutdatedVersion')) { fire('onOutdatedVersion'); }
        } else if (res.error.errorCode !== 0) {
          fire('onError', { errorCode: res.error.errorCode, errorDescription: res.error.errorDescription });
        }
        return res;
      }
      render(res);
      fire('onDocumentReady');
      fire('onInfo', { mode: res.mode });
      startPolling();
      return res;
    });
  }

  function startPolling() {
    if (state.pollTimer) { clearInterval(state.pollTimer); }
    state.pollTimer = setInterval(poll, 1000);
  }

  function poll() {
    if (!state.connection) { return; }
    fetch('/standin/editor/poll?connection=' + encodeURIComponent(state.connection))
      .then(function (r) { return r.json(); })
      .then(function (p) {
        if (p.editors) { $('standin-editors').textContent = p.editors.join(', '); }
        (p.events || []).forEach(serverEvent);
        if (!p.open) { clearInterval(state.pollTimer); setStatus('closed'); }
      })
      .catch(function () {});
  }

  function serverEvent(e) {
    if (e.type === 'onMetaChange') {
      $('standin-title').textContent = e.data.title;
      $('standin-title').setAttribute('data-title', e.data.title);
      fire('onMetaChange', { title: e.data.title, favorite: !!(state.favorite) });
    } else if (e.type === 'edited' && !e.data.self) {
      item('standin-lines', { 'data-line': e.data.line }, e.data.line);
      var co = state.config && state.config.editorConfig && state.config.editorConfig.coEditing;
      if (co && co.mode === 'strict') { fire('onCollaborativeChanges'); }
    } else if (e.type === 'dropped') {
      setMode('view');
      showMessage('Disconnected by the document manager (command service drop): editing is off.');
      fire('onError', { errorCode: e.data.errorCode, errorDescription: e.data.errorDescription });
    }
  }

  function snapshotThen(name, build) {
    action('snapshot').then(function (s) { fire(name, build(s)); });
  }

  function sample(name) {
    var o = state.opened || { mode: 'view', fileType: 'docx', title: 'Document' };
    switch (name) {
      case 'onDocumentStateChange': return true;
      case 'onError': return { errorCode: -1, errorDescription: 'Simulated error from the stand-in.' };
      case 'onInfo': return { mode: o.mode };
      case 'onMakeActionLink': return { action: { type: 'bookmark', data: 'bookmark1' } };
      case 'onMetaChange': return { title: o.title, favorite: !!state.favorite };
      case 'onRequestFillingStatus': return 'Anyone';
      case 'onRequestHistoryData': return 1;
      case 'onRequestInsertImage': return { c: 'add' };
      case 'onRequestOpen': return { path: 'sample.xlsx', referenceData: { fileKey: 'BCFA2CED', instanceId: PARENT }, windowName: 'standin-open' };
      case 'onRequestReferenceData': return { referenceData: { fileKey: 'BCFA2CED', instanceId: PARENT }, path: 'sample.xlsx', link: PARENT + '/sample.xlsx' };
      case 'onRequestReferenceSource': return { referenceData: { fileKey: 'BCFA2CED', instanceId: PARENT }, path: 'sample.xlsx' };
      case 'onRequestRename': return 'Renamed ' + o.title;
      case 'onRequestRestore': return { version: 1, fileType: o.fileType };
      case 'onRequestSelectDocument': return { c: 'compare' };
      case 'onRequestSelectSpreadsheet': return { c: 'mailmerge' };
      case 'onRequestSendNotify': return { actionLink: { action: { type: 'comment', data: 'comment1' } }, message: 'Please look @someone', emails: ['someone@example.com'] };
      case 'onRequestStartFilling': return ROLES;
      case 'onRequestUsers': return { c: 'mention', id: [] };
      case 'onStartFilling': return ROLES;
      case 'onWarning': return { warningCode: -1, warningDescription: 'Simulated warning from the stand-in.' };
      default: return undefined;
    }
  }

  function fireByButton(name) {
    if (name === 'onDownloadAs') { snapshotThen(name, function (s) { return { fileType: s.fileType, url: s.url }; }); return; }
    if (name === 'onRequestSaveAs') { snapshotThen(name, function (s) { return { fileType: s.fileType, title: $('standin-title').textContent, url: s.url }; }); return; }
    if (name === 'onSaveDocument') {
      action('snapshot').then(function (s) { return fetch(s.url); }).then(function (r) { return r.arrayBuffer(); })
        .then(function (buf) {
          item('standin-events', { 'data-event': name, 'data-declared': String(declared(name)) }, name + ' (' + buf.byteLength + ' bytes)');
          window.parent.postMessage({ standin: true, type: 'event', event: name, data: buf }, PARENT);
        });
      return;
    }
    fire(name, sample(name));
  }

  function eventButtons() {
    var box = $('standin-event-buttons');
    box.textContent = '';
    EVENTS.forEach(function (name) {
      var b = document.createElement('button');
      b.textContent = name;
      b.setAttribute('data-fire', name);
      b.setAttribute('data-declared', String(declared(name)));
      b.title = declared(name) ? 'fire ' + name : name + ' is not declared in config.events';
      b.addEventListener('click', function () { fireByButton(name); });
      box.appendChild(b);
    });
  }

  function record(method, args, verdict) {
    return item('standin-methods', { 'data-method': method, 'data-verdict': verdict, 'data-args': json(args) },
      method + ' ' + json(args) + ' -> ' + verdict);
  }

  function verdict(li, v, text) {
    li.setAttribute('data-verdict', v);
    li.textContent = li.textContent.replace(/ -> .*$/, ' -> ' + v + (text ? ' (' + text + ')' : ''));
  }

  function signedMethod(name, arg, li) {
    return api('/standin/editor/method', { connection: state.connection, method: name, argument: arg || {} })
      .then(function (r) {
        verdict(li, r.accepted ? 'accepted' : 'refused', r.reason + (r.downloads ? ', downloads: ' + json(r.downloads) : ''));
        li.setAttribute('data-reason', r.reason);
        if (r.line) { item('standin-lines', { 'data-line': r.line }, r.line); }
        if (r.accepted && name === 'refreshFile' && r.refresh) {
          if (r.refresh.opened) { render(r.refresh); fire('onDocumentReady'); } else { showError(r.refresh.error); }
        }
        if (r.accepted && name === 'setHistoryData') {
          extra('standin-history-data', 'Version ' + r.effective.version + ': ' + r.effective.url);
        }
        return r;
      });
  }

  function extra(id, text) {
    var el = $(id);
    if (!el) { el = document.createElement('div'); el.id = id; $('standin-extras').appendChild(el); }
    el.textContent = text;
    el.setAttribute('data-value', text);
  }

  function renderHistory(opts) {
    var box = $('standin-history');
    box.hidden = false;
    box.textContent = '';
    if (opts && opts.error) {
      box.setAttribute('data-error', String(opts.error));
      box.textContent = opts.error === true ? 'History loading failed' : opts.error;
      return;
    }
    (opts.history || []).forEach(function (v) {
      var row = document.createElement('div');
      row.setAttribute('data-version', String(v.version));
      row.textContent = 'v' + v.version + ' ' + (v.created || '') + ' ' + ((v.user && v.user.name) || '') +
        (v.version === opts.currentVersion ? ' (current)' : '');
      var show = document.createElement('button');
      show.textContent = 'show';
      show.addEventListener('click', function () { fire('onRequestHistoryData', v.version); });
      row.appendChild(show);
      if (v.version !== opts.currentVersion && declared('onRequestRestore')) {
        var restore = document.createElement('button');
        restore.textContent = 'restore';
        restore.addEventListener('click', function () { fire('onRequestRestore', { version: v.version }); });
        row.appendChild(restore);
      }
      box.appendChild(row);
    });
    var close = document.createElement('button');
    close.textContent = 'close history';
    close.addEventListener('click', function () { fire('onRequestHistoryClose'); });
    box.appendChild(close);
  }

  function method(name, args, call) {
    var li = record(name, args, 'received');
    var arg = args[0];
    switch (name) {
      case 'insertImage': case 'refreshFile': case 'setHistoryData': case 'setMailMergeRecipients':
      case 'setReferenceData': case 'setReferenceSource': case 'setRequestedDocument':
      case 'setRequestedSpreadsheet': case 'setRevisedFile':
        if (!state.connection) { verdict(li, 'refused', 'no open document'); return; }
        signedMethod(name, arg, li);
        return;
      case 'downloadAs':
        if (!declared('onDownloadAs')) { verdict(li, 'ignored', 'onDownloadAs is not declared'); return; }
        action('downloadAs', { format: arg || '' }).then(function (s) {
          verdict(li, 'done');
          fire('onDownloadAs', { fileType: s.fileType, url: s.url });
        });
        return;
      case 'denyEditingRights':
        setMode('view');
        showMessage(arg || 'The document cannot be edited.');
        break;
      case 'destroyEditor':
        if (state.connection) { action('close'); state.connection = null; }
        setStatus('destroyed');
        break;
      case 'refreshHistory': renderHistory(arg || {}); break;
      case 'requestClose': fire('onRequestClose'); break;
      case 'setActionLink': extra('standin-action-link', String(arg)); break;
      case 'setFavorite': state.favorite = !!arg; extra('standin-favorite', String(!!arg)); break;
      case 'setSharingSettings': extra('standin-sharing', json(arg)); break;
      case 'setUsers': extra('standin-users', json(arg)); break;
      case 'showMessage': showMessage(String(arg)); break;
      case 'startFilling': setMode('view'); fire('onStartFilling', ROLES); break;
      default:
        if (name.indexOf('connector.') === 0) {
          toParent({ type: 'connectorResult', call: call, result: undefined });
        }
    }
    verdict(li, 'done');
  }

  function buttons() {
    $('standin-edit').addEventListener('click', function () {
      action('edit').then(function (r) {
        if (!r.ok) { showMessage(r.reason); return; }
        item('standin-lines', { 'data-line': r.line }, r.line);
        fire('onDocumentStateChange', true);
        setTimeout(function () { fire('onDocumentStateChange', false); }, 300);
      });
    });
    $('standin-save').addEventListener('click', function () {
      action('save').then(function (r) { extra('standin-save-result', r.result || r.reason); });
    });
    $('standin-submit').addEventListener('click', function () {
      action('submit').then(function (r) {
        extra('standin-submit-result', String(r.accepted));
        if (r.accepted) { fire('onSubmit'); }
      });
    });
    $('standin-close').addEventListener('click', function () { fire('onRequestClose'); });
    $('standin-leave').addEventListener('click', leave);
    window.addEventListener('pagehide', function () {
      if (state.connection) {
        navigator.sendBeacon('/standin/editor/action', new Blob([JSON.stringify({ connection: state.connection, action: 'close' })], { type: 'application/json' }));
      }
    });
  }

  function leave() {
    if (!state.connection) { return; }
    action('close').then(function () { state.connection = null; setMode('view'); setStatus('closed'); });
  }

  window.addEventListener('message', function (e) {
    if (e.source !== window.parent || e.origin !== PARENT) { return; }
    var msg;
    try { msg = typeof e.data === 'string' ? JSON.parse(e.data) : e.data; } catch (x) { return; }
    if (!msg || msg.standin !== true) { return; }
    if (msg.type === 'init') {
      state.config = msg.config;
      state.declared = msg.eventNames || [];
      eventButtons();
      fire('onAppReady');
      open(msg.config);
    } else if (msg.type === 'method') {
      method(msg.method, msg.args || [], msg.call);
    }
  });

  buttons();
  eventButtons();
  toParent({ type: 'frameReady' });
})();
