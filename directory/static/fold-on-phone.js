// On a phone, parts marked data-fold-on-phone (the search filters, the home page's regions) start folded,
// so the page's own content comes first. They are open in the HTML: wider screens, and browsers without
// JavaScript, show them whole. Loaded at the end of <body>, before the first paint.
(function () {
  if (!window.matchMedia("(max-width: 47.99rem)").matches) return;
  document.querySelectorAll("details[data-fold-on-phone]").forEach(function (details) {
    details.open = false;
  });
})();
