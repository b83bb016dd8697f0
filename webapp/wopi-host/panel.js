// The DMS panels inside the WOPI host page. The image picker asks the connector for a one-time
// link to the chosen image and hands it to the host page, which passes it to the editor.
(function () {
  'use strict';
  var doc = new URLSearchParams(window.location.search).get('doc');
  document.querySelectorAll('button[data-image]').forEach(function (button) {
    button.addEventListener('click', function () {
      var body = new URLSearchParams();
      body.set('doc', doc || '');
      body.set('image', button.getAttribute('data-image'));
      fetch('images', {method: 'POST', body: body, credentials: 'same-origin'})
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .then(function (answer) {
          window.parent.postMessage({type: 'officebridge-insert-graphic', url: answer.url},
              window.location.origin);
        })
        .catch(function () {
          button.disabled = true;
          button.textContent += ' (not available)';
        });
    });
  });
}());
