// Shows a validation's progress as it happens. Without JavaScript the page refreshes itself
// instead (a <noscript> refresh); with it, the page asks for the status every two seconds,
// updates the progress bar and the live region, and reloads once validation has finished.
(function () {
  "use strict";
  const region = document.querySelector("[data-status-url]");
  if (!region) {
    return;
  }
  const url = region.dataset.statusUrl;
  const bar = region.querySelector("progress");
  const step = region.querySelector("[data-progress-step]");
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (status) {
        if (!status) {
          return;
        }
        if (status.finished) {
          window.location.reload();
          return;
        }
        if (bar) {
          bar.value = status.percent;
          bar.textContent = status.percent + "%";
        }
        if (step && status.step) {
          step.textContent = status.step;
        }
        window.setTimeout(poll, 2000);
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }
  window.setTimeout(poll, 1000);
})();
