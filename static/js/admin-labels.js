// Names for the admin's controls that Django and its widgets leave unnamed, so a screen reader
// says what each one is for: the date and time boxes of a date-time field ("Start: Date"), the
// autocomplete boxes (select2 names them by their current choice, nothing when empty), the rich
// text editor's writing area, and the empty heading cell of a table of rows. Each name comes from
// the field's own label, already in the editor's language. Run whenever controls appear (an "Add
// another" row, a select2 dropdown); a control that has a name is left alone.
(function () {
  "use strict";
  let counter = 0;

  function idOf(element) {
    if (!element.id) element.id = "admin-label-" + ++counter;
    return element.id;
  }

  function labelFor(id) {
    return id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
  }

  function isNamed(element) {
    return element.hasAttribute("aria-label") || element.dataset.adminLabelled === "yes";
  }

  function nameBy(element, ...labels) {
    const ids = labels.filter(Boolean).map(idOf);
    if (!ids.length || isNamed(element)) return;
    element.setAttribute("aria-labelledby", ids.join(" "));
    element.dataset.adminLabelled = "yes";
  }

  // <label>Start:</label> <p class="datetime">Date: <input> <br> Time: <input></p>
  function nameDateTimes(root) {
    root.querySelectorAll("p.datetime").forEach((paragraph) => {
      const fieldLabel = paragraph.parentElement.querySelector(":scope > label");
      paragraph.querySelectorAll("input").forEach((input) => {
        const text = input.previousSibling;
        let partLabel = null;
        if (text && text.nodeType === Node.TEXT_NODE && text.textContent.trim()) {
          partLabel = document.createElement("label");
          partLabel.htmlFor = idOf(input);
          partLabel.textContent = text.textContent.trim();
          text.replaceWith(partLabel, " ");
        } else if (input.previousElementSibling?.tagName === "LABEL") {
          partLabel = input.previousElementSibling;
        }
        nameBy(input, fieldLabel, partLabel);
      });
    });
  }

  // select2 keeps the <select> (id_image) and shows its own boxes, which name the select's id.
  function selectIdOf(element) {
    const reference =
      element.getAttribute("aria-controls") || element.getAttribute("aria-labelledby") || "";
    const match = reference.match(/^select2-(.+?)-(?:container|results)/);
    if (match) return match[1];
    const select = element.closest(".select2-container")?.previousElementSibling;
    return select && select.tagName === "SELECT" ? select.id : "";
  }

  function nameSelect2(root) {
    root.querySelectorAll(".select2-selection[role=combobox]").forEach((box) => {
      const label = labelFor(selectIdOf(box));
      const shown = box.querySelector(".select2-selection__rendered[id]");
      nameBy(box, label, shown);
      if (shown) nameBy(shown, label, shown);
    });
    root.querySelectorAll(".select2-search__field").forEach((search) => {
      nameBy(search, labelFor(selectIdOf(search)));
    });
  }

  function nameRichText(root) {
    root.querySelectorAll(".prose-editor [contenteditable=true]").forEach((area) => {
      const textarea = area.closest(".prose-editor").querySelector("textarea[id]");
      nameBy(area, labelFor(textarea && textarea.id));
    });
  }

  // Django's tabular rows have a first column without a heading (the saved row's name): a cell.
  function unheadEmptyColumns(root) {
    root.querySelectorAll("thead th.original").forEach((heading) => {
      if (heading.textContent.trim()) return;
      const cell = document.createElement("td");
      cell.className = heading.className;
      heading.replaceWith(cell);
    });
  }

  function nameAll() {
    nameDateTimes(document);
    nameSelect2(document);
    nameRichText(document);
    unheadEmptyColumns(document);
  }

  new MutationObserver((changes) => {
    if (changes.some((change) => change.addedNodes.length)) nameAll();
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", nameAll);
})();
