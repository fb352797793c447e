// Show the translation tabs of the item's original language: when the form opens, when the
// editor chooses another original language, and in a programme item added with "Add another".
// modeltranslation builds the tabs on document ready ("load" comes after it) and those of a new
// inline row on the click that adds it (around Django's "formset:added"). A form with errors keeps the
// tab modeltranslation chose: the first with an error.
"use strict";
window.addEventListener("load", function () {
  var choice = document.getElementById("id_original_language");
  var $ = window.jQuery || (window.django && window.django.jQuery);
  if (!choice || !$ || !$.fn.tabs) {
    return;
  }
  function originalIndex() {
    // By the tabs' panels (…_nn), not the switch's labels, which name the languages in words.
    var first = document.querySelector(".ui-tabs");
    var tabs = first ? first.querySelectorAll("li[role=tab]") : [];
    for (var index = 0; index < tabs.length; index += 1) {
      if ((tabs[index].getAttribute("aria-controls") || "").split("_").pop() === choice.value) {
        return index;
      }
    }
    return -1;
  }
  function showOriginal(container) {
    var index = originalIndex();
    if (index < 0) {
      return;
    }
    $(container || document).find(".ui-tabs").tabs("option", "active", index);
    // The form-wide switch may be made after "load": looked up when it is needed.
    $("#modeltranslation-main-switch").val(String(index));
  }
  if (!document.querySelector(".errornote")) {
    showOriginal();
  }
  choice.addEventListener("change", function () {
    showOriginal();
  });
  document.addEventListener("formset:added", function (event) {
    // modeltranslation's own click handler may make the row's tabs after this event.
    var tries = 0;
    function whenTabbed() {
      tries += 1;
      if ($(event.target).find(".ui-tabs").length) {
        showOriginal(event.target);
      } else if (tries < 40) {
        window.setTimeout(whenTabbed, 25);
      }
    }
    whenTabbed();
  });
});
