// Show the translation tabs of the item's original language: when the form opens, and when the
// editor chooses another original language. modeltranslation builds the tabs on document
// ready; "load" comes after it. A form with errors keeps the tab modeltranslation chose (the
// first with an error).
"use strict";
window.addEventListener("load", function () {
  var choice = document.getElementById("id_original_language");
  var tabSwitch = document.getElementById("modeltranslation-main-switch");
  if (!choice || !tabSwitch || !window.django || !window.django.jQuery) {
    return;
  }
  function showOriginal() {
    var code = choice.value.replace("_", "-");
    for (var index = 0; index < tabSwitch.options.length; index += 1) {
      if (tabSwitch.options[index].textContent === code) {
        (window.jQuery || window.django.jQuery)(tabSwitch).val(tabSwitch.options[index].value).trigger("change");
        return;
      }
    }
  }
  if (!document.querySelector(".errornote")) {
    showOriginal();
  }
  choice.addEventListener("change", showOriginal);
});
