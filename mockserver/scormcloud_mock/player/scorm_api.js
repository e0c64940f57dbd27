/* scormcloud-mock player: the SCORM 1.2 (window.API) and SCORM 2004
 * (window.API_1484_11) runtimes, committing CMI data to the mock.
 *
 * Values a SCO sets are kept here and sent on Commit/LMSCommit and on
 * Terminate/LMSFinish; the mock stores them and rolls results up. Full SCORM
 * 2004 sequencing is not implemented: navigation requests move between SCOs
 * of the table of contents, or exit.
 */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("mock-launch").textContent);
  var READ_ONLY = {
    "cmi.core.student_id": 1, "cmi.core.student_name": 1, "cmi.core.credit": 1,
    "cmi.core.entry": 1, "cmi.core.total_time": 1, "cmi.core.lesson_mode": 1,
    "cmi.launch_data": 1, "cmi.learner_id": 1, "cmi.learner_name": 1,
    "cmi.credit": 1, "cmi.entry": 1, "cmi.total_time": 1, "cmi.mode": 1
  };
  var WRITE_ONLY = { "cmi.core.session_time": 1, "cmi.core.exit": 1,
                     "cmi.session_time": 1, "cmi.exit": 1 };
  var ERRORS = {
    "0": "No error", "101": "General exception", "301": "Not initialized",
    "351": "General set failure", "391": "General commit failure",
    "401": "Not implemented", "403": "Element is read only",
    "404": "Element is write only", "405": "Incorrect data type"
  };

  var session = null;
  var exiting = false;

  function newSession(activity) {
    return {
      activityId: activity.activityId,
      values: activity.cmi,
      pending: {},
      state: "new",
      lastError: "0"
    };
  }

  function post(url, body) {
    // Synchronous, so Commit can answer "true" only once the mock stored it.
    var request = new XMLHttpRequest();
    request.open("POST", url, false);
    request.setRequestHeader("Content-Type", "application/json");
    try {
      request.send(JSON.stringify(body));
    } catch (error) {
      return { ok: false, body: null };
    }
    var parsed = null;
    try { parsed = JSON.parse(request.responseText); } catch (error) { parsed = null; }
    return { ok: request.status >= 200 && request.status < 300, body: parsed };
  }

  function send(terminate) {
    var answer = post(config.runtimeUrl, {
      activityId: session.activityId,
      values: session.pending,
      terminate: terminate
    });
    if (!answer.ok) {
      session.lastError = "391";
      return false;
    }
    session.pending = {};
    return true;
  }

  function count(prefix) {
    var indices = {};
    var pattern = new RegExp("^" + prefix.replace(/\./g, "\\.") + "(\\d+)\\.");
    Object.keys(session.values).forEach(function (key) {
      var match = pattern.exec(key);
      if (match) { indices[match[1]] = true; }
    });
    return String(Object.keys(indices).length);
  }

  function getValue(element) {
    if (session.state !== "running") { session.lastError = "301"; return ""; }
    session.lastError = "0";
    if (WRITE_ONLY[element]) { session.lastError = "404"; return ""; }
    if (/\._count$/.test(element)) { return count(element.replace(/_count$/, "")); }
    if (/\._children$/.test(element)) { return ""; }
    var value = session.values[element];
    return value === undefined ? "" : String(value);
  }

  function setValue(element, value) {
    if (session.state !== "running") { session.lastError = "301"; return "false"; }
    if (READ_ONLY[element]) { session.lastError = "403"; return "false"; }
    if (typeof element !== "string" || !/^(cmi|adl)\./.test(element)) {
      session.lastError = "401";
      return "false";
    }
    session.lastError = "0";
    session.values[element] = String(value);
    session.pending[element] = String(value);
    return "true";
  }

  function initialize() {
    if (session.state !== "new") { session.lastError = "101"; return "false"; }
    session.state = "running";
    session.lastError = "0";
    return "true";
  }

  function commit() {
    if (session.state !== "running") { session.lastError = "301"; return "false"; }
    return send(false) ? "true" : "false";
  }

  function terminate() {
    if (session.state !== "running") { session.lastError = "301"; return "false"; }
    var stored = send(true);
    session.state = "terminated";
    // Let the SCO's own call return before the content goes away.
    window.setTimeout(afterTerminate, 0);
    return stored ? "true" : "false";
  }

  function afterTerminate() {
    var request = session.values["adl.nav.request"] || "";
    var next = neighbour(request);
    if (next) { openActivity(next); return; }
    if (config.activities.length === 1 || /exit|suspendAll/.test(request)) {
      exit();
      return;
    }
    document.getElementById("status").textContent = "Choose the next part.";
  }

  function neighbour(request) {
    var ids = config.activities.map(function (a) { return a.activityId; });
    var at = ids.indexOf(session.activityId);
    if (request === "continue" && at + 1 < ids.length) { return ids[at + 1]; }
    if (request === "previous" && at > 0) { return ids[at - 1]; }
    var choice = /^\{target=([^}]+)\}choice$/.exec(request);
    return choice && ids.indexOf(choice[1]) >= 0 ? choice[1] : null;
  }

  function openActivity(activityId) {
    if (session && session.state === "running") { send(true); }
    var answer = post(config.sessionUrl, { activityId: activityId });
    if (!answer.ok) {
      document.getElementById("status").textContent = "Could not open " + activityId;
      return;
    }
    session = newSession(answer.body);
    document.getElementById("content").src = answer.body.href;
    document.getElementById("status").textContent = answer.body.title || "";
  }

  function exit() {
    if (exiting) { return; }
    exiting = true;
    if (session && session.state === "running") { send(true); }
    post(config.exitUrl, {});
    var target = config.redirectOnExitUrl;
    if (target === "closer") {
      window.close();
      target = "blank";
    }
    window.location.href = target === "blank" ? "about:blank" : target;
  }

  function errorString(code) { return ERRORS[String(code)] || "Unknown error"; }

  window.API = {
    LMSInitialize: function () { return initialize(); },
    LMSFinish: function () { return terminate(); },
    LMSGetValue: function (element) { return getValue(element); },
    LMSSetValue: function (element, value) { return setValue(element, value); },
    LMSCommit: function () { return commit(); },
    LMSGetLastError: function () { return session.lastError; },
    LMSGetErrorString: errorString,
    LMSGetDiagnostic: errorString
  };
  window.API_1484_11 = {
    Initialize: function () { return initialize(); },
    Terminate: function () { return terminate(); },
    GetValue: function (element) { return getValue(element); },
    SetValue: function (element, value) { return setValue(element, value); },
    Commit: function () { return commit(); },
    GetLastError: function () { return session.lastError; },
    GetErrorString: errorString,
    GetDiagnostic: errorString
  };

  document.getElementById("mock-exit").addEventListener("click", exit);
  Array.prototype.forEach.call(document.querySelectorAll("#toc a"), function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      openActivity(link.getAttribute("data-activity"));
    });
  });
  window.addEventListener("pagehide", function () {
    // A closed window still hands its last values over, without waiting.
    if (session && session.state === "running" && navigator.sendBeacon) {
      var body = { activityId: session.activityId, values: session.pending,
                   terminate: true };
      navigator.sendBeacon(config.runtimeUrl,
        new Blob([JSON.stringify(body)], { type: "application/json" }));
    }
  });

  if (config.first) {
    session = newSession(config.first);
    document.getElementById("content").src = config.first.href;
  } else {
    session = newSession({ activityId: null, cmi: {} });
    document.getElementById("status").textContent = "This course has no SCO to launch.";
  }
}());
