/*
 * ONLYOFFICE Docs stand-in: the simulated WOPI editor frame.
 * Shows the CheckFileInfo result, drives the host through the stand-in (edit, PutFile, close,
 * rename, Save Copy As, refresh lock) and speaks the PostMessage protocol: JSON-string envelopes
 * {MessageId, SendTime, Values} sent only to PostMessageOrigin; only string messages from that
 * origin are accepted.
 */
(function () {
  'use strict';

  var state = JSON.parse(document.getElementById('wopi-state').textContent);
  var info = state.checkFileInfo || {};
  var origin = state.postMessageOrigin;
  var connection = state.connection ? state.connection.id : null;
  var ACCEPTED = ['Host_PostmessageReady', 'Action_InsertGraphic', 'Blur_Focus', 'Grab_Focus'];
  var lastEditNotification = 0;

  function $(id) { return document.getElementById(id); }
  function json(v) { return JSON.stringify(v === undefined ? null : v); }

  function item(list, attrs, text) {
    var li = document.createElement('li');
    Object.keys(attrs).forEach(function (k) { li.setAttribute(k, attrs[k]); });
    li.textContent = text;
    $(list).appendChild(li);
    return li;
  }

  function status(s) { $('wopi-status').setAttribute('data-state', s); $('wopi-status').textContent = s; }

  function send(id, values) {
    var v = {};
    Object.keys(values || {}).forEach(function (k) { v[k] = values[k]; });
    v['ui-language'] = state.uiLanguage || 'en-US';
    v.wdUserSession = connection || '';
    var message = JSON.stringify({ MessageId: id, SendTime: Date.now(), Values: v });
    window.parent.postMessage(message, origin || '*');
    item('wopi-sent', { 'data-message-id': id, 'data-target': origin || '*' }, message);
  }

  var CONDITIONS = {
    App_LoadingStatus: function () { return true; },
    UI_Close: function () { return !!info.ClosePostMessage; },
    UI_Edit: function () { return !!info.EditModePostMessage; },
    UI_Sharing: function () { return !!info.FileSharingPostMessage; },
    UI_FileVersions: function () { return !!info.FileVersionPostMessage; },
    UI_InsertGraphic: function () { return !!info.EnableInsertRemoteImage; },
    Edit_Notification: function () { return !!info.EditNotificationPostMessage; },
    File_Rename: function () { return !!(info.SupportsRename && info.UserCanRename); }
  };
  var FALLBACK_URL = { UI_Close: 'CloseUrl', UI_Edit: 'HostEditUrl', UI_Sharing: 'FileSharingUrl', UI_FileVersions: 'FileVersionUrl' };

  function trigger(id, values) {
    if (CONDITIONS[id]()) { send(id, values); return; }
    var url = FALLBACK_URL[id] && info[FALLBACK_URL[id]];
    if (url) {
      item('wopi-results', { 'data-fallback': id, 'data-url': url }, id + ': no PostMessage allowed, opening ' + url);
      if (id === 'UI_Close') { window.top.location.href = url; } else { window.open(url, '_blank'); }
    } else {
      item('wopi-results', { 'data-suppressed': id }, id + ' suppressed (CheckFileInfo does not enable it)');
    }
  }

  function api(action, extra) {
    var body = { connection: connection, action: action };
    Object.keys(extra || {}).forEach(function (k) { body[k] = extra[k]; });
    return fetch('/standin/wopi/action', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json(); })
      .then(function (r) { item('wopi-results', { 'data-action': action, 'data-ok': String(r.ok) }, action + ' ' + json(r)); return r; });
  }

  function render() {
    $('wopi-action').textContent = state.action;
    if (state.error) {
      $('wopi-error').hidden = false;
      $('wopi-error').textContent = state.error;
      status('error');
      return;
    }
    if (state.hostEditUrl) {
      $('wopi-redirect').hidden = false;
      $('wopi-redirect').setAttribute('data-url', state.hostEditUrl);
      $('wopi-redirect').textContent = 'Converted; continuing at ' + state.hostEditUrl;
      status('converted');
      setTimeout(function () { window.top.location.href = state.hostEditUrl; }, 500);
      return;
    }
    if (state.warning) { $('wopi-warning').hidden = false; $('wopi-warning').textContent = state.warning; }
    var title = info.BreadcrumbDocName || info.BaseFileName;
    $('wopi-title').textContent = title;
    $('wopi-title').setAttribute('data-title', title);
    var mode = state.connection.mode;
    $('wopi-mode').textContent = mode;
    $('wopi-mode').setAttribute('data-mode', mode);
    $('wopi-user').textContent = (info.UserFriendlyName || '') + ' (' + (info.UserId || '') + ')';
    $('wopi-user').setAttribute('data-user-id', info.UserId || '');
    var perms = {};
    ['ReadOnly', 'UserCanWrite', 'UserCanReview', 'UserCanOnlyComment', 'UserCanRename', 'SupportsRename',
      'SupportsLocks', 'SupportsUpdate', 'UserCanNotWriteRelative', 'DisablePrint', 'HidePrintOption'].forEach(function (k) {
      perms[k] = !!info[k];
    });
    $('wopi-permissions').textContent = json(perms);
    $('wopi-permissions').setAttribute('data-permissions', json(perms));
    $('wopi-checkfileinfo').textContent = JSON.stringify(info, null, 2);
    var edit = mode === 'edit';
    $('wopi-edit').disabled = !edit;
    $('wopi-save').disabled = !edit;
    $('wopi-close').disabled = false;
    $('wopi-rename').disabled = !(edit && info.SupportsRename && info.UserCanRename);
    $('wopi-saveas').disabled = !!info.UserCanNotWriteRelative || !(info.SupportsUpdate || info.UserCanWrite);
    $('wopi-refresh-lock').disabled = !(edit && info.SupportsLocks);
    $('wopi-submit').hidden = state.action !== 'formsubmit';
    $('wopi-submit').disabled = !edit;
    status('ready');
  }

  function buttons() {
    $('wopi-edit').addEventListener('click', function () {
      api('edit').then(function (r) {
        if (!r.ok) { return; }
        item('standin-lines', { 'data-line': r.line }, r.line);
        var now = Date.now();
        if (now - lastEditNotification > 30000 && CONDITIONS.Edit_Notification()) {
          lastEditNotification = now;
          send('Edit_Notification', {});
        }
      });
    });
    $('wopi-save').addEventListener('click', function () { api('save'); });
    $('wopi-close').addEventListener('click', function () {
      api('close').then(function () { connection = null; status('closed'); trigger('UI_Close', {}); });
    });
    $('wopi-rename').addEventListener('click', function () {
      var name = $('wopi-rename-input').value || ('Renamed ' + Date.now());
      api('rename', { name: name }).then(function (r) {
        if (r.ok && r.name) {
          $('wopi-title').textContent = r.name;
          $('wopi-title').setAttribute('data-title', r.name);
          trigger('File_Rename', { NewName: r.name });
        }
      });
    });
    $('wopi-saveas').addEventListener('click', function () { api('saveAs', { target: $('wopi-saveas-input').value || '.pdf' }); });
    $('wopi-refresh-lock').addEventListener('click', function () { api('refreshLock'); });
    $('wopi-submit').addEventListener('click', function () { api('submit'); });
    var box = $('wopi-postmessage-buttons');
    Object.keys(CONDITIONS).forEach(function (id) {
      var b = document.createElement('button');
      b.textContent = id;
      b.setAttribute('data-post-message', id);
      b.setAttribute('data-enabled', String(CONDITIONS[id]()));
      b.addEventListener('click', function () {
        var values = id === 'App_LoadingStatus' ? { DocumentLoadedTime: Date.now(), Status: 'Document_Loaded' }
          : id === 'File_Rename' ? { NewName: $('wopi-title').textContent } : {};
        trigger(id, values);
      });
      box.appendChild(b);
    });
  }

  window.addEventListener('message', function (e) {
    var ok = typeof e.data === 'string' && origin && e.origin === origin;
    var msg = null;
    if (ok) { try { msg = JSON.parse(e.data); } catch (x) { ok = false; } }
    if (!ok || !msg || ACCEPTED.indexOf(msg.MessageId) < 0) {
      item('wopi-ignored', { 'data-origin': e.origin }, String(typeof e.data === 'string' ? e.data : json(e.data)));
      return;
    }
    item('wopi-received', { 'data-message-id': msg.MessageId, 'data-values': json(msg.Values) }, e.data);
    if (msg.MessageId === 'Action_InsertGraphic' && msg.Values && msg.Values.url && connection) {
      api('insertGraphic', { url: msg.Values.url }).then(function (r) {
        if (r.ok) { item('standin-lines', { 'data-line': r.line }, r.line); }
      });
    }
  });

  setInterval(function () {
    if (!connection) { return; }
    fetch('/standin/wopi/poll?connection=' + encodeURIComponent(connection)).then(function (r) { return r.json(); })
      .then(function (p) {
        (p.events || []).forEach(function (e) {
          if (e.type === 'renamed') { $('wopi-title').textContent = e.data.name; $('wopi-title').setAttribute('data-title', e.data.name); }
        });
        if (p.document) { $('wopi-lock').textContent = p.document.locked ? 'locked (' + p.document.lockId + ')' : 'not locked'; }
      }).catch(function () {});
  }, 1000);

  render();
  buttons();
  if (!state.error && !state.hostEditUrl) {
    send('App_LoadingStatus', { DocumentLoadedTime: Date.now(), Status: 'Document_Loaded' });
  }
})();
