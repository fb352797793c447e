// django-modeltranslation's language tabs and form-wide language switch, made to explain
// themselves: tabs named by language ("Svenska", not "sv"), the switch labelled, and one
// interactive element per tab (jQuery UI's tab item; the link inside it no longer a link, so
// screen readers meet no control nested in another). Run whenever tabs appear, also those an
// "Add another" row brings; every fix leaves what it fixed before alone.
(function () {
  "use strict";
  const translate = window.gettext || ((text) => text);

  // jQuery UI takes a tab whose link has no address for one loaded over the network: it is
  // not, its panel is on the page (the item's aria-controls).
  function keepTabsLocal() {
    const jQueries = [window.jQuery, window.django && window.django.jQuery];
    for (const jQuery of jQueries) {
      const tabs = jQuery && jQuery.ui && jQuery.ui.tabs;
      if (tabs && !tabs.prototype.newsroomLocal) {
        const isLocal = tabs.prototype._isLocal;
        tabs.prototype._isLocal = function (anchor) {
          return !anchor.hasAttribute("href") || isLocal.call(this, anchor);
        };
        tabs.prototype.newsroomLocal = true;
      }
    }
  }

  function fixTabs(root) {
    keepTabsLocal();
    root.querySelectorAll("li[role=tab] > a.ui-tabs-anchor[href]").forEach((anchor) => {
      if (anchor.title) {
        anchor.textContent = anchor.title;
        anchor.removeAttribute("title");
      }
      anchor.removeAttribute("href"); // jQuery UI finds the panel by the item's aria-controls
    });
  }

  function fixSwitch() {
    const select = document.getElementById("modeltranslation-main-switch");
    if (!select || select.labels.length) return;
    const label = document.createElement("label");
    label.htmlFor = select.id;
    label.className = "translation-switch__label";
    label.textContent = translate("Show every field in");
    select.before(label, " ");
    const help = document.createElement("span");
    help.className = "help translation-switch__help";
    help.id = "modeltranslation-main-switch-help";
    help.textContent = translate(
      "Each field has a tab per language; this choice opens the same language in all of them."
    );
    select.after(" ", help);
    select.setAttribute("aria-describedby", help.id);
    const names = {};
    document.querySelectorAll("li[role=tab] > a.ui-tabs-anchor").forEach((anchor) => {
      const code = (anchor.closest("li").getAttribute("aria-controls") || "").split("_").pop();
      if (code) names[code] = anchor.textContent;
    });
    // The label shows the name; the text stays the code, which modeltranslation reads to open
    // a new inline row's tabs on the chosen language.
    Array.from(select.options).forEach((option) => {
      if (names[option.textContent]) option.label = names[option.textContent];
    });
  }

  function fixAll() {
    fixTabs(document);
    fixSwitch();
  }

  // jQuery runs modeltranslation's set-up when it pleases (before or after "load"): watch.
  new MutationObserver((changes) => {
    if (changes.some((change) => change.addedNodes.length)) fixAll();
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", fixAll);
})();
