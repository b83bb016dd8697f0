/*
 * officebridge editor page: creates the ONLYOFFICE editor from the signed config in the page's
 * data block and answers its events through the connector's JSON endpoints (api/editor/<doc>/...),
 * each request carrying the page token. Texts come from the data block, in the user's language.
 * No inline script: the Content-Security-Policy only allows this file and the Document Server.
 */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('officebridge-editor').textContent);
  var features = data.features;
  var text = function (key) { return data.messages[key] || key; };
  var docEditor = null;

  function $(id) { return document.getElementById(id); }

  function endpoint(path) { return data.endpoint + path; }

  function call(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    headers[data.tokenHeader] = data.token;
    var init = { method: method, headers: headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(endpoint(path), init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) {
          var e = new Error(json.message || text('action.failed'));
          e.status = r.status;
          throw e;
        }
        return json;
      });
    });
  }

  function notice(message) {
    var box = $('officebridge-notice');
    box.textContent = message;
    box.hidden = false;
    box.setAttribute('data-shown', String(Date.now()));
    clearTimeout(notice.timer);
    notice.timer = setTimeout(function () { box.hidden = true; }, 8000);
    if (docEditor && data.config.type !== 'embedded') { docEditor.showMessage(message); }
  }

  function failed(e) { notice(e && e.message ? e.message : text('action.failed')); }

  function record(name, outcome) {
    var log = document.body.getAttribute('data-events') || '';
    document.body.setAttribute('data-events', log + name + ':' + outcome + ' ');
  }

  /* A small modal built with DOM calls only (no HTML from data). */
  function dialog(title, build) {
    var d = $('officebridge-dialog');
    d.textContent = '';
    var h = document.createElement('h2');
    h.textContent = title;
    d.appendChild(h);
    var close = function () { if (d.open) { d.close(); } };
    build(d, close);
    if (!d.open) { d.showModal(); }
    return close;
  }

  function button(label, onClick, attrs) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    Object.keys(attrs || {}).forEach(function (k) { b.setAttribute(k, attrs[k]); });
    b.addEventListener('click', onClick);
    return b;
  }

  /* Lets the user pick a document of a kind from the DMS, then asks the connector for the signed
     argument of the editor method that inserts it. */
  function pick(kind, c, title, apply, eventName) {
    call('GET', 'pick?kind=' + encodeURIComponent(kind)).then(function (res) {
      dialog(title, function (d, close) {
        d.setAttribute('data-picker', kind);
        if (!res.documents.length) {
          var p = document.createElement('p');
          p.textContent = text('picker.empty');
          d.appendChild(p);
        }
        var list = document.createElement('ul');
        res.documents.forEach(function (doc) {
          var li = document.createElement('li');
          li.appendChild(button(doc.title, function () {
            close();
            call('POST', 'pick', { kind: kind, source: doc.id, c: c }).then(function (arg) {
              apply(arg);
              record(eventName, 'answered');
            }).catch(failed);
          }, { 'data-pick': doc.id }));
          list.appendChild(li);
        });
        d.appendChild(list);
        d.appendChild(button(text('picker.cancel'), close, { 'data-cancel': '' }));
      });
    }).catch(failed);
  }

  function sharingDialog(res) {
    dialog(text('sharing.title'), function (d, close) {
      d.setAttribute('data-sharing', res.changeable ? 'changeable' : 'read-only');
      if (!res.changeable) {
        var p = document.createElement('p');
        p.textContent = text('sharing.readOnly');
        d.appendChild(p);
      }
      if (!res.entries.length) {
        var none = document.createElement('p');
        none.textContent = text('sharing.none');
        d.appendChild(none);
      }
      var table = document.createElement('table');
      res.entries.forEach(function (e) {
        var tr = document.createElement('tr');
        tr.setAttribute('data-principal', e.principal);
        var who = document.createElement('td');
        who.textContent = e.displayName;
        tr.appendChild(who);
        var level = document.createElement('td');
        if (res.changeable) {
          var select = document.createElement('select');
          res.levels.forEach(function (l) {
            var o = document.createElement('option');
            o.value = l.code;
            o.textContent = l.label;
            o.selected = l.code === e.level;
            select.appendChild(o);
          });
          select.setAttribute('data-level-of', e.principal);
          level.appendChild(select);
        } else {
          level.textContent = e.label;
        }
        tr.appendChild(level);
        table.appendChild(tr);
      });
      d.appendChild(table);
      if (res.changeable) {
        d.appendChild(button(text('sharing.save'), function () {
          var entries = res.entries.map(function (e) {
            var s = d.querySelector('select[data-level-of="' + CSS.escape(e.principal) + '"]');
            return { principal: e.principal, displayName: e.displayName, kind: e.kind, level: s ? s.value : e.level };
          });
          call('PUT', 'sharing', { entries: entries }).then(function (saved) {
            close();
            docEditor.setSharingSettings({ sharingSettings: saved.sharingSettings });
            notice(text('sharing.saved'));
            record('onRequestSharingSettings', 'saved');
          }).catch(failed);
        }, { 'data-save': '' }));
      }
      d.appendChild(button(text('sharing.cancel'), close, { 'data-cancel': '' }));
    });
    docEditor.setSharingSettings({ sharingSettings: res.sharingSettings });
    record('onRequestSharingSettings', 'shown');
  }

  var events = {
    onAppReady: function () { document.body.setAttribute('data-app-ready', 'true'); },
    onDocumentReady: function () { document.body.setAttribute('data-ready', 'true'); },
    onError: function (e) { document.body.setAttribute('data-editor-error', JSON.stringify(e.data || {})); },
    onWarning: function () {},
    onInfo: function (e) { if (e.data && e.data.mode) { document.body.setAttribute('data-editor-mode', e.data.mode); } },
    onMetaChange: function (e) {
      if (e.data && typeof e.data.title === 'string') {
        document.title = e.data.title;
        $('document-title').textContent = e.data.title;
      }
      if (features.favorite && e.data && typeof e.data.favorite === 'boolean' &&
          e.data.favorite !== favoriteState) {
        setFavorite(e.data.favorite);
      }
    },
    onMakeActionLink: function (e) {
      var link = data.editorUrl + '&actionLink=' + encodeURIComponent(JSON.stringify(e.data));
      docEditor.setActionLink(link);
      record('onMakeActionLink', 'answered');
    },
    onRequestRefreshFile: function () {
      call('GET', 'config?type=' + encodeURIComponent(data.config.type) +
          (data.config.editorConfig.mode === 'view' ? '&mode=view' : '')).then(function (config) {
        docEditor.refreshFile(config);
        record('onRequestRefreshFile', 'answered');
      }).catch(failed);
    },
    onDownloadAs: function (e) {
      record('onDownloadAs', 'answered');
      if (e.data && e.data.url) { window.open(e.data.url, '_blank', 'noopener'); }
    },
    onRequestUsers: function (e) {
      var c = (e.data && e.data.c) || 'mention';
      var ids = (e.data && e.data.id) || [];
      call('GET', 'users?c=' + encodeURIComponent(c) + ids.map(function (i) { return '&id=' + encodeURIComponent(i); }).join(''))
        .then(function (res) { docEditor.setUsers(res); record('onRequestUsers', 'answered'); })
        .catch(failed);
    }
  };

  if (features.close) {
    events.onRequestClose = function () { record('onRequestClose', 'answered'); window.location.assign(data.closeUrl); };
  }
  if (features.editRights) {
    events.onRequestEditRights = function () {
      call('POST', 'edit-rights', {}).then(function (res) {
        record('onRequestEditRights', 'granted');
        window.location.assign(res.url);
      }).catch(function (e) {
        record('onRequestEditRights', 'denied');
        docEditor.denyEditingRights(e.message);
      });
    };
  }
  if (features.rename) {
    events.onRequestRename = function (e) {
      call('POST', 'rename', { title: e.data }).then(function (res) {
        document.title = res.title;
        $('document-title').textContent = res.title;
        record('onRequestRename', 'renamed');
      }).catch(function (x) { record('onRequestRename', 'refused'); failed(x); });
    };
  }
  if (features.sharing) {
    events.onRequestSharingSettings = function () { call('GET', 'sharing').then(sharingDialog).catch(failed); };
  }
  if (features.history) {
    events.onRequestHistory = function () {
      call('GET', 'history').then(function (h) { docEditor.refreshHistory(h); record('onRequestHistory', 'answered'); })
        .catch(function () { docEditor.refreshHistory({ error: text('history.failed') }); });
    };
    events.onRequestHistoryData = function (e) {
      call('GET', 'history/' + encodeURIComponent(e.data)).then(function (h) {
        docEditor.setHistoryData(h);
        record('onRequestHistoryData', 'answered');
      }).catch(function (x) { docEditor.setHistoryData({ version: e.data, error: x.message }); });
    };
    events.onRequestHistoryClose = function () { record('onRequestHistoryClose', 'answered'); window.location.reload(); };
  }
  if (features.restore) {
    events.onRequestRestore = function (e) {
      call('POST', 'restore', { version: e.data.version }).then(function (h) {
        docEditor.refreshHistory(h);
        notice(text('restore.done'));
        record('onRequestRestore', 'restored');
      }).catch(failed);
    };
  }
  if (features.pickers) {
    events.onRequestInsertImage = function (e) {
      pick('image', (e.data && e.data.c) || 'add', text('picker.image'), function (a) { docEditor.insertImage(a); }, 'onRequestInsertImage');
    };
    events.onRequestSelectSpreadsheet = function (e) {
      pick('spreadsheet', (e.data && e.data.c) || 'mailmerge', text('picker.spreadsheet'), function (a) { docEditor.setRequestedSpreadsheet(a); }, 'onRequestSelectSpreadsheet');
    };
    events.onRequestMailMergeRecipients = function () {
      pick('recipients', 'mailmerge', text('picker.spreadsheet'), function (a) { docEditor.setMailMergeRecipients(a); }, 'onRequestMailMergeRecipients');
    };
    events.onRequestSelectDocument = function (e) {
      pick('document', (e.data && e.data.c) || 'compare', text('picker.document'), function (a) { docEditor.setRequestedDocument(a); }, 'onRequestSelectDocument');
    };
    events.onRequestCompareFile = function () {
      pick('revised', 'compare', text('picker.document'), function (a) { docEditor.setRevisedFile(a); }, 'onRequestCompareFile');
    };
  }
  if (features.referenceData) {
    events.onRequestReferenceData = function (e) {
      call('POST', 'reference-data', e.data || {}).then(function (a) {
        docEditor.setReferenceData(a);
        record('onRequestReferenceData', 'answered');
      }).catch(function (x) { docEditor.setReferenceData({ error: x.message }); });
    };
  }
  if (features.saveAs) {
    events.onRequestSaveAs = function (e) {
      call('POST', 'save-as', e.data || {}).then(function (res) {
        notice(text('saveAs.done') + ' ' + res.title);
        record('onRequestSaveAs', 'saved');
      }).catch(function () { notice(text('saveAs.failed')); record('onRequestSaveAs', 'failed'); });
    };
  }
  if (features.mentions) {
    events.onRequestSendNotify = function (e) {
      call('POST', 'notify', e.data || {}).then(function () {
        notice(text('notify.done'));
        record('onRequestSendNotify', 'notified');
      }).catch(failed);
    };
  }
  if (features.createNew && data.config.editorConfig.createUrl) {
    events.onRequestCreateNew = function () {
      record('onRequestCreateNew', 'opened');
      window.open(data.config.editorConfig.createUrl, '_blank', 'noopener');
    };
  }

  /* The page's own tools: download in another format, favourite. */
  var favoriteState = !!(data.config.document.info && data.config.document.info.favorite);
  var favoriteButton = null;

  function setFavorite(value) {
    call('POST', 'favorite', { favorite: value }).then(function (res) {
      favoriteState = res.favorite;
      if (favoriteButton) { favoriteButton.setAttribute('aria-pressed', String(res.favorite)); }
      docEditor.setFavorite(res.favorite);
      record('setFavorite', String(res.favorite));
    }).catch(function () { notice(text('favorite.failed')); });
  }

  function tools() {
    var box = $('officebridge-tools');
    if (features.download && data.downloadFormats.length) {
      var label = document.createElement('label');
      label.textContent = text('download.label') + ' ';
      var select = document.createElement('select');
      select.id = 'download-format';
      data.downloadFormats.forEach(function (f) {
        var o = document.createElement('option');
        o.value = f;
        o.textContent = f;
        o.selected = f === 'pdf';
        select.appendChild(o);
      });
      label.appendChild(select);
      box.appendChild(label);
      box.appendChild(button('⬇', function () { docEditor.downloadAs(select.value); }, { id: 'download-as', title: text('download.label') }));
    }
    if (features.favorite) {
      favoriteButton = button('★', function () { setFavorite(!favoriteState); }, { id: 'favorite', 'aria-pressed': String(favoriteState) });
      box.appendChild(favoriteButton);
    }
  }

  /* Save notices of the callback feature (failed saves, recovery and conflict copies). */
  var seenNotices = {};
  function pollStatus(first) {
    fetch('api/editor/status?doc=' + encodeURIComponent(data.doc), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : { notices: [] }; })
      .then(function (status) {
        (status.notices || []).forEach(function (n) {
          if (!seenNotices[n.id]) {
            seenNotices[n.id] = true;
            if (!first) { notice(n.message + (n.copyTitle ? ' ' + n.copyTitle : '')); }
          }
        });
      })
      .catch(function () {});
  }

  function start() {
    if (!window.DocsAPI || !window.DocsAPI.DocEditor) {
      $('officebridge-placeholder').textContent = text('page.noEditor');
      document.body.setAttribute('data-editor-error', 'no-api');
      return;
    }
    var config = data.config;
    config.events = events;
    docEditor = new window.DocsAPI.DocEditor('officebridge-placeholder', config);
    window.officebridgeEditor = docEditor;
    tools();
    pollStatus(true);
    setInterval(function () { pollStatus(false); }, 20000);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
