/*
 * ONLYOFFICE Docs stand-in: DocsAPI.DocEditor.
 * A simulator for tests and demos, not the real editor. It checks the config like the real api.js,
 * replaces the placeholder with an <iframe> served from the stand-in's origin and talks to it with
 * postMessage: events go frame -> here -> config.events.onX({target, data}); methods go here -> frame.
 * Version @@VERSION@@.
 */
(function (window, document) {
  'use strict';

  var script = document.currentScript;
  var DS_ORIGIN = script ? new URL(script.src, window.location.href).origin : window.location.origin;
  var VERSION = '@@VERSION@@';
  var TYPES = {
    word: ['doc', 'docm', 'docx', 'dot', 'dotm', 'dotx', 'epub', 'fb2', 'fodt', 'gdoc', 'hml', 'htm',
      'html', 'hwp', 'hwpx', 'md', 'mht', 'mhtml', 'odt', 'ott', 'pages', 'rtf', 'stw', 'sxw', 'txt',
      'wps', 'wpt', 'xml'],
    cell: ['csv', 'et', 'ett', 'fods', 'gsheet', 'numbers', 'ods', 'ots', 'sxc', 'tsv', 'xls', 'xlsb',
      'xlsm', 'xlsx', 'xlt', 'xltm', 'xltx', 'xml'],
    slide: ['dps', 'dpt', 'fodp', 'gslides', 'key', 'odg', 'odp', 'otp', 'pot', 'potm', 'potx', 'pps',
      'ppsm', 'ppsx', 'ppt', 'pptm', 'pptx', 'sxi'],
    pdf: ['djvu', 'docxf', 'oform', 'oxps', 'pdf', 'xps'],
    diagram: ['vsdm', 'vsdx', 'vssm', 'vssx', 'vstm', 'vstx']
  };
  var LEGACY = { text: 'word', spreadsheet: 'cell', presentation: 'slide' };
  var KEY = /^[0-9a-zA-Z\-._=]{1,128}$/;
  var METHODS = ['denyEditingRights', 'destroyEditor', 'downloadAs', 'insertImage', 'refreshFile',
    'refreshHistory', 'requestClose', 'setActionLink', 'setFavorite', 'setHistoryData',
    'setMailMergeRecipients', 'setReferenceData', 'setReferenceSource', 'setRequestedDocument',
    'setRequestedSpreadsheet', 'setRevisedFile', 'setSharingSettings', 'setUsers', 'showMessage',
    'startFilling'];
  var frames = 0;

  function invalid(name) {
    return 'The "' + name + '" parameter for the config object is invalid. Please correct it.';
  }

  function typeOf(ext) {
    for (var t in TYPES) {
      if (TYPES[t].indexOf(ext) >= 0) { return t; }
    }
    return null;
  }

  /* The structural checks of the real api.js; returns an error text or null. */
  function check(config) {
    var doc = config.document;
    if (!doc || !doc.url || (!doc.fileType && !config.documentType)) {
      return 'One or more required parameter for the config object is not set.';
    }
    var title = typeof doc.title === 'string' ? doc.title : '';
    var ext = String(doc.fileType || title.substring(title.lastIndexOf('.') + 1) || '').toLowerCase();
    var type = typeOf(ext);
    if (!type) { return invalid('document.fileType'); }
    var given = config.documentType ? (LEGACY[config.documentType] || config.documentType) : null;
    if (given && TYPES[given] && TYPES[given].indexOf(ext) < 0) { return invalid('documentType'); }
    if (typeof doc.key !== 'string' || !KEY.test(doc.key)) { return invalid('document.key'); }
    return null;
  }

  function plain(config) {
    var copy = {};
    for (var k in config) {
      if (k !== 'events' && Object.prototype.hasOwnProperty.call(config, k)) { copy[k] = config[k]; }
    }
    return JSON.parse(JSON.stringify(copy));
  }

  function serializable(args) {
    return args.map(function (a) { return typeof a === 'function' ? String(a) : a; });
  }

  function DocEditor(placeholderId, config) {
    var self = this;
    config = config || {};
    var events = config.events || {};
    var placeholder = document.getElementById(placeholderId);
    var frame = null;
    var ready = false;
    var queue = [];
    var connectorCallbacks = {};
    var calls = 0;

    function post(message) {
      message.standin = true;
      if (!frame) { return; }
      if (!ready) { queue.push(message); return; }
      frame.contentWindow.postMessage(JSON.stringify(message), DS_ORIGIN);
    }

    function onMessage(e) {
      if (!frame || e.source !== frame.contentWindow || e.origin !== DS_ORIGIN) { return; }
      var msg;
      try { msg = typeof e.data === 'string' ? JSON.parse(e.data) : e.data; } catch (x) { return; }
      if (!msg || msg.standin !== true) { return; }
      if (msg.type === 'frameReady') {
        ready = true;
        frame.contentWindow.postMessage(JSON.stringify({
          standin: true, type: 'init', config: plain(config), eventNames: Object.keys(events)
        }), DS_ORIGIN);
        queue.splice(0).forEach(post);
      } else if (msg.type === 'event') {
        var handler = events[msg.event];
        if (typeof handler === 'function') { handler({ target: self, data: msg.data }); }
      } else if (msg.type === 'connectorResult') {
        var cb = connectorCallbacks[msg.call];
        delete connectorCallbacks[msg.call];
        if (typeof cb === 'function') { cb(msg.result); }
      }
    }

    var error = placeholder ? check(config) : 'The placeholder element "' + placeholderId + '" was not found.';
    if (error) {
      console.error('DocsAPI.DocEditor: ' + error);
      if (placeholder) {
        placeholder.className = (placeholder.className + ' standin-config-error').trim();
        placeholder.setAttribute('data-standin-error', error);
        placeholder.textContent = error;
      }
    } else {
      frame = document.createElement('iframe');
      frame.name = 'frameEditor';
      frame.id = placeholderId;
      frame.setAttribute('data-standin-frame', 'true');
      frame.setAttribute('allowfullscreen', 'true');
      frame.setAttribute('allow', 'autoplay; camera; microphone; display-capture; clipboard-write');
      frame.style.width = config.width || '100%';
      frame.style.height = config.height || '100%';
      frame.style.border = '0';
      frame.src = DS_ORIGIN + '/web-apps/apps/standin/editor.html?parentOrigin=' +
        encodeURIComponent(window.location.origin) + '&frameEditorId=' + (++frames) +
        '&type=' + encodeURIComponent(config.type || 'desktop');
      placeholder.parentNode.replaceChild(frame, placeholder);
      window.addEventListener('message', onMessage);
    }

    METHODS.forEach(function (name) {
      self[name] = function () {
        post({ type: 'method', method: name, args: serializable(Array.prototype.slice.call(arguments)) });
        if (name === 'destroyEditor' && frame) {
          var div = document.createElement('div');
          div.id = placeholderId;
          setTimeout(function () {
            window.removeEventListener('message', onMessage);
            if (frame && frame.parentNode) { frame.parentNode.replaceChild(div, frame); }
            frame = null;
          }, 0);
        }
      };
    });

    /* Developer edition only in the real product; here every call is shown in the frame. */
    self.createConnector = function () {
      function call(method, args, callback) {
        var id = ++calls;
        if (callback) { connectorCallbacks[id] = callback; }
        post({ type: 'method', method: 'connector.' + method, args: serializable(args), call: id });
      }
      return {
        attachEvent: function (name, fn) { call('attachEvent', [name, fn]); },
        detachEvent: function (name) { call('detachEvent', [name]); },
        callCommand: function (fn, isClose, isCalc, callback) {
          call('callCommand', [fn, isClose, isCalc], typeof isClose === 'function' ? isClose : callback);
        },
        executeMethod: function (name, args, callback) { call('executeMethod', [name, args], callback); },
        addContextMenuItem: function (items) { call('addContextMenuItem', [items]); },
        addToolbarMenuItem: function (items) { call('addToolbarMenuItem', [items]); },
        connect: function () { call('connect', []); },
        disconnect: function () { call('disconnect', []); }
      };
    };
  }

  DocEditor.version = function () { return VERSION; };
  DocEditor.warmUp = function () {};

  window.DocsAPI = window.DocsAPI || {};
  window.DocsAPI.DocEditor = DocEditor;
  window.DocsAPI.standIn = { origin: DS_ORIGIN, version: VERSION };
})(window, document);
