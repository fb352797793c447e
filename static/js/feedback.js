/* "Was this page helpful?": posts in place and manages focus. Without this script every step
   works with ordinary posts. No user-facing text here: it all comes from the HTML. */
(function () {
  "use strict";

  function updateCounter(section) {
    var field = section.querySelector("[data-feedback-comment]");
    var counter = section.querySelector("[data-feedback-counter]");
    if (!field || !counter) return;
    var max = parseInt(field.getAttribute("maxlength"), 10);
    // Count line breaks as one character, as maxlength and the server do.
    var length = field.value.replace(/\r\n/g, "\n").length;
    counter.textContent = counter.getAttribute("data-template").replace("{count}", String(max - length));
  }

  function showError(section, message) {
    var error = section.querySelector("[data-feedback-error]");
    if (!error) return;
    error.textContent = message;
    error.hidden = false;
    var field = section.querySelector("[data-feedback-comment]");
    if (field) {
      field.setAttribute("aria-invalid", "true");
      if (field.getAttribute("aria-describedby").indexOf("feedback-error") === -1) {
        field.setAttribute("aria-describedby", field.getAttribute("aria-describedby") + " feedback-error");
      }
      field.focus();
    } else {
      error.setAttribute("tabindex", "-1");
      error.focus();
    }
  }

  function showStep(section, step, html) {
    var container = section.querySelector("[data-feedback-step]");
    var status = section.querySelector("[data-feedback-status]");
    container.innerHTML = html;
    var announce = container.querySelector("[data-feedback-announce]");
    if (status && announce) status.textContent = announce.textContent;
    var target = step === "comment"
      ? container.querySelector("[data-feedback-comment]")
      : container.querySelector("#feedback-heading");
    if (target) target.focus();
    updateCounter(section);
  }

  function setBusy(form, busy) {
    form.querySelectorAll("button").forEach(function (button) { button.disabled = busy; });
    form.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function submit(section, form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    setBusy(form, true);
    fetch(form.action, {
      method: "POST",
      body: data,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (result.ok) {
          showStep(section, result.body.step, result.body.html);
        } else {
          setBusy(form, false);
          showError(section, result.body.error);
        }
      })
      .catch(function () {
        // Without an answer from the server, fall back to an ordinary post.
        form.setAttribute("data-feedback-native", "");
        setBusy(form, false);
        if (submitter && submitter.name) {
          var hidden = document.createElement("input");
          hidden.type = "hidden";
          hidden.name = submitter.name;
          hidden.value = submitter.value;
          form.appendChild(hidden);
        }
        form.submit();
      });
  }

  function enhance(section) {
    section.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.matches("[data-feedback-form]") || form.hasAttribute("data-feedback-native")) return;
      event.preventDefault();
      if (form.getAttribute("aria-busy") === "true") return;
      submit(section, form, event.submitter);
    });
    section.addEventListener("input", function (event) {
      if (event.target.matches("[data-feedback-comment]")) updateCounter(section);
    });
    updateCounter(section);
  }

  function init() {
    document.querySelectorAll("[data-feedback]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
