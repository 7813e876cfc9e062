// "Share" opens the device's own share sheet where the browser has one (Web Share API). Without it, or without
// JavaScript, the button stays hidden and the link, email and text-message choices beside it do the same job.
(function () {
  var button = document.querySelector('[data-share-url]');
  if (!button || typeof navigator.share !== 'function') return;
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.share({ title: button.getAttribute('data-share-title'), url: button.getAttribute('data-share-url') }).catch(function () { });
  });
})();
