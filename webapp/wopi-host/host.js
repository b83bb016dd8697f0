// The WOPI host page: posts the access token into the editor frame and answers the editor's
// PostMessages. Messages are accepted only from the Document Server's origin and the frame's
// window, and only as JSON strings; messages are sent only to that origin.
(function () {
  'use strict';

  // The editor may send the browser here inside its own frame (after a conversion): break out.
  if (window.top !== window.self) {
    try {
      window.top.location.replace(window.location.href);
      return;
    } catch (ignored) {
      // a foreign top window: stay inside
    }
  }

  var host = document.getElementById('wopi-host');
  var config = host.dataset;
  var dsOrigin = config.dsOrigin;
  var events = document.getElementById('wopi-events');
  var panel = document.getElementById('wopi-panel');
  var panelBody = document.getElementById('wopi-panel-body');
  var panelFrame = null;
  var title = document.getElementById('document-title');

  var frame = document.createElement('iframe');
  frame.name = 'office_frame';
  frame.id = 'office_frame';
  frame.title = 'Office Frame';
  frame.setAttribute('allowfullscreen', 'true');
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups '
      + 'allow-top-navigation allow-popups-to-escape-sandbox allow-downloads allow-modals');
  frame.setAttribute('allow', 'autoplay camera microphone display-capture');
  document.getElementById('frameholder').appendChild(frame);

  function record(text) {
    var item = document.createElement('li');
    item.textContent = text;
    events.appendChild(item);
  }

  function send(messageId, values) {
    if (!frame.contentWindow) {
      return;
    }
    frame.contentWindow.postMessage(JSON.stringify({
      MessageId: messageId,
      SendTime: Date.now(),
      Values: values || {}
    }), dsOrigin);
    record('sent:' + messageId);
  }

  function openPanel(url, heading) {
    if (!url) {
      return false;
    }
    send('Blur_Focus');
    document.getElementById('wopi-panel-title').textContent = heading;
    panelBody.textContent = '';
    panelFrame = document.createElement('iframe');
    panelFrame.title = heading;
    panelFrame.src = url;
    panelBody.appendChild(panelFrame);
    panel.hidden = false;
    return true;
  }

  function closePanel() {
    panel.hidden = true;
    panelBody.textContent = '';
    panelFrame = null;
    send('Grab_Focus');
  }

  function notice(text) {
    document.getElementById('wopi-panel-title').textContent = text;
    panelBody.textContent = '';
    panel.hidden = false;
  }

  function rename(newName) {
    title.textContent = newName;
    document.title = newName;
    host.setAttribute('data-title', newName);
  }

  function fromEditor(message) {
    var values = message.Values || {};
    switch (message.MessageId) {
      case 'App_LoadingStatus':
        host.setAttribute('data-loaded', 'true');
        break;
      case 'UI_Close':
        window.location.assign(config.closeUrl);
        break;
      case 'UI_Edit':
        window.location.assign(config.editUrl);
        break;
      case 'File_Rename':
        if (typeof values.NewName === 'string') {
          rename(values.NewName);
        }
        break;
      case 'UI_FileVersions':
        if (!openPanel(config.versionsUrl, 'Versions')) {
          notice('This DMS keeps no versions.');
        }
        break;
      case 'UI_Sharing':
        if (!openPanel(config.sharingUrl, 'Sharing')) {
          notice('Sharing is managed in the DMS.');
        }
        break;
      case 'UI_InsertGraphic':
        if (!openPanel(config.imagesUrl, 'Insert an image')) {
          notice('Inserting images from the DMS is not available.');
        }
        break;
      default:
        break;
    }
  }

  window.addEventListener('message', function (event) {
    if (event.origin === dsOrigin && event.source === frame.contentWindow) {
      if (typeof event.data !== 'string') {
        return;
      }
      var message;
      try {
        message = JSON.parse(event.data);
      } catch (ignored) {
        return;
      }
      if (message && typeof message.MessageId === 'string') {
        record(message.MessageId);
        fromEditor(message);
      }
    } else if (event.origin === window.location.origin && panelFrame
        && event.source === panelFrame.contentWindow && event.data
        && event.data.type === 'officebridge-insert-graphic'
        && typeof event.data.url === 'string') {
      closePanel();
      send('Action_InsertGraphic', {url: event.data.url});
    }
  });

  document.getElementById('wopi-panel-close').addEventListener('click', closePanel);
  frame.addEventListener('load', function () {
    send('Host_PostmessageReady');
  });
  document.getElementById('office_form').submit();
}());
