// The officebridge admin page: the settings check (the connector's checks, and this browser's own
// load of the Document Server's api.js), editing sessions and locks, forgotten files. Every change
// is a same-origin POST with the page's token. Data is only ever put into the page as text.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("officebridge-admin").textContent);
  var status = document.getElementById("admin-status");
  var browserFinding = null;
  var BROWSER_TIMEOUT_MS = 15000;

  function say(text) {
    status.textContent = text;
  }

  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text === undefined || text === null ? "" : String(text);
    row.appendChild(td);
    return td;
  }

  function button(parent, label, action, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.setAttribute("data-action", action);
    b.addEventListener("click", onClick);
    parent.appendChild(b);
    return b;
  }

  function request(method, path, body) {
    var init = {
      method: method,
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    };
    if (method !== "GET") {
      init.headers["Content-Type"] = "application/json";
      init.headers["X-Officebridge-Admin-Token"] = data.token;
      init.body = JSON.stringify(body || {});
    }
    return fetch("api/admin/" + path, init).then(function (r) {
      return r.json().then(
        function (json) {
          if (!r.ok) {
            throw new Error(json.message || "HTTP " + r.status);
          }
          return json;
        },
        function () {
          throw new Error("HTTP " + r.status);
        }
      );
    });
  }

  // ---- settings check ------------------------------------------------------------------------

  function showChecks(checks) {
    var body = document.getElementById("check-results");
    body.textContent = "";
    checks.forEach(function (c) {
      var row = document.createElement("tr");
      row.setAttribute("data-check", c.check);
      row.setAttribute("data-status", c.status);
      cell(row, c.check);
      cell(row, c.direction);
      cell(row, c.status).className = "status-" + c.status;
      cell(row, c.message);
      body.appendChild(row);
    });
  }

  function browserCheck() {
    return new Promise(function (resolve) {
      var url = data.apiJs;
      if (location.protocol === "https:" && url.indexOf("http:") === 0) {
        resolve({
          passed: false,
          message:
            "mixed content: this page is https but api.js is http (" +
            url +
            "); browsers block it, make officebridge.ds.public-url https"
        });
        return;
      }
      var done = false;
      function finish(result) {
        if (!done) {
          done = true;
          resolve(result);
        }
      }
      var script = document.createElement("script");
      script.src = url;
      script.async = true;
      script.onload = function () {
        if (window.DocsAPI && window.DocsAPI.DocEditor) {
          finish({ passed: true, message: "this browser loaded api.js from " + url });
        } else {
          finish({
            passed: false,
            message:
              "api.js loaded from " +
              url +
              " but defines no DocsAPI.DocEditor: officebridge.ds.public-url does not point at" +
              " the Document Server"
          });
        }
      };
      script.onerror = function () {
        finish({
          passed: false,
          message:
            "this browser cannot load api.js from " +
            url +
            ": check officebridge.ds.public-url, that browsers can reach it (DNS, firewall," +
            " proxy) and trust its TLS certificate"
        });
      };
      setTimeout(function () {
        finish({ passed: false, message: "api.js did not load within 15 s from " + url });
      }, BROWSER_TIMEOUT_MS);
      document.head.appendChild(script);
    });
  }

  function runCheck() {
    say("Running the settings check ...");
    document.body.setAttribute("data-check", "running");
    var browser = browserCheck().then(function (result) {
      browserFinding = {
        check: "browser-api-js",
        direction: "browser -> Document Server",
        status: result.passed ? "passed" : "failed",
        message: result.message
      };
      return request("POST", "settings-check/browser", {
        outcome: result.passed ? "passed" : "failed",
        message: result.message
      }).catch(function () {
        return null;
      });
    });
    var server = request("GET", "settings-check");
    Promise.all([browser, server])
      .then(function (results) {
        var report = results[1];
        var checks = report.checks.filter(function (c) {
          return c.check !== "browser-mixed-content" || c.status === "failed";
        });
        checks.unshift(browserFinding);
        showChecks(checks);
        var failed = checks.some(function (c) {
          return c.status === "failed";
        });
        document.body.setAttribute("data-check", failed ? "failed" : "passed");
        say(failed ? "The settings check found problems." : "The settings check passed.");
      })
      .catch(function (e) {
        document.body.setAttribute("data-check", "error");
        say("The settings check could not run: " + e.message);
      });
  }

  // ---- sessions and locks --------------------------------------------------------------------

  function act(path, body, done) {
    request("POST", path, body)
      .then(function (r) {
        say(path + ": " + r.outcome);
        done();
      })
      .catch(function (e) {
        say(path + " failed: " + e.message);
        done();
      });
  }

  function loadSessions() {
    request("GET", "sessions")
      .then(function (sessions) {
        var body = document.getElementById("session-rows");
        body.textContent = "";
        sessions.forEach(function (s) {
          var row = document.createElement("tr");
          row.setAttribute("data-doc", s.document);
          row.setAttribute("data-protocol", s.protocol);
          cell(row, s.document);
          cell(row, s.protocol + (s.locked ? " (locked)" : ""));
          cell(row, s.key);
          cell(row, s.editors.join(", "));
          cell(row, s.started);
          cell(row, s.expires);
          var actions = cell(row, "");
          var doc = encodeURIComponent(s.document);
          if (s.protocol === "docs-api") {
            button(actions, "Force save", "forcesave", function () {
              act("sessions/" + doc + "/forcesave", { key: s.key }, loadSessions);
            });
            s.editors.forEach(function (user) {
              button(actions, "Drop " + user, "drop", function () {
                act("sessions/" + doc + "/drop", { key: s.key, user: user }, loadSessions);
              });
            });
          }
          button(actions, "Release", "release", function () {
            if (window.confirm("Release this session and its lock? Only for a stale one.")) {
              act("sessions/" + doc + "/release", { key: s.key }, loadSessions);
            }
          });
          body.appendChild(row);
        });
        document.getElementById("sessions").setAttribute("data-loaded", String(sessions.length));
      })
      .catch(function (e) {
        say("Sessions could not be listed: " + e.message);
      });
  }

  // ---- forgotten files -----------------------------------------------------------------------

  function loadForgotten() {
    request("GET", "forgotten")
      .then(function (files) {
        var body = document.getElementById("forgotten-rows");
        body.textContent = "";
        files.forEach(function (f) {
          var row = document.createElement("tr");
          row.setAttribute("data-key", f.key);
          cell(row, f.key);
          cell(row, f.title ? f.title + " (" + f.document + ")" : "unknown");
          var actions = cell(row, "");
          var key = encodeURIComponent(f.key);
          if (f.document) {
            button(actions, "Recover as new version", "recover-version", function () {
              act("forgotten/" + key + "/recover", { as: "version" }, loadForgotten);
            });
          }
          button(actions, "Recover as copy", "recover-copy", function () {
            act("forgotten/" + key + "/recover", { as: "copy" }, loadForgotten);
          });
          button(actions, "Delete", "delete", function () {
            if (window.confirm("Delete this file from the Document Server without recovering it?")) {
              act("forgotten/" + key + "/delete", {}, loadForgotten);
            }
          });
          body.appendChild(row);
        });
        document.getElementById("forgotten").setAttribute("data-loaded", String(files.length));
      })
      .catch(function (e) {
        document.getElementById("forgotten").setAttribute("data-loaded", "error");
        say("Forgotten files could not be listed: " + e.message);
      });
  }

  document.getElementById("run-check").addEventListener("click", runCheck);
  document.getElementById("refresh-sessions").addEventListener("click", loadSessions);
  document.getElementById("refresh-forgotten").addEventListener("click", loadForgotten);
  loadSessions();
  loadForgotten();
  document.body.setAttribute("data-ready", "yes");
})();
