// Quick exit, after the GOV.UK Design System's "Exit this page": leave for a neutral page, replacing this page in the
// history, blank the page at once, and undo the blanking if the browser brings the page back from its cache.
// Shift pressed three times in a row does the same (not Escape: it stops page loads and is pressed by accident).
// Without JavaScript the control is a plain link. Its words come from the link's data- attributes, in the page's language.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) return;
  var url = link.href, title = document.title, presses = 0, timer = 0;
  var words = link.dataset;

  // Tells screen reader users how many more presses will leave, as GOV.UK's component does.
  var status = document.createElement("p");
  status.id = "quick-exit-status";
  status.className = "visually-hidden";
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function exit(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("exiting");
    document.body.style.display = "none";
    document.title = words.loading || "…";
    window.location.replace(url);
  }

  function reset() {
    presses = 0;
    status.textContent = "";
  }

  link.addEventListener("click", exit);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || event.altKey || event.ctrlKey || event.metaKey) { clearTimeout(timer); reset(); return; }
    presses += 1;
    clearTimeout(timer);
    if (presses >= 3) { reset(); exit(); return; }
    status.textContent = presses === 2 ? words.oneMore : words.twoMore;
    timer = setTimeout(reset, 2000);
  });

  // A page restored from the back/forward cache comes back as it was left: show it again.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("exiting");
    document.body.style.display = "";
    document.title = title;
    reset();
  });
})();
