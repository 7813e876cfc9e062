// Quick exit, after the GOV.UK Design System's "Exit this page": leave for a neutral page, replacing this page in the
// history, blank the page at once, and undo the blanking if the browser brings the page back from its cache.
// Shift pressed three times does the same. Without JavaScript the control is a plain link.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) return;
  var url = link.href;

  function exit(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("exiting");
    document.body.style.visibility = "hidden";
    document.title = "…";
    window.location.replace(url);
  }

  link.addEventListener("click", exit);

  var presses = 0, timer = 0;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = 0; return; }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1000);
    if (presses >= 3) { presses = 0; exit(); }
  });

  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("exiting");
    document.body.style.visibility = "";
  });
})();
