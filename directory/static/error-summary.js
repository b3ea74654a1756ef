// Puts each field's label before its message in the error summary (_forms.html) and moves focus there,
// so a screen reader hears the problems first and each one links to its field.
(function () {
  var summary = document.querySelector(".error-summary");
  if (!summary) { return; }
  summary.querySelectorAll("a[data-field]").forEach(function (link) {
    var field = document.getElementById(link.dataset.field);
    if (!field) { link.replaceWith(document.createTextNode(link.textContent)); return; }
    var label = labelOf(field);
    if (label) {
      var name = document.createElement("span");
      name.className = "error-field";
      name.textContent = label + ": ";
      link.prepend(name);
    }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      field.focus();
      field.scrollIntoView({ block: "center" });
    });
  });
  summary.focus();

  function labelOf(field) {
    var label = document.querySelector('label[for="' + CSS.escape(field.id) + '"]');
    var fieldset = field.closest("fieldset");
    var source = label || (fieldset && fieldset.querySelector("legend"));
    if (!source) { return ""; }
    var copy = source.cloneNode(true);
    copy.querySelectorAll(".required, input").forEach(function (marker) { marker.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
})();
