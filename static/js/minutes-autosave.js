// Minutes drafts kept while typing. A couple of seconds after the writer stops typing, the
// minutes text is posted to the draft address with the version the page was opened at. The
// server saves only if nobody else saved since (the same check as the Save button), and the
// page takes the new version, so the Save button goes on working. After a conflict the
// autosave stops: pressing Save then shows the writer's text beside the other editor's.
// Without JavaScript nothing changes: the Save button keeps everything.
(function () {
  "use strict";

  var DELAY_MS = 2000;
  var MINUTES_FIELDS = 'textarea[name="summary"], textarea[name^="item_"]';

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-autosave-url]");
    if (!form || !window.fetch || !window.FormData) {
      return;
    }
    var status = form.querySelector("[data-autosave-status]");
    var version = form.querySelector('input[name="version"]');
    var token = form.querySelector('input[name="csrfmiddlewaretoken"]');
    var timer = null;
    var pending = null;
    var stopped = false;

    function snapshot() {
      return Array.prototype.map
        .call(form.querySelectorAll(MINUTES_FIELDS), function (field) {
          return field.name + "\u0000" + field.value;
        })
        .join("\u0001");
    }

    var lastSaved = snapshot();

    function save() {
      timer = null;
      if (stopped || pending) {
        return;
      }
      var text = snapshot();
      if (text === lastSaved) {
        return;
      }
      pending = fetch(form.getAttribute("data-autosave-url"), {
        method: "POST",
        body: new FormData(form),
        headers: { "X-CSRFToken": token.value, Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.json().then(function (body) {
            if (response.ok && body.saved) {
              version.value = body.version;
              lastSaved = text;
            } else {
              stopped = true;
            }
            if (status && body.message) {
              status.textContent = body.message;
            }
          });
        })
        .catch(function () {
          // Offline or a hiccup: the next change tries again, and Save still keeps it all.
        })
        .then(function () {
          pending = null;
        });
    }

    form.addEventListener("input", function (event) {
      if (!event.target.matches || !event.target.matches(MINUTES_FIELDS)) {
        return;
      }
      if (timer) {
        clearTimeout(timer);
      }
      timer = setTimeout(save, DELAY_MS);
    });

    form.addEventListener("submit", function (event) {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      stopped = true;
      if (pending) {
        // Wait for the draft on its way, so the form posts the version it produced.
        event.preventDefault();
        var button = event.submitter;
        pending.then(function () {
          if (button && form.requestSubmit) {
            form.requestSubmit(button);
          } else {
            form.submit();
          }
        });
      }
    });
  });
})();
