// The prose editor names its toolbar buttons and block types in English, outside gettext.
// Name them in the admin's language from Django's JavaScript catalogue (admin:jsi18n, loaded
// on every change form); the editor's own dialogs already ask gettext. A button whose name
// the editor changes later (the block type shown for the cursor) is named again.
(function () {
  "use strict";
  const translate = window.gettext || ((text) => text);
  const SELECTOR = ".prose-menubar__button, .prose-menubar__option";

  function name(element) {
    for (const attribute of ["title", "aria-label"]) {
      const value = element.getAttribute(attribute);
      if (value && translate(value) !== value) {
        element.setAttribute(attribute, translate(value));
      }
    }
    if (element.classList.contains("prose-menubar__option")) {
      const label = element.firstElementChild || element;
      if (label.textContent && translate(label.textContent) !== label.textContent) {
        label.textContent = translate(label.textContent);
      }
    }
  }

  function nameAll(root) {
    if (root.matches && root.matches(SELECTOR)) name(root);
    if (root.querySelectorAll) root.querySelectorAll(SELECTOR).forEach(name);
  }

  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") {
        nameAll(change.target);
      } else {
        change.addedNodes.forEach(nameAll);
      }
    }
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["title", "aria-label"],
  });
  document.addEventListener("DOMContentLoaded", () => nameAll(document));
})();
